/**
 * Canvas positions for the flow designers (Connect's `Metadata.ActionMetadata`, Studio's
 * `offset`): a left-to-right layered drawing by dagre, so an imported flow reads as a
 * graph rather than a pile of blocks at (0, 0).
 */
import dagre from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

/** Block sizes roughly as the two designers draw them. */
const BLOCK = { width: 240, height: 160 };

export function layoutFlow(nodes: readonly string[], edges: ReadonlyArray<[string, string]>, origin: Point): Map<string, Point> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const id of nodes) graph.setNode(id, { ...BLOCK });
  for (const [from, to] of edges) if (graph.hasNode(from) && graph.hasNode(to) && from !== to) graph.setEdge(from, to);
  dagre.layout(graph);
  const out = new Map<string, Point>();
  for (const id of nodes) {
    const { x, y } = graph.node(id);
    // Dagre gives centres; designers place blocks by their top-left corner, in whole pixels.
    out.set(id, { x: Math.round(origin.x + x - BLOCK.width / 2), y: Math.round(origin.y + y - BLOCK.height / 2) });
  }
  return out;
}

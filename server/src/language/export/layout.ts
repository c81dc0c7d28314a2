/**
 * Canvas positions for the flow designers (Connect's `Metadata.ActionMetadata`, Studio's
 * `offset`): each situation is drawn left to right by dagre's layered layout, and the
 * situations are stacked top to bottom in script order. An imported flow then reads as
 * the script does, one band per situation, and the layout stays quick for large flows
 * (dagre's cost grows faster than the size of the graph it draws, and situations are small).
 */
import dagre from '@dagrejs/dagre';

export interface Point {
  x: number;
  y: number;
}

/** Blocks drawn together: one situation's steps and the transitions between them. */
export interface LayoutGroup {
  nodes: string[];
  edges: Array<[string, string]>;
}

/** Block sizes roughly as the two designers draw them, and the gap between two bands. */
const BLOCK = { width: 240, height: 160 };
const BAND_GAP = 80;

export function layoutGroups(groups: readonly LayoutGroup[], origin: Point): Map<string, Point> {
  const out = new Map<string, Point>();
  let top = origin.y;
  for (const group of groups) {
    if (group.nodes.length === 0) continue;
    const graph = new dagre.graphlib.Graph();
    graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 0, marginy: 0 });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const id of group.nodes) graph.setNode(id, { ...BLOCK });
    for (const [from, to] of group.edges) if (graph.hasNode(from) && graph.hasNode(to) && from !== to) graph.setEdge(from, to);
    dagre.layout(graph);
    let bottom = top;
    for (const id of group.nodes) {
      const { x, y } = graph.node(id);
      // Dagre gives centres; designers place blocks by their top-left corner, in whole pixels.
      const point = { x: Math.round(origin.x + x - BLOCK.width / 2), y: Math.round(top + y - BLOCK.height / 2) };
      out.set(id, point);
      bottom = Math.max(bottom, point.y + BLOCK.height);
    }
    top = bottom + BAND_GAP;
  }
  return out;
}

/** Groups ids by a key, keeping the order in which each key is first met. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string, id: (item: T) => string, edges: (item: T) => string[]): LayoutGroup[] {
  const groups = new Map<string, LayoutGroup>();
  for (const item of items) {
    let group = groups.get(key(item));
    if (!group) groups.set(key(item), (group = { nodes: [], edges: [] }));
    group.nodes.push(id(item));
    for (const to of edges(item)) group.edges.push([id(item), to]);
  }
  return [...groups.values()];
}

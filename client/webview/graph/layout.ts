/**
 * Where the flow graph's pieces go. Pure (no DOM), so the benchmark and the unit tests run
 * it in Node, and the webview runs it in the browser.
 *
 * Each situation is one box, a record of rows (its steps in order, `reply`/`fallback`
 * bodies indented under a label), so the layout library sees one node per situation and
 * one edge per pair of situations a `goto` links, not one node per step: that is what keeps
 * a 1,000-situation script fast. @dagrejs/dagre lays out each group of situations linked by
 * jumps (a layered, top-to-bottom drawing); the groups, and the many situations no jump
 * touches, are then packed in rows by program order, so a large script reads like a page
 * instead of one endless line of boxes.
 */
import dagre from '@dagrejs/dagre';
import type { FlowGraph, FlowJump, FlowSituation, FlowStep } from '../../../server/src/language/graph/flow-graph';

export const BOX_WIDTH = 300;
export const HEADER_HEIGHT = 42;
export const ROW_HEIGHT = 22;
export const BOX_PADDING = 6;
export const INDENT = 14;
/** Space between groups when they are packed into rows. */
const GROUP_GAP = 48;
/**
 * Groups with more situations than this are ranked by longest path and ordered without
 * dagre's optimal-order sweeps: its default (network simplex) takes seconds on a
 * thousand boxes, longest path a few hundred milliseconds, at the price of longer arrows.
 */
export const LARGE_GROUP = 150;
/** Small groups are laid out together until a run holds this many situations. */
const BATCH_SIZE = 60;

export type Row =
  | { type: 'step'; step: FlowStep; y: number; indent: number }
  | { type: 'branch'; label: 'reply' | 'fallback'; y: number; indent: number };

export interface Box {
  situation: FlowSituation;
  /** Top-left corner, in graph coordinates. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Rows from the top of the box. */
  rows: Row[];
}

export interface JumpPath {
  jump: FlowJump;
  /** The points the arrow passes through, from the `goto` row to the target box. */
  points: Array<{ x: number; y: number }>;
}

export interface GraphLayout {
  width: number;
  height: number;
  boxes: Box[];
  jumps: JumpPath[];
}

/** The rows of a situation's box: its steps, with a label row where a body starts. */
export function rowsOf(situation: FlowSituation): Row[] {
  const rows: Row[] = [];
  const seenBodies = new Set<string>();
  let y = HEADER_HEIGHT;
  for (const step of situation.steps) {
    const body = bodyOf(step.node);
    if (body !== null && !seenBodies.has(body.path)) {
      seenBodies.add(body.path);
      rows.push({ type: 'branch', label: body.label, y, indent: (step.depth - 1) * INDENT });
      y += ROW_HEIGHT;
    }
    rows.push({ type: 'step', step, y, indent: step.depth * INDENT });
    y += ROW_HEIGHT;
  }
  return rows;
}

/** The innermost `reply`/`fallback` body a node id lies in (`s/3/fallback/1` → `s/3/fallback`). */
function bodyOf(nodeId: string): { path: string; label: 'reply' | 'fallback' } | null {
  const segments = nodeId.split('/');
  for (let i = segments.length - 1; i > 0; i--) {
    const segment = segments[i];
    if (segment === 'reply' || segment === 'fallback') return { path: segments.slice(0, i + 1).join('/'), label: segment };
  }
  return null;
}

export function layoutFlowGraph(graph: FlowGraph): GraphLayout {
  const boxes = new Map<string, Box>();
  for (const situation of graph.situations) {
    const rows = rowsOf(situation);
    const height = (rows.length > 0 ? rows[rows.length - 1].y + ROW_HEIGHT : HEADER_HEIGHT) + BOX_PADDING;
    boxes.set(situation.id, { situation, x: 0, y: 0, width: BOX_WIDTH, height, rows });
  }

  const groups = groupsOf(graph, boxes);
  const placed = layoutGroups(groups, graph.jumps, boxes);
  const { width, height } = pack(placed);
  const groupOf = new Map<string, PlacedGroup>();
  for (const group of placed) {
    for (const id of group.ids) {
      const box = boxes.get(id)!;
      box.x += group.dx;
      box.y += group.dy;
      groupOf.set(id, group);
    }
  }

  const jumps: JumpPath[] = [];
  for (const jump of graph.jumps) {
    const from = boxes.get(jump.fromSituation);
    const to = boxes.get(jump.to);
    if (!from || !to) continue;
    jumps.push({ jump, points: routeOf(jump, from, to, groupOf.get(jump.fromSituation)!) });
  }
  return { width, height, boxes: [...boxes.values()], jumps };
}

/** A group of situations linked by jumps, laid out on its own, then moved into place. */
interface PlacedGroup {
  ids: string[];
  width: number;
  height: number;
  /** Dagre's routes between boxes, keyed `from\0to`, in group coordinates. */
  routes: Map<string, Array<{ x: number; y: number }>>;
  /** Where the group went. */
  dx: number;
  dy: number;
}

/** Situations linked by jumps (in either direction), each group in program order. */
function groupsOf(graph: FlowGraph, boxes: Map<string, Box>): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path halving keeps later finds short.
    let node = id;
    while (parent.get(node) !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const id of boxes.keys()) parent.set(id, id);
  for (const jump of graph.jumps) {
    if (!boxes.has(jump.fromSituation) || !boxes.has(jump.to)) continue;
    const a = find(jump.fromSituation);
    const b = find(jump.to);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, string[]>();
  for (const id of boxes.keys()) {
    const root = find(id);
    const group = groups.get(root) ?? [];
    group.push(id);
    groups.set(root, group);
  }
  return [...groups.values()];
}

/**
 * Lays out groups of situations: a lone situation is just its box; small groups are laid
 * out together, a batch of them per dagre run (each run costs a couple of milliseconds
 * however small its graph, and a script of a thousand situations in pairs has hundreds of
 * groups), then taken apart again; a large group gets a run of its own.
 */
function layoutGroups(groups: string[][], jumps: readonly FlowJump[], boxes: Map<string, Box>): PlacedGroup[] {
  const placed = new Map<string[], PlacedGroup>();
  let batch: string[][] = [];
  let batchSize = 0;
  const flush = () => {
    if (batch.length > 0) for (const group of layoutBatch(batch, jumps, boxes)) placed.set(group.ids, group);
    batch = [];
    batchSize = 0;
  };
  for (const ids of groups) {
    if (ids.length === 1) {
      const box = boxes.get(ids[0])!;
      placed.set(ids, { ids, width: box.width, height: box.height, routes: new Map(), dx: 0, dy: 0 });
    } else if (ids.length > LARGE_GROUP) {
      for (const group of layoutBatch([ids], jumps, boxes)) placed.set(group.ids, group);
    } else {
      batch.push(ids);
      batchSize += ids.length;
      if (batchSize >= BATCH_SIZE) flush();
    }
  }
  flush();
  return groups.map((ids) => placed.get(ids)!);
}

/** One dagre run over `groups` (no jump links two of them); each comes back at the origin. */
function layoutBatch(groups: string[][], jumps: readonly FlowJump[], boxes: Map<string, Box>): PlacedGroup[] {
  const all = groups.flat();
  const members = new Set(all);
  const g = new dagre.graphlib.Graph();
  const large = all.length > LARGE_GROUP;
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 56, marginx: 0, marginy: 0, ...(large ? { ranker: 'longest-path' } : {}) });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of all) {
    const box = boxes.get(id)!;
    g.setNode(id, { width: box.width, height: box.height });
  }
  for (const [from, to] of large ? spanningEdges(all, jumps, members) : groupEdges(jumps, members)) g.setEdge(from, to);
  dagre.layout(g, large ? { disableOptimalOrderHeuristic: true } : undefined);

  const groupOf = new Map<string, number>();
  groups.forEach((ids, index) => ids.forEach((id) => groupOf.set(id, index)));
  return groups.map((ids, index) => {
    let left = Infinity;
    let top = Infinity;
    let right = -Infinity;
    let bottom = -Infinity;
    for (const id of ids) {
      const node = g.node(id);
      const box = boxes.get(id)!;
      box.x = (node.x ?? 0) - box.width / 2;
      box.y = (node.y ?? 0) - box.height / 2;
      left = Math.min(left, box.x);
      top = Math.min(top, box.y);
      right = Math.max(right, box.x + box.width);
      bottom = Math.max(bottom, box.y + box.height);
    }
    for (const id of ids) {
      const box = boxes.get(id)!;
      box.x -= left;
      box.y -= top;
    }
    const routes = new Map<string, Array<{ x: number; y: number }>>();
    for (const edge of g.edges()) {
      if (groupOf.get(edge.v) !== index) continue;
      const points: Array<{ x: number; y: number }> = g.edge(edge)?.points ?? [];
      routes.set(`${edge.v}\u0000${edge.w}`, points.map((p) => ({ x: p.x - left, y: p.y - top })));
    }
    return { ids, width: right - left, height: bottom - top, routes, dx: 0, dy: 0 };
  });
}

/** Every pair of situations a jump links within the group, once each. */
function groupEdges(jumps: readonly FlowJump[], members: ReadonlySet<string>): Array<[string, string]> {
  const edges: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const jump of jumps) {
    // A jump to its own situation is drawn as a loop beside the box; it does not shape the layout.
    if (jump.fromSituation === jump.to || !members.has(jump.fromSituation)) continue;
    const key = `${jump.fromSituation}\u0000${jump.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push([jump.fromSituation, jump.to]);
  }
  return edges;
}

/**
 * For a large group: the edges of a breadth-first spanning tree, each pointing away from
 * the situation met first (program order). Each spans one rank, so dagre adds no dummy
 * nodes for them; given every jump of a thousand-situation group, the long ones would add
 * hundreds of thousands. The other jumps are drawn straight to their target.
 */
function spanningEdges(ids: readonly string[], jumps: readonly FlowJump[], members: ReadonlySet<string>): Array<[string, string]> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = neighbours.get(a) ?? [];
    list.push(b);
    neighbours.set(a, list);
  };
  for (const jump of jumps) {
    if (jump.fromSituation === jump.to || !members.has(jump.fromSituation)) continue;
    link(jump.fromSituation, jump.to);
    link(jump.to, jump.fromSituation);
  }
  const edges: Array<[string, string]> = [];
  const visited = new Set<string>();
  for (const start of ids) {
    if (visited.has(start)) continue;
    visited.add(start);
    const queue = [start];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head];
      for (const next of neighbours.get(id) ?? []) {
        if (visited.has(next)) continue;
        visited.add(next);
        edges.push([id, next]);
        queue.push(next);
      }
    }
  }
  return edges;
}

/** Packs the groups into rows, left to right, in program order; moves their boxes. */
function pack(groups: PlacedGroup[]): { width: number; height: number } {
  const area = groups.reduce((sum, g) => sum + (g.width + GROUP_GAP) * (g.height + GROUP_GAP), 0);
  const widest = groups.reduce((max, g) => Math.max(max, g.width), 0);
  // Roughly a 3:2 page, never narrower than the widest group.
  const rowWidth = Math.max(widest, Math.sqrt(area * 1.5));
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const group of groups) {
    if (x > 0 && x + group.width > rowWidth) {
      x = 0;
      y += rowHeight + GROUP_GAP;
      rowHeight = 0;
    }
    group.dx = x;
    group.dy = y;
    x += group.width + GROUP_GAP;
    rowHeight = Math.max(rowHeight, group.height);
    width = Math.max(width, group.dx + group.width);
  }
  return { width, height: y + rowHeight };
}

/**
 * The arrow of one jump: out of the right side of its `goto` row, then along dagre's route
 * to the target's box. A jump to its own situation loops back to the box's header.
 */
function routeOf(jump: FlowJump, from: Box, to: Box, group: PlacedGroup): Array<{ x: number; y: number }> {
  const row = from.rows.find((r) => r.type === 'step' && r.step.node === jump.from);
  const rowY = from.y + (row ? row.y + ROW_HEIGHT / 2 : HEADER_HEIGHT / 2);
  const right = from.x + from.width;
  if (from === to) {
    return [
      { x: right, y: rowY },
      { x: right + 24, y: rowY },
      { x: right + 24, y: from.y + HEADER_HEIGHT / 2 },
      { x: right, y: from.y + HEADER_HEIGHT / 2 },
    ];
  }
  const route = group.routes.get(`${jump.fromSituation}\u0000${jump.to}`) ?? [];
  const inner = route.slice(1).map((p) => ({ x: p.x + group.dx, y: p.y + group.dy }));
  const end = inner.length > 0 ? inner[inner.length - 1] : { x: to.x + to.width / 2, y: to.y };
  const middle = inner.slice(0, -1);
  return [{ x: right, y: rowY }, { x: right + 16, y: rowY }, ...middle, end];
}

/**
 * The situation graph behind `sop graph`: one node per situation and one per place a call
 * can leave the script (a transfer queue, the hang-up, the agent taking over), with an edge
 * for every way a situation reaches another node.
 *
 * It is read off the compiled IVR graph rather than the syntax tree, so the diagram shows
 * exactly what an IVR engine would run: unreachable steps are already gone, a `wait`
 * without `reply` already leads to its synthesised `end`, and a `goto` already names the
 * situation the compiler resolved (the first definition of a duplicated id).
 */
import { compileProgram } from '../compile/compile';
import type { CompiledScript, IvrNode } from '../compile/types';
import type { Program } from '../program';

/**
 * How a step is reached inside its situation: straight through from the entry (`next`), or
 * after the most recent `wait` was answered (`reply`) or met with silence (`silence`).
 */
export type Reach = 'next' | 'reply' | 'silence';

/** Reaches in the order labels list them. */
export const REACHES: readonly Reach[] = ['next', 'reply', 'silence'];

export type GraphNodeKind = 'situation' | 'queue' | 'hangup' | 'agent' | 'dead-end' | 'unknown';

export interface GraphNode {
  /** Unique among the graph's nodes; situation ids are used as they are. */
  key: string;
  kind: GraphNodeKind;
  /** The situation id, the queue's name, or the unknown id a `goto` names. */
  name: string;
  /** The situation's title (situations only). */
  title: string | null;
  /** The file that defines the situation, as `displayPath` names it (situations only). */
  file: string | null;
}

export type GraphEdgeKind = 'goto' | 'transfer' | 'hangup' | 'end';

export interface GraphEdge {
  from: string;
  to: string;
  kind: GraphEdgeKind;
  /** Every way the source situation reaches the target, in `REACHES` order; never empty. */
  reaches: Reach[];
}

export interface SituationGraph {
  /** The root file's `script` title. */
  title: string | null;
  /** Every file of the program in load order, the root first. */
  files: string[];
  /** Situations in program order, then queues, the unknown targets and terminals as first met. */
  nodes: GraphNode[];
  /** Grouped by source situation (in program order), then in the order the steps are met. */
  edges: GraphEdge[];
}

export interface GraphOptions {
  /** How a document identity is named in the diagram (e.g. relative to the working folder). */
  displayPath?: (uri: string) => string;
}

/** Keys of the non-situation nodes. Situation ids cannot contain `:`, so these never clash. */
export const HANGUP_KEY = ':hangup';
export const AGENT_KEY = ':agent';
export const DEAD_END_KEY = ':dead-end';
export const queueKey = (queue: string) => `queue:${queue}`;
export const unknownKey = (id: string) => `unknown:${id}`;

export function buildSituationGraph(program: Program, options: GraphOptions = {}): SituationGraph {
  return graphOfCompiled(compileProgram(program, { displayPath: options.displayPath }));
}

export function graphOfCompiled(compiled: CompiledScript): SituationGraph {
  const { ivr, agent } = compiled;
  const nodes: GraphNode[] = agent.situations.map((s) => ({
    key: s.id,
    kind: 'situation',
    name: s.id,
    title: s.title,
    file: s.source.file,
  }));
  const extra = new Map<string, GraphNode>();
  const addExtra = (key: string, kind: GraphNodeKind, name: string) => {
    if (!extra.has(key)) extra.set(key, { key, kind, name, title: null, file: null });
    return key;
  };

  // Edges follow the steps in source order (the compiler writes nodes in that order).
  const position = new Map(Object.keys(ivr.nodes).map((id, index) => [id, index]));
  const edges: GraphEdge[] = [];
  for (const situation of agent.situations) {
    const entry = ivr.situations[situation.id]?.entry;
    if (entry === undefined) continue;
    const reached = [...reachesWithin(ivr.nodes, situation.id, entry)].sort(
      ([a], [b]) => (position.get(a) ?? 0) - (position.get(b) ?? 0),
    );
    const bySituation = new Map<string, GraphEdge>();
    for (const [nodeId, reaches] of reached) {
      const node = ivr.nodes[nodeId];
      const target = edgeTarget(node, ivr.situations, addExtra);
      if (!target) continue;
      const key = `${target.kind}\u0000${target.to}`;
      const edge = bySituation.get(key) ?? { from: situation.id, to: target.to, kind: target.kind, reaches: [] };
      bySituation.set(key, edge);
      edge.reaches = REACHES.filter((r) => edge.reaches.includes(r) || reaches.has(r));
    }
    edges.push(...bySituation.values());
  }

  // Queues first, then targets that do not exist, then the terminals, each group as first met.
  const order: GraphNodeKind[] = ['queue', 'unknown', 'hangup', 'agent', 'dead-end'];
  const extras = [...extra.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { title: compiled.script.title, files: compiled.script.files, nodes: [...nodes, ...extras], edges };
}

/** Where a terminal node of a situation leads in the diagram, if anywhere. */
function edgeTarget(
  node: IvrNode,
  situations: CompiledScript['ivr']['situations'],
  addExtra: (key: string, kind: GraphNodeKind, name: string) => string,
): { to: string; kind: GraphEdgeKind } | undefined {
  switch (node.type) {
    case 'goto':
      return {
        to: node.next !== null && situations[node.target] ? node.target : addExtra(unknownKey(node.target), 'unknown', node.target),
        kind: 'goto',
      };
    case 'transfer':
      return { to: addExtra(queueKey(node.queue), 'queue', node.queue), kind: 'transfer' };
    case 'hangup':
      return { to: addExtra(HANGUP_KEY, 'hangup', 'hangup'), kind: 'hangup' };
    case 'end':
      return node.reason === 'dead-end'
        ? { to: addExtra(DEAD_END_KEY, 'dead-end', 'dead end'), kind: 'end' }
        : { to: addExtra(AGENT_KEY, 'agent', 'agent takes over'), kind: 'end' };
    default:
      return undefined;
  }
}

/**
 * Every node of one situation reachable from its entry, with the ways it is reached. The
 * nodes of a situation form a graph without cycles (only `goto` leaves a situation, and it
 * is not followed here), so propagating sets until nothing changes ends quickly.
 */
function reachesWithin(nodes: Record<string, IvrNode>, situation: string, entry: string): Map<string, Set<Reach>> {
  const reached = new Map<string, Set<Reach>>();
  const queue: Array<[string, Reach]> = [[entry, 'next']];
  while (queue.length > 0) {
    const [id, reach] = queue.shift()!;
    const node = nodes[id];
    if (!node || node.situation !== situation) continue;
    const set = reached.get(id) ?? new Set<Reach>();
    if (set.has(reach)) continue;
    set.add(reach);
    reached.set(id, set);
    switch (node.type) {
      case 'wait':
        queue.push([node.onReply, 'reply'], [node.onSilence, 'silence']);
        break;
      case 'say':
      case 'note':
      case 'promise':
      case 'hold':
        queue.push([node.next, reach]);
        break;
      default:
        break;
    }
  }
  return reached;
}

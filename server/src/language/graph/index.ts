/**
 * `sop graph`'s pure part: a program's situations and their jumps as a diagram.
 */
import type { Program } from '../program';
import { renderDot } from './dot';
import { renderMermaid } from './mermaid';
import { buildSituationGraph, type GraphOptions } from './situation-graph';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/**
 * The situations of `program` (the root and everything it imports) and how each reaches
 * another situation, a transfer queue, the hang-up or the agent, as Mermaid or DOT text.
 * The same program always gives the same text.
 */
export function renderSituationGraph(program: Program, format: GraphFormat, options: GraphOptions = {}): string {
  const graph = buildSituationGraph(program, options);
  return format === 'dot' ? renderDot(graph) : renderMermaid(graph);
}

export { buildSituationGraph, graphOfCompiled, REACHES } from './situation-graph';
export type { GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GraphOptions, Reach, SituationGraph } from './situation-graph';
export { buildFlowGraph, describeNode, worseSeverity } from './flow-graph';
export type { FlowBranch, FlowGraph, FlowJump, FlowMark, FlowSituation, FlowStep, FlowStepKind } from './flow-graph';

/**
 * The flow graph the editor draws ("SOP: Show Flow Graph"): every situation of a program
 * with its steps in order, and every jump between situations, with the findings of the
 * script marked on the steps and situations they are about.
 *
 * Like `sop graph` it is read off the compiled IVR graph, so it shows what an IVR engine
 * would run (unreachable steps are gone, a `wait` without `reply` leads to its synthesised
 * `end`, a `goto` names the situation the compiler resolved). Unlike `sop graph` it keeps
 * the steps: a situation is a record of rows, which is what lets an editor lay out a
 * 1,000-situation script quickly (the layout sees one box per situation, not one per step).
 *
 * The result is plain data (no editor types), sent by the language server as the answer
 * to `sop/graph`.
 */
import type { CompiledScript, IvrNode } from '../compile/types';
import { formatDuration } from '../duration';
import type { Severity } from '../finding';
import { lastAtOrBefore } from '../sorted';

export type FlowStepKind = IvrNode['type'];

/** Which body a step sits in: the situation's own steps, or a `reply`/`fallback` body. */
export type FlowBranch = 'main' | 'reply' | 'fallback';

export interface FlowStep {
  /** The IVR node id (`silent_call/3/fallback/1`), unique in the graph. */
  node: string;
  kind: FlowStepKind;
  /** What the step says or does, in one line, as a writer would read it. */
  text: string;
  branch: FlowBranch;
  /** How many `reply`/`fallback` bodies enclose the step (0 for the situation's own). */
  depth: number;
  /** 1-based line and UTF-16 column in the situation's file. */
  line: number;
  column: number;
  /** The most severe finding on the step's line, if any. */
  severity: Severity | null;
  /** For `goto`: the situation id it names; for `transfer`: the queue. */
  target: string | null;
  /** For `goto`: false when no situation has that id. */
  resolved: boolean;
}

export interface FlowSituation {
  id: string;
  title: string | null;
  /** Index into `FlowGraph.files`. */
  file: number;
  line: number;
  column: number;
  /** The most severe finding anywhere in the situation, if any. */
  severity: Severity | null;
  steps: FlowStep[];
}

/** A `goto` step and the situation it enters. */
export interface FlowJump {
  /** The `goto` step's node id. */
  from: string;
  /** The situation the step belongs to. */
  fromSituation: string;
  /** The situation it jumps to. */
  to: string;
}

export interface FlowGraph {
  title: string | null;
  /** Every file of the program in load order, the root first, as the compiler named them. */
  files: string[];
  situations: FlowSituation[];
  /** One per `goto` step whose target exists, in program order. */
  jumps: FlowJump[];
}

/** A finding reduced to what the graph needs: where it is (file as the compiler names it). */
export interface FlowMark {
  file: string;
  /** 1-based. */
  line: number;
  severity: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

/** The more severe of two severities (null: none). */
export function worseSeverity(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/**
 * The flow graph of a compiled script. `marks` are the findings to show; each marks the
 * step written on its line (if any) and the situation whose text holds the line (the last
 * situation of that file starting at or before it).
 */
export function buildFlowGraph(compiled: CompiledScript, marks: readonly FlowMark[] = []): FlowGraph {
  const { ivr, agent } = compiled;
  const files = compiled.script.files.length > 0 ? [...compiled.script.files] : [compiled.script.file];
  const fileIndex = new Map(files.map((file, index) => [file, index]));

  const byId = new Map<string, FlowSituation>();
  const situations: FlowSituation[] = agent.situations.map((s) => {
    let file = fileIndex.get(s.source.file);
    if (file === undefined) {
      file = files.length;
      files.push(s.source.file);
      fileIndex.set(s.source.file, file);
    }
    const situation: FlowSituation = {
      id: s.id,
      title: s.title,
      file,
      line: s.source.line,
      column: s.source.column,
      severity: null,
      steps: [],
    };
    byId.set(s.id, situation);
    return situation;
  });

  // The compiler writes each situation's nodes depth-first in source order.
  const jumps: FlowJump[] = [];
  for (const [nodeId, node] of Object.entries(ivr.nodes)) {
    const situation = byId.get(node.situation);
    if (!situation) continue;
    const place = placeOf(nodeId, node.situation);
    const target = node.type === 'goto' ? node.target : node.type === 'transfer' ? node.queue : null;
    const resolved = node.type !== 'goto' || (node.next !== null && byId.has(node.target));
    situation.steps.push({
      node: nodeId,
      kind: node.type,
      text: describeNode(node),
      branch: place.branch,
      depth: place.depth,
      line: node.source.line,
      column: node.source.column,
      severity: null,
      target,
      resolved,
    });
    if (node.type === 'goto' && resolved) jumps.push({ from: nodeId, fromSituation: node.situation, to: node.target });
  }

  applyMarks(situations, files, marks);
  return { title: compiled.script.title, files, situations, jumps };
}

/** Where a node sits, read off its structural id (`<situation>/3/fallback/1`). */
function placeOf(nodeId: string, situation: string): { branch: FlowBranch; depth: number } {
  const rest = nodeId.startsWith(`${situation}/`) ? nodeId.slice(situation.length + 1) : '';
  let branch: FlowBranch = 'main';
  let depth = 0;
  for (const segment of rest.split('/')) {
    if (segment === 'reply' || segment === 'fallback') {
      branch = segment;
      depth += 1;
    }
  }
  return { branch, depth };
}

/** One line per step, in the words of the script. */
export function describeNode(node: IvrNode): string {
  switch (node.type) {
    case 'say':
      return node.text;
    case 'note':
      return node.text;
    case 'promise':
      return `${formatDuration(node.windowMs)}${node.text !== null ? ` ${node.text}` : ''}`;
    case 'hold':
      return node.maxMs === null ? 'until the agent returns' : `up to ${formatDuration(node.maxMs)}`;
    case 'wait':
      return formatDuration(node.timeoutMs);
    case 'goto':
      return node.target;
    case 'transfer':
      return node.queue;
    case 'hangup':
      return '';
    case 'end':
      return node.reason === 'dead-end' ? 'dead end: no more steps' : 'the agent takes over';
  }
}

function applyMarks(situations: FlowSituation[], files: readonly string[], marks: readonly FlowMark[]): void {
  if (marks.length === 0) return;
  // Per file, its situations by starting line, to find the one holding a line.
  const perFile = new Map<number, FlowSituation[]>();
  for (const situation of situations) {
    const list = perFile.get(situation.file) ?? [];
    list.push(situation);
    perFile.set(situation.file, list);
  }
  const starts = new Map<number, number[]>();
  for (const [file, list] of perFile) {
    list.sort((a, b) => a.line - b.line);
    starts.set(file, list.map((s) => s.line));
  }
  const fileIndex = new Map(files.map((file, index) => [file, index]));

  for (const mark of marks) {
    const file = fileIndex.get(mark.file);
    const list = file === undefined ? undefined : perFile.get(file);
    if (!list) continue;
    const lines = starts.get(file!)!;
    if (lines[0] > mark.line) continue;
    const situation = list[lastAtOrBefore(lines, mark.line)];
    situation.severity = worseSeverity(situation.severity, mark.severity);
    for (const step of situation.steps) {
      if (step.line === mark.line) step.severity = worseSeverity(step.severity, mark.severity);
    }
  }
}

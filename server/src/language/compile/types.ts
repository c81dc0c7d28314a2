/**
 * The shape of a compiled `sop-script/1` document. `schema/sop-script.schema.json` is the
 * published contract; these interfaces mirror it so the compiler, the CLI and the simulator
 * are checked against the same shape by the type checker. Field order here is the order in
 * which the compiler writes them (the serialised JSON keeps insertion order).
 */

/** The value of the `format` field; bumped only for incompatible changes. */
export const FORMAT = 'sop-script/1';

/** Where a node or a situation was written: 1-based line and UTF-16 column. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface CompiledScript {
  format: typeof FORMAT;
  script: ScriptInfo;
  ivr: IvrView;
  agent: AgentView;
}

export interface ScriptInfo {
  title: string | null;
  version: string | null;
  locale: string | null;
  /** The root file. */
  file: string;
  /** Every file of the program in load order, the root first. */
  files: string[];
  /** Every declared variable name, deduplicated, in load order. */
  variables: string[];
}

// ── IVR view ───────────────────────────────────────────────────────────────────────────

export interface IvrView {
  /** Situation id → where the IVR starts it; in program order. */
  situations: Record<string, IvrSituation>;
  /** Node id → node, for every situation; in program order, each situation depth-first. */
  nodes: Record<string, IvrNode>;
}

export interface IvrSituation {
  entry: string;
  source: SourcePosition;
}

interface NodeBase {
  /** The situation the node belongs to. */
  situation: string;
  source: SourcePosition;
}

/** A literal run of text, or a variable to fill in at run time. */
export type TextPart = { text: string } | { var: string };

export interface SayNode extends NodeBase {
  type: 'say';
  /** The text for display, placeholders written as `{name}`. */
  text: string;
  /** The text for speech: literal runs and variables, unambiguous. */
  parts: TextPart[];
  estimatedMs: number;
  next: string;
}

export interface WaitNode extends NodeBase {
  type: 'wait';
  timeoutMs: number;
  onReply: string;
  onSilence: string;
}

export interface NoteNode extends NodeBase {
  type: 'note';
  text: string;
  next: string;
}

export interface PromiseNode extends NodeBase {
  type: 'promise';
  windowMs: number;
  text: string | null;
  next: string;
}

export interface HoldNode extends NodeBase {
  type: 'hold';
  /** The longest the line stays muted; null: until the agent comes back. */
  maxMs: number | null;
  next: string;
}

export interface GotoNode extends NodeBase {
  type: 'goto';
  outcome: 'jump';
  target: string;
  /** The target's entry node; null only when the target does not exist (a lint error). */
  next: string | null;
}

export interface TransferNode extends NodeBase {
  type: 'transfer';
  outcome: 'transfer';
  queue: string;
}

export interface HangupNode extends NodeBase {
  type: 'hangup';
  outcome: 'hangup';
}

/** Why an `end` node exists: the `end` step, a `wait` without `reply`, or a dead end. */
export type EndReason = 'end-step' | 'reply-without-body' | 'dead-end';

export interface EndNode extends NodeBase {
  type: 'end';
  outcome: 'agent-takeover';
  reason: EndReason;
}

export type IvrNode =
  | SayNode
  | WaitNode
  | NoteNode
  | PromiseNode
  | HoldNode
  | GotoNode
  | TransferNode
  | HangupNode
  | EndNode;

// ── Agent view ─────────────────────────────────────────────────────────────────────────

export interface AgentView {
  situations: AgentSituation[];
}

export interface AgentSituation {
  id: string;
  title: string | null;
  tags: string[];
  when: string | null;
  source: SourcePosition;
  phrases: AgentPhrase[];
  notes: AgentNote[];
  promises: AgentPromise[];
}

/** Which body an item sits in: the situation's own steps, or a `reply`/`fallback` body. */
export type Branch = 'main' | 'reply' | 'fallback';

interface AgentItem {
  /** The IVR node of the same step. */
  node: string;
  branch: Branch;
  /** How many `reply`/`fallback` bodies enclose the step (0 for the situation's own). */
  depth: number;
  text: string;
  variables: string[];
  source: SourcePosition;
}

export interface AgentPhrase extends AgentItem {
  estimatedSeconds: number;
}

export type AgentNote = AgentItem;

export interface AgentPromise extends Omit<AgentItem, 'text'> {
  seconds: number;
  text: string | null;
}

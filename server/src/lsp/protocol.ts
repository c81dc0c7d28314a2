/**
 * The custom requests between the extension client and the SOP language server, beyond
 * standard LSP. Both sides import this one module (it holds only names and shapes), so
 * they cannot drift apart.
 */
import type { FlowGraph } from '../language/graph/flow-graph';

/** Server → client: read a file the server has not been sent (used by the web worker). */
export const READ_FILE_REQUEST = 'sop/readFile';

export interface ReadFileParams {
  uri: string;
}

/** `null` when the file does not exist or cannot be read. */
export type ReadFileResult = string | null;

/** Client → server: compile one open script (with its imports) to the JSON of `sop build`. */
export const COMPILE_REQUEST = 'sop/compile';

export interface CompileParams {
  /** The document's URI as the client sends it in `textDocument/didOpen`. */
  uri: string;
}

/** One reason the script cannot be compiled; positions are 1-based, as the CLI prints them. */
export interface CompileError {
  message: string;
  line: number;
  column: number;
}

export interface CompileResult {
  /** The compiled document; absent when `errors` is not empty. */
  json?: string;
  errors: CompileError[];
}

/**
 * Client → server: the flow graph of an open script and everything it imports, for the
 * "Show Flow Graph" view. Files in the graph are named by their URIs, so the client can
 * open them; lines are 1-based.
 */
export const GRAPH_REQUEST = 'sop/graph';

export interface GraphParams {
  uri: string;
}

export type GraphResult = { graph: FlowGraph; version: number | null } | { error: string };

/**
 * Client → server: list (and, with `run`, run) the cases of a script test file
 * (`*.sop-test.yaml`) for the editor's Test Explorer. The client sends the file's text (it
 * is YAML, which the server does not sync); the script it tests is read as the server holds
 * it, so unsaved edits to the script count too.
 */
export const SCRIPT_TESTS_REQUEST = 'sop/scriptTests';

export interface ScriptTestsParams {
  /** The test file's URI. */
  uri: string;
  /** The test file's current text. */
  text: string;
  /** Run the cases (else only list them). */
  run: boolean;
  /** With `run`: the indexes of the cases to run; all when absent. */
  cases?: number[];
}

/** A range of a file, 0-based, characters in UTF-16 code units (as LSP counts them). */
export interface ScriptTestRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** A message about a file, at a range of it (the test file unless `uri` says otherwise). */
export interface ScriptTestMessage {
  message: string;
  range: ScriptTestRange;
  uri?: string;
}

export interface ScriptTestCaseInfo {
  index: number;
  name: string;
  /** The whole case, and where its name is (for the gutter). */
  range: ScriptTestRange;
  nameRange: ScriptTestRange;
  /** Present after a run: how the case went. */
  status?: 'passed' | 'failed' | 'error';
  failures?: ScriptTestMessage[];
  /** After a failed run: the expected and actual transcripts, for a diff view. */
  expected?: string;
  actual?: string;
}

export interface ScriptTestsResult {
  /** The script the file tests, or `null` when the file could not be read far enough. */
  script: string | null;
  cases: ScriptTestCaseInfo[];
  /**
   * Problems that keep the file's cases from running (a broken file, a missing script, an
   * unknown situation or variable); a listing reports them too.
   */
  problems: ScriptTestMessage[];
}

/** Client → server: export one open script (with its imports) as `sop export --target` does. */
export const EXPORT_REQUEST = 'sop/export';

/** The targets, as `sop export --target` names them. */
export type ExportTargetName = 'voicexml' | 'connect' | 'studio' | 'phrases';

export interface ExportParams {
  uri: string;
  target: ExportTargetName;
}

export interface ExportResult {
  /** The files to write beside the script (`<name><extension>`); empty when `errors` is not. */
  files: Array<{ extension: string; content: string }>;
  errors: CompileError[];
  /** Findings that do not block the export (a transfer target without a queue). */
  warnings: CompileError[];
}

/**
 * Client → server: play a situation of an open script for the simulator panel, on the same
 * engine as `sop simulate`, in interactive mode: the walk stops at the first `wait` the
 * given events do not answer (`waiting` is then set). Files are named by their URIs.
 */
export const SIMULATE_REQUEST = 'sop/simulate';

export interface SimulateParams {
  uri: string;
  /** The situation to play; the first of the script when absent or unknown. */
  situation?: string;
  /** The caller's answers so far, one per `wait`; `afterMs` times a reply (null: at once). */
  events: Array<{ event: 'silence' | 'reply'; afterMs: number | null }>;
  /** Placeholder values by variable name. */
  vars: Record<string, string>;
}

/** One line of the transcript: a step, with where it is written. */
export interface SimulateLine {
  /** Milliseconds since the call started, and the same as `[mm:ss.t]`. */
  at: number;
  clock: string;
  /** The step in the words of `sop simulate` (`SAY "…"`, `WAIT 5s → silence`). */
  text: string;
  type: string;
  node: string;
  situation: string;
  file: string;
  /** 1-based. */
  line: number;
  column: number;
}

export interface SimulateResult {
  /** Why nothing could be played (no such script, no situation); the rest is then empty. */
  error?: string;
  situation: string;
  title: string | null;
  /** Every situation of the program, to pick another; where each is written (1-based line). */
  situations: Array<{ id: string; title: string | null; file: string; line: number }>;
  /** The script's declared variables, to fill placeholders. */
  variables: string[];
  lines: SimulateLine[];
  /** How the call ended, or that it waits for the caller, in `sop simulate`'s words. */
  outcome: { kind: string; at: number; clock: string; text: string };
  /** The wait the call stopped at, for the caller's next answer. */
  waiting: { node: string; timeoutMs: number; file: string; line: number; column: number } | null;
}

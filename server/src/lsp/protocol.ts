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
  /** Problems that keep the file's cases from running (a broken file, a missing script). */
  problems: ScriptTestMessage[];
}

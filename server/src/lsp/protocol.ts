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

/**
 * The custom requests between the extension client and the SOP language server, beyond
 * standard LSP. Both sides import this one module (it holds only names and shapes), so
 * they cannot drift apart.
 */

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

/**
 * What every feature module of the language server works with. Features
 * (`features/<feature>.ts`) receive a `ServerState` and never keep documents, parses,
 * programs or configurations of their own, so every feature sees the same semantic model
 * for the same version of a document, and the cache decides once when to re-parse.
 *
 * Rules for feature handlers:
 * - wrap each handler in `state.guard(name, handler, fallback)`: a failure is logged to the
 *   output channel and answered with the fallback, so one broken feature never takes the
 *   others (or the server) down, and a cancelled request is answered as cancelled;
 * - ask the language layer (the facade in `state.services`, `flow.ts`, …) every question
 *   about the language; handlers only convert between LSP and the layer (`convert.ts`).
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LineIndex, Program, SopConfig, SopFile, SopServices } from '../language';

/** The server's log; everything written here lands in the "SOP Studio" output channel. */
export interface ServerLogger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  /** Details that only matter when investigating (shown at the channel's debug level). */
  debug(message: string): void;
}

export interface ServerState {
  readonly connection: Connection;
  /** The language facade: parse, loadProgram, lint, compile, format. */
  readonly services: SopServices;
  readonly log: ServerLogger;

  /** An open document (the client's current text), or `undefined` when it is not open. */
  getDocument(uri: string): TextDocument | undefined;
  /** Every open `.sop` document's uri (for workspace-wide features such as symbols). */
  openUris(): string[];

  /**
   * The parse of an open document's current version, cached by uri + version: calling it
   * from several features for one keystroke parses once. A large document is parsed in
   * slices that yield to other requests, so this is asynchronous. `undefined` when the
   * document is not open.
   */
  getFile(uri: string): Promise<SopFile | undefined>;
  /**
   * The document with everything it imports (transitively). Imports are read from the
   * open documents first (unsaved edits count), then from the host (disk or the client).
   * For a document that is not open, the file is read from the host; `undefined` when it
   * does not exist.
   */
  getProgram(uri: string): Promise<Program | undefined>;
  /**
   * The configuration a script is linted with: the nearest `sop.config.json` (parsed once
   * per file version) with the editor's `sop.rules` overrides for that resource on top.
   */
  getConfig(uri: string): Promise<SopConfig>;
  /**
   * The lint findings of an open document's current version (the ones its diagnostics
   * show); computed if the latest diagnostics run has not finished yet.
   */
  getFindings(uri: string): Promise<Finding[]>;
  /** The line table of an open document's current version (UTF-16 columns, as LSP). */
  lineIndex(uri: string): LineIndex | undefined;
  /** Reads any document: the open one first, then the host. `undefined` when absent. */
  readFile(uri: string): Promise<string | undefined>;

  /**
   * Wraps a request handler: exceptions are logged with the handler's name and answered
   * with `fallback` (null or an empty list), and a request the client cancelled while it
   * ran is answered as cancelled.
   */
  guard<P, R>(
    name: string,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
    fallback: R,
  ): (params: P, token: CancellationToken) => Promise<R>;
}

/**
 * PLACEHOLDER language server, kept only until the real one replaces this file. It answers
 * `initialize` and publishes nothing, so the extension's entries, bundles and real-editor
 * tests can be assembled before the language features exist.
 */
import type { Connection } from 'vscode-languageserver';

/** What the server needs from its surroundings that differs between Node and the browser. */
export interface ServerHost {
  /** Reads a document the client has not sent; `undefined` when it does not exist. */
  readFile(uri: string): Promise<string | undefined>;
}

export function startServer(connection: Connection, host: ServerHost): void {
  void host;
  connection.onInitialize(() => ({ capabilities: {} }));
  connection.listen();
}

/**
 * The language server's web-worker entry (VS Code for the Web, vscode.dev). A worker has no
 * file system, so reads of files the client has not sent go back to the client as the
 * custom request `sop/readFile`, which it answers with `vscode.workspace.fs`.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
} from 'vscode-languageserver/browser';
import { READ_FILE_REQUEST, type ReadFileResult } from './protocol';
import { startServer, type ServerHost } from './server';

/** The request the client answers: `{ uri }` → the file's text, or `null` when it is absent. */

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

const host: ServerHost = {
  async readFile(uri: string): Promise<string | undefined> {
    try {
      const text = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri });
      return text ?? undefined;
    } catch {
      // The client failed to answer (it is shutting down, or the scheme is unknown): treat
      // the file as absent rather than failing the feature that asked for it.
      return undefined;
    }
  },
};

startServer(connection, host);

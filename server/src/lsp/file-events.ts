/**
 * Files that change outside the editor's buffers: a `sop.config.json` edited, created or
 * deleted re-checks every open script (and re-publishes that file's own problems); a
 * `.sop` file changed on disk (an import that is not open, a `git pull`) re-checks the
 * open scripts that import it.
 *
 * The events come from the client's file watchers. Our extension declares them itself
 * (`synchronize.fileEvents`) and says so with the initialization option
 * `clientWatchesFiles`; for any other client that supports it, the server registers the
 * watchers dynamically.
 */
import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type DidChangeWatchedFilesParams,
} from 'vscode-languageserver';
import { isConfigUri } from './config-store';
import type { DiagnosticsScheduler } from './diagnostics';
import type { SopWorkspace } from './documents';

export const WATCHED_GLOBS = ['**/*.sop', '**/sop.config.json'];

export function registerFileEvents(connection: Connection, workspace: SopWorkspace, scheduler: DiagnosticsScheduler): void {
  connection.onDidChangeWatchedFiles(async (params: DidChangeWatchedFilesParams) => {
    try {
      let configChanged = false;
      for (const { uri } of params.changes) {
        // An open document's text is the editor's buffer, whatever the disk says.
        if (workspace.getDocument(uri)) continue;
        workspace.forgetFileText(uri);
        if (isConfigUri(uri)) {
          configChanged = true;
          await workspace.configs.fileChanged(uri);
        } else {
          scheduler.scheduleImporters(uri);
        }
      }
      if (configChanged) scheduler.scheduleAll();
    } catch (error) {
      workspace.log.error(`Handling file changes failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  });
}

/** Asks the client to watch the files the server cares about (after `initialized`). */
export async function registerWatchers(connection: Connection, workspace: SopWorkspace): Promise<void> {
  try {
    await connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
    });
  } catch (error) {
    workspace.log.warn(`The client did not accept file watchers; changes on disk are noticed when files are reopened: ${String(error)}`);
  }
}

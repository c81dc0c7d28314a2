/**
 * The language-client options both entries share, so the desktop and the web extension
 * talk to the server in exactly the same way.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';

/** The client id; VS Code reads the `sop.trace.server` setting because of it. */
export const CLIENT_ID = 'sop';
export const CLIENT_NAME = 'SOP Language Server';

export function createClientOptions(output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'sop' }],
    synchronize: {
      // The server pulls settings with `workspace/configuration`; this also pushes a
      // `didChangeConfiguration` when any `sop.*` setting changes so it knows to pull again.
      configurationSection: 'sop',
      // Scripts that are not open can still change (imports, a `git pull`), and the nearest
      // `sop.config.json` decides how every script is linted.
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.sop'),
        vscode.workspace.createFileSystemWatcher('**/sop.config.json'),
      ],
    },
    // The watchers above already report file changes, so the server need not register its own.
    initializationOptions: { clientWatchesFiles: true },
    diagnosticCollectionName: 'sop',
    outputChannel: output,
    traceOutputChannel: output,
  };
}

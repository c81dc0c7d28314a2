/**
 * What both entries do once they have a language client: answer the server's file reads,
 * register the commands, and start the server. Only the transport differs between entries.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { compileToJson } from './compile-command';
import { registerScriptTests, type ScriptTestsApi } from './testing/script-test-controller';
import { exportScript } from './export-command';
import { READ_FILE_REQUEST, type ExportTargetName, type ReadFileParams, type ReadFileResult } from '../../server/src/lsp/protocol';

export const OUTPUT_CHANNEL_NAME = 'SOP Studio';

/** What the extension exports (for its own editor tests). */
export interface SopExtensionApi {
  scriptTests: ScriptTestsApi;
}

export async function activateClient(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  output: vscode.LogOutputChannel,
): Promise<SopExtensionApi> {
  context.subscriptions.push(
    client.onRequest(READ_FILE_REQUEST, (params: ReadFileParams) => readFile(params.uri)),
    vscode.commands.registerCommand('sop.compile', (target?: vscode.Uri) =>
      compileToJson(client, output, target instanceof vscode.Uri ? target : undefined),
    ),
    vscode.commands.registerCommand('sop.export', (target?: vscode.Uri, targetName?: ExportTargetName) =>
      exportScript(client, output, target instanceof vscode.Uri ? target : undefined, targetName),
    ),
    vscode.commands.registerCommand('sop.restartServer', () => restartServer(client, output)),
  );

  try {
    await client.start();
  } catch (error) {
    // Without a server the commands still exist and explain themselves; activation must
    // not fail, or VS Code would report the whole extension as broken.
    output.error(vscode.l10n.t('The language server did not start: {0}', error instanceof Error ? (error.stack ?? error.message) : String(error)));
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: the language server did not start; see the "SOP Studio" output.'));
  }
  // The Test Explorer lists cases through the server, so it starts once the server has.
  return { scriptTests: registerScriptTests(context, client, output) };
}

/** Stops the server (if it runs) and starts a fresh one, which re-reads every open script. */
async function restartServer(client: BaseLanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  output.info(vscode.l10n.t('Restarting the language server.'));
  try {
    if (client.isRunning()) await client.stop();
    await client.start();
  } catch (error) {
    output.error(vscode.l10n.t('Restart failed: {0}', error instanceof Error ? (error.stack ?? error.message) : String(error)));
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: the language server did not restart; see the "SOP Studio" output.'));
  }
}

/** Reads through VS Code so it works for any file system the workspace lives on. */
async function readFile(uri: string): Promise<ReadFileResult> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
    return new TextDecoder().decode(bytes);
  } catch {
    return null;
  }
}

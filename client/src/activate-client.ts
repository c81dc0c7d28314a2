/**
 * What both entries do once they have a language client: answer the server's file reads,
 * register the commands, and start the server. Only the transport differs between entries.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { compileToJson } from './compile-command';
import { GraphPanels } from './graph-panel';
import { SimulatorPanel } from './simulator-panel';
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
  const graphs = new GraphPanels(context.extensionUri, client, output);
  const simulator = new SimulatorPanel(context.extensionUri, client, output);
  context.subscriptions.push(
    graphs,
    simulator,
    vscode.commands.registerCommand('sop.simulate', (target?: unknown, situation?: unknown) =>
      simulator.start(uriArgument(target), typeof situation === 'string' ? situation : undefined),
    ),
    // The simulator's buttons as commands, so they can be bound to keys (and scripted).
    vscode.commands.registerCommand('sop.simulator.callerSilent', () => simulator.answer('silence')),
    vscode.commands.registerCommand('sop.simulator.callerAnswers', (afterMs?: unknown) =>
      simulator.answer('reply', typeof afterMs === 'number' && afterMs >= 0 ? afterMs : null),
    ),
    vscode.commands.registerCommand('sop.simulator.back', () => simulator.back()),
    vscode.commands.registerCommand('sop.simulator.restart', () => simulator.restart()),
    // From a CodeLens the arguments are the document URI (a string) and a situation id.
    vscode.commands.registerCommand('sop.showGraph', (target?: unknown, situation?: unknown) =>
      graphs.show(uriArgument(target), typeof situation === 'string' ? situation : null),
    ),
    vscode.commands.registerCommand('sop.exportGraphSvg', (target?: unknown) =>
      graphs.exportSvg(target instanceof vscode.Uri ? target : undefined),
    ),
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

/** A command's target: a `Uri` (menus, other extensions) or a URI string (CodeLenses). */
export function uriArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && /^[a-z][\w+.-]*:/i.test(value)) return vscode.Uri.parse(value);
  return undefined;
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

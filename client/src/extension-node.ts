/**
 * The desktop entry: the language server runs as a Node process that VS Code talks to over
 * IPC, and `sop check` / `sop build` are offered as tasks whose findings land in Problems.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, OUTPUT_CHANNEL_NAME, type SopExtensionApi } from './activate-client';
import { CLIENT_ID, CLIENT_NAME, createClientOptions } from './client-options';
import { registerTaskProvider } from './task-provider';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SopExtensionApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(output);

  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'server-node.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, createClientOptions(output));

  context.subscriptions.push(registerTaskProvider(context));
  return activateClient(context, client, output);
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
}

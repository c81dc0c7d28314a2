/**
 * The web entry (VS Code for the Web, vscode.dev, github.dev): the same language server,
 * bundled for a web worker. The worker cannot read files, so the shared client code answers
 * its `sop/readFile` requests.
 */
import * as vscode from 'vscode';
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClient,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import { activateClient, OUTPUT_CHANNEL_NAME, type SopExtensionApi } from './activate-client';
import { CLIENT_ID, CLIENT_NAME, createClientOptions } from './client-options';

let client: LanguageClient | undefined;
let worker: Worker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<SopExtensionApi> {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  context.subscriptions.push(output);

  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server', 'server-browser.js');
  // A factory rather than one worker: "Restart Language Server" needs a fresh worker, and
  // the old one is terminated so restarts do not pile up idle servers. It returns the
  // transports, not the worker: the web extension host's `Worker` is a shim whose objects
  // fail the client's `instanceof Worker` test.
  const startServer = async (): Promise<MessageTransports> => {
    worker?.terminate();
    worker = new Worker(serverMain.toString(true));
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  // vscode-languageclient 11 takes (id, name, server, clientOptions) here.
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, startServer, createClientOptions(output));
  return activateClient(context, client, output);
}

export async function deactivate(): Promise<void> {
  if (client?.isRunning()) await client.stop();
  worker?.terminate();
}

/**
 * "SOP: Compile to JSON": the server compiles the script it already holds (so unsaved edits
 * count), and the client writes `<name>.json` beside it with `vscode.workspace.fs`, which
 * works the same on disk and in the virtual file systems of VS Code for the Web.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  COMPILE_REQUEST,
  type CompileError,
  type CompileParams,
  type CompileResult,
} from '../../server/src/lsp/protocol';

/**
 * Compiles `target` (or the active editor's script) and opens the result. Resolves to the
 * written file, or `undefined` when nothing was written; it never waits for the user to
 * dismiss a message, so scripted callers (tests, keybindings) do not hang.
 */
export async function compileToJson(
  client: BaseLanguageClient,
  output: vscode.LogOutputChannel,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: open a .sop script to compile it.'));
    return undefined;
  }
  // Opening the document makes sure the server has it, even when the command was run
  // from the explorer on a file that is not open.
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'sop') {
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: {0} is not a .sop script.', basename(uri)));
    return undefined;
  }

  let result: CompileResult;
  try {
    const params: CompileParams = { uri: client.code2ProtocolConverter.asUri(uri) };
    result = await client.sendRequest<CompileResult>(COMPILE_REQUEST, params);
  } catch (error) {
    output.error(vscode.l10n.t('Compile {0} failed: {1}', uri.toString(), describe(error)));
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: the language server could not compile {0}.', basename(uri)));
    return undefined;
  }

  if (result.errors.length > 0 || result.json === undefined) {
    reportErrors(uri, result.errors, output);
    return undefined;
  }

  const outUri = vscode.Uri.joinPath(uri, '..', basename(uri).replace(/\.sop$/i, '') + '.json');
  await vscode.workspace.fs.writeFile(outUri, new TextEncoder().encode(result.json));
  output.info(vscode.l10n.t('Compiled {0} → {1}', uri.toString(), outUri.toString()));
  await vscode.window.showTextDocument(outUri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return outUri;
}

/** Lists every error in the output channel and summarises them in one notification. */
function reportErrors(uri: vscode.Uri, errors: CompileError[], output: vscode.LogOutputChannel): void {
  const name = basename(uri);
  output.warn(vscode.l10n.t('Not compiled: {0} has {1} error(s); nothing was written.', name, errors.length));
  for (const e of errors) output.warn(`  ${name}:${e.line}:${e.column}: ${e.message}`);
  const first = errors[0];
  const located = first ? `${name}:${first.line}:${first.column}: ${first.message}` : '';
  const summary = !first
    ? vscode.l10n.t('{0} could not be compiled.', name)
    : errors.length > 1
      ? vscode.l10n.t('{0} (and {1} more)', located, errors.length - 1)
      : located;
  // The button's label is compared with the choice, so it is translated once.
  const showAll = vscode.l10n.t('Show All');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('SOP: not compiled, nothing written. {0}', summary), showAll)
    .then((choice) => {
      if (choice) output.show(true);
    });
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

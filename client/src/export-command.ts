/**
 * "SOP: Export…": asks for the target (VoiceXML, Amazon Connect, Twilio Studio or the
 * phrase table), lets the server export the script it holds (unsaved edits count), and
 * writes the files beside the script with `vscode.workspace.fs`, as "Compile to JSON"
 * does, so it works on disk and in VS Code for the Web alike.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  EXPORT_REQUEST,
  type CompileError,
  type ExportParams,
  type ExportResult,
  type ExportTargetName,
} from '../../server/src/lsp/protocol';

interface TargetItem extends vscode.QuickPickItem {
  target: ExportTargetName;
}

/**
 * The picker's entries, in the order `sop export --help` lists them. Built when the picker
 * opens, since `vscode.l10n` has the display language's bundle only once activated.
 */
export function targetItems(): TargetItem[] {
  return [
    { target: 'voicexml', label: 'VoiceXML 2.1', description: '.vxml', detail: vscode.l10n.t('One form per situation, for any VoiceXML platform') },
    { target: 'connect', label: 'Amazon Connect', description: '.connect.json', detail: vscode.l10n.t('A contact flow to import in the flow designer') },
    { target: 'studio', label: 'Twilio Studio', description: '.studio.json', detail: vscode.l10n.t('A flow definition to import in Studio or through the REST API') },
    {
      target: 'phrases',
      label: vscode.l10n.t('Phrase table'),
      description: '.phrases.csv, .phrases.xlf',
      detail: vscode.l10n.t('Every spoken phrase once, for voice talent and translators'),
    },
  ];
}

/**
 * Exports `target` (or the active editor's script). `targetName` skips the picker (for
 * keybindings and tests). Resolves to the written files; never waits for the user to
 * dismiss a message, so scripted callers do not hang.
 */
export async function exportScript(
  client: BaseLanguageClient,
  output: vscode.LogOutputChannel,
  target?: vscode.Uri,
  targetName?: ExportTargetName,
): Promise<vscode.Uri[]> {
  const uri = target ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: open a .sop script to export it.'));
    return [];
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'sop') {
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: {0} is not a .sop script.', basename(uri)));
    return [];
  }
  const chosen = targetName ?? (await vscode.window.showQuickPick(targetItems(), { placeHolder: vscode.l10n.t('Export the script for…') }))?.target;
  if (!chosen) return [];

  let result: ExportResult;
  try {
    const params: ExportParams = { uri: client.code2ProtocolConverter.asUri(uri), target: chosen };
    result = await client.sendRequest<ExportResult>(EXPORT_REQUEST, params);
  } catch (error) {
    output.error(vscode.l10n.t('Export {0} failed: {1}', uri.toString(), error instanceof Error ? error.message : String(error)));
    void vscode.window.showErrorMessage(vscode.l10n.t('SOP: the language server could not export {0}.', basename(uri)));
    return [];
  }

  const name = basename(uri);
  for (const w of result.warnings) output.warn(`  ${name}:${w.line}:${w.column}: ${w.message}`);
  if (result.errors.length > 0 || result.files.length === 0) {
    reportErrors(name, result.errors, output);
    return [];
  }
  const stem = name.replace(/\.sop$/i, '');
  const written: vscode.Uri[] = [];
  for (const file of result.files) {
    const outUri = vscode.Uri.joinPath(uri, '..', stem + file.extension);
    await vscode.workspace.fs.writeFile(outUri, new TextEncoder().encode(file.content));
    written.push(outUri);
  }
  output.info(vscode.l10n.t('Exported {0} ({1}) → {2}', uri.toString(), chosen, written.map((u) => u.toString()).join(', ')));
  const files = written.map(basename).join(', ');
  const exported =
    result.warnings.length > 0
      ? vscode.l10n.t('SOP: exported {0}. {1} warning(s): see the "SOP Studio" output.', files, result.warnings.length)
      : vscode.l10n.t('SOP: exported {0}.', files);
  void vscode.window.showInformationMessage(exported);
  await vscode.window.showTextDocument(written[0], { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return written;
}

function reportErrors(name: string, errors: CompileError[], output: vscode.LogOutputChannel): void {
  output.warn(vscode.l10n.t('Not exported: {0} has {1} error(s); nothing was written.', name, errors.length));
  for (const e of errors) output.warn(`  ${name}:${e.line}:${e.column}: ${e.message}`);
  const first = errors[0];
  const located = first ? `${name}:${first.line}:${first.column}: ${first.message}` : '';
  const summary = !first
    ? vscode.l10n.t('{0} could not be exported.', name)
    : errors.length > 1
      ? vscode.l10n.t('{0} (and {1} more)', located, errors.length - 1)
      : located;
  // The button's label is compared with the choice, so it is translated once.
  const showAll = vscode.l10n.t('Show All');
  void vscode.window.showErrorMessage(vscode.l10n.t('SOP: not exported, nothing written. {0}', summary), showAll).then((choice) => {
    if (choice) output.show(true);
  });
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

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

const MESSAGES = {
  openScript: 'SOP: open a .sop script to export it.',
  notScript: (name: string) => `SOP: ${name} is not a .sop script.`,
  placeholder: 'Export the script for…',
  serverFailed: (name: string) => `SOP: the language server could not export ${name}.`,
  notExported: (summary: string) => `SOP: not exported, nothing written. ${summary}`,
  exported: (files: string, warnings: number) =>
    `SOP: exported ${files}.${warnings > 0 ? ` ${warnings} warning(s): see the "SOP Studio" output.` : ''}`,
  showAll: 'Show All',
};

interface TargetItem extends vscode.QuickPickItem {
  target: ExportTargetName;
}

/** The picker's entries, in the order `sop export --help` lists them. */
export const TARGET_ITEMS: readonly TargetItem[] = [
  { target: 'voicexml', label: 'VoiceXML 2.1', description: '.vxml', detail: 'One form per situation, for any VoiceXML platform' },
  { target: 'connect', label: 'Amazon Connect', description: '.connect.json', detail: 'A contact flow to import in the flow designer' },
  { target: 'studio', label: 'Twilio Studio', description: '.studio.json', detail: 'A flow definition to import in Studio or through the REST API' },
  { target: 'phrases', label: 'Phrase table', description: '.phrases.csv, .phrases.xlf', detail: 'Every spoken phrase once, for voice talent and translators' },
];

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
    void vscode.window.showErrorMessage(MESSAGES.openScript);
    return [];
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== 'sop') {
    void vscode.window.showErrorMessage(MESSAGES.notScript(basename(uri)));
    return [];
  }
  const chosen = targetName ?? (await vscode.window.showQuickPick(TARGET_ITEMS, { placeHolder: MESSAGES.placeholder }))?.target;
  if (!chosen) return [];

  let result: ExportResult;
  try {
    const params: ExportParams = { uri: client.code2ProtocolConverter.asUri(uri), target: chosen };
    result = await client.sendRequest<ExportResult>(EXPORT_REQUEST, params);
  } catch (error) {
    output.error(`Export ${uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage(MESSAGES.serverFailed(basename(uri)));
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
  output.info(`Exported ${uri.toString()} (${chosen}) → ${written.map((u) => u.toString()).join(', ')}`);
  void vscode.window.showInformationMessage(MESSAGES.exported(written.map(basename).join(', '), result.warnings.length));
  await vscode.window.showTextDocument(written[0], { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return written;
}

function reportErrors(name: string, errors: CompileError[], output: vscode.LogOutputChannel): void {
  output.warn(`Not exported: ${name} has ${errors.length} error(s); nothing was written.`);
  for (const e of errors) output.warn(`  ${name}:${e.line}:${e.column}: ${e.message}`);
  const first = errors[0];
  const summary = first ? `${name}:${first.line}:${first.column}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : `${name} could not be exported.`;
  void vscode.window.showErrorMessage(MESSAGES.notExported(summary), MESSAGES.showAll).then((choice) => {
    if (choice) output.show(true);
  });
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

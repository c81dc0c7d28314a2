/**
 * The custom request `sop/export` ("SOP: Export…"): exports a script as the editor holds
 * it (unsaved edits count, imports included) to one IVR platform or the phrase table,
 * exactly as `sop export --target` does, or explains why not. As for `sop/compile`, a
 * script with error-severity findings, or under a configuration with errors, is not
 * exported; neither is one the target cannot express. The client writes the files.
 */
import type { Connection } from 'vscode-languageserver';
import { EXPORT_TARGETS, exportProgram, type ExportTarget, type Program } from '../language';
import type { ExportSettings } from '../language/config';
import { basenameOf } from '../language/paths';
import { configFindings, displayPath, locate } from './compile-request';
import type { SopWorkspace } from './documents';
import { EXPORT_REQUEST, type CompileError, type ExportParams, type ExportResult } from './protocol';

const MESSAGES = {
  needsUri: 'sop/export needs a document uri',
  unknownTarget: (target: unknown) => `sop/export: unknown target ${JSON.stringify(target)} (targets: ${EXPORT_TARGETS.join(', ')})`,
  unreadable: (name: string) => `${name} cannot be read`,
  failed: 'the language server failed to export this script; see the output channel',
  notParsed: 'the script (or a file it imports) has syntax errors',
};

export function registerExportRequest(connection: Connection, workspace: SopWorkspace, folders: () => readonly string[]): void {
  connection.onRequest(
    EXPORT_REQUEST,
    workspace.guard(
      'Export',
      async (params: ExportParams): Promise<ExportResult> => {
        const uri = params?.uri;
        if (typeof uri !== 'string') return failure(MESSAGES.needsUri);
        const target = EXPORT_TARGETS.find((t) => t === params.target);
        if (!target) return failure(MESSAGES.unknownTarget(params.target));
        const program = await workspace.getProgram(uri);
        if (!program) return failure(MESSAGES.unreadable(basenameOf(uri)));
        const config = await workspace.getConfig(uri);
        const errors: CompileError[] = [];
        const configText = config.uri ? await workspace.readFile(config.uri) : undefined;
        for (const finding of configFindings(config.uri, configText, workspace)) {
          errors.push(locate(finding, configText ?? '', workspace, `${basenameOf(finding.uri)}: `));
        }
        const textOf = (fileUri: string) => program.files.get(fileUri)?.text ?? '';
        for (const finding of workspace.services.lint(program, config)) {
          if (finding.severity === 'error') errors.push(locate(finding, textOf(finding.uri), workspace, ''));
        }
        if (errors.length === 0 && [...program.files.values()].some((file) => file.errors.length > 0)) errors.push({ message: MESSAGES.notParsed, line: 1, column: 1 });
        if (errors.length > 0) return { files: [], errors, warnings: [] };
        return exportFiles(workspace, program, target, config.export, folders());
      },
      failure(MESSAGES.failed),
    ),
  );
}

function exportFiles(
  workspace: SopWorkspace,
  program: Program,
  target: ExportTarget,
  settings: ExportSettings,
  folders: readonly string[],
): ExportResult {
  const result = exportProgram(program, target, { displayPath: (file) => displayPath(file, folders), settings });
  const errors: CompileError[] = [];
  const warnings: CompileError[] = [];
  for (const finding of result.findings) {
    const prefix = finding.uri !== program.root.uri ? `${basenameOf(finding.uri)}: ` : '';
    const located = locate(finding, program.files.get(finding.uri)?.text ?? '', workspace, prefix);
    (finding.severity === 'error' ? errors : warnings).push(located);
  }
  return { files: result.files, errors, warnings };
}

function failure(message: string): ExportResult {
  return { files: [], errors: [{ message, line: 1, column: 1 }], warnings: [] };
}

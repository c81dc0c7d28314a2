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

export function registerExportRequest(connection: Connection, workspace: SopWorkspace, folders: () => readonly string[]): void {
  connection.onRequest(
    EXPORT_REQUEST,
    workspace.guard(
      'Export',
      async (params: ExportParams): Promise<ExportResult> => {
        const uri = params?.uri;
        const messages = workspace.services.messages;
        if (typeof uri !== 'string') return failure(messages.t('export.request.no-uri'));
        const target = EXPORT_TARGETS.find((t) => t === params.target);
        if (!target) return failure(messages.t('export.request.unknown-target', { target: JSON.stringify(params.target) ?? 'undefined', targets: { list: EXPORT_TARGETS, separator: 'list.comma' } }));
        const program = await workspace.getProgram(uri);
        if (!program) return failure(messages.t('export.request.unreadable', { file: basenameOf(uri) }));
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
        if (errors.length === 0 && [...program.files.values()].some((file) => file.errors.length > 0)) errors.push({ message: messages.t('export.request.not-parsed'), line: 1, column: 1 });
        if (errors.length > 0) return { files: [], errors, warnings: [] };
        return exportFiles(workspace, program, target, config.export, folders());
      },
      // Read when it is sent, so it is in the locale the client gave in `initialize`.
      {
        get errors() {
          return failure(workspace.services.messages.t('export.request.failed')).errors;
        },
        files: [],
        warnings: [],
      },
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
  const result = exportProgram(program, target, { displayPath: (file) => displayPath(file, folders), settings, messages: workspace.services.messages });
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

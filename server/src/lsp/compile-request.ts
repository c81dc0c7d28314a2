/**
 * The custom request `sop/compile` ("SOP: Compile to JSON"): compiles a script as the
 * editor holds it (unsaved edits count, imports included) to the same JSON `sop build`
 * writes, or explains why not. Like `sop build`, a script with error-severity findings, or
 * under a configuration with errors, is not compiled. The shapes are in `protocol.ts`,
 * shared with the client.
 */
import type { Connection } from 'vscode-languageserver';
import { serializeCompiled, type Finding } from '../language';
import { basenameOf } from '../language/paths';
import type { SopWorkspace } from './documents';
import { COMPILE_REQUEST, type CompileError, type CompileParams, type CompileResult } from './protocol';

export function registerCompileRequest(connection: Connection, workspace: SopWorkspace, folders: () => readonly string[]): void {
  connection.onRequest(
    COMPILE_REQUEST,
    workspace.guard(
      'Compile',
      async (params: CompileParams): Promise<CompileResult> => {
        const uri = params?.uri;
        const messages = workspace.services.messages;
        if (typeof uri !== 'string') return failure(messages.t('compile.no-uri'));
        const program = await workspace.getProgram(uri);
        if (!program) return failure(messages.t('compile.unreadable', { file: basenameOf(uri) }));
        const config = await workspace.getConfig(uri);
        const findings = workspace.services.lint(program, config);
        const errors: CompileError[] = [];
        const configText = config.uri ? await workspace.readFile(config.uri) : undefined;
        for (const finding of configFindings(config.uri, configText, workspace)) {
          errors.push(locate(finding, configText ?? '', workspace, `${basenameOf(finding.uri)}: `));
        }
        for (const finding of findings) {
          if (finding.severity === 'error') errors.push(locate(finding, program.root.text, workspace, ''));
        }
        if (errors.length > 0) return { errors };
        const script = workspace.services.compile(program, { displayPath: (file) => displayPath(file, folders()) });
        return { json: serializeCompiled(script), errors: [] };
      },
      // Read when it is sent, so it is in the locale the client gave in `initialize`.
      {
        get errors() {
          return failure(workspace.services.messages.t('compile.failed')).errors;
        },
      },
    ),
  );
}

function failure(message: string): CompileResult {
  return { errors: [{ message, line: 1, column: 1 }] };
}

/** The error findings of the configuration file in force, if it has any. */
export function configFindings(uri: string | undefined, text: string | undefined, workspace: SopWorkspace): Finding[] {
  if (!uri || text === undefined) return [];
  return workspace.configs.findingsOf(uri, text).filter((f) => f.severity === 'error');
}

export function locate(finding: Finding, text: string, workspace: SopWorkspace, prefix: string): CompileError {
  const position = workspace.indexFor(finding.uri, text).positionAt(finding.span.start);
  return { message: prefix + finding.message, line: position.line + 1, column: position.character + 1 };
}

/**
 * How a file appears in the output: relative to the workspace folder holding it, as
 * `sop build` run from that folder prints it; a file outside every folder by its name.
 */
export function displayPath(uri: string, folders: readonly string[]): string {
  for (const folder of folders) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if (uri.startsWith(prefix)) return decodePath(uri.slice(prefix.length));
  }
  return decodePath(basenameOf(uri));
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

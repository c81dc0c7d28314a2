/**
 * The custom request `sop/scriptTests`: lists and runs the cases of a script test file for
 * the editor's Test Explorer, through the same pure code as `sop test` (read, check, run).
 *
 * It runs here rather than in the client because the server already holds every open
 * script with its unsaved edits, its imports and its `sop.config.json`: a run sees what
 * the writer sees, and the client (desktop or web) stays a thin adapter with no second
 * copy of the language layer. The shapes are in `protocol.ts`.
 */
import type { Connection } from 'vscode-languageserver';
import { checkTestFile, LineIndex, readTestFile, runTestCase, scriptUriOf, type TestCase } from '../language';
import type { Span } from '../language/ast';
import { basenameOf } from '../language/paths';
import { displayPath } from './compile-request';
import type { SopWorkspace } from './documents';
import {
  SCRIPT_TESTS_REQUEST,
  type ScriptTestCaseInfo,
  type ScriptTestMessage,
  type ScriptTestRange,
  type ScriptTestsParams,
  type ScriptTestsResult,
} from './protocol';

export function registerScriptTestsRequest(connection: Connection, workspace: SopWorkspace, folders: () => readonly string[]): void {
  connection.onRequest(
    SCRIPT_TESTS_REQUEST,
    workspace.guard(
      'Script tests',
      (params: ScriptTestsParams) => scriptTests(params, workspace, folders),
      // Read when it is sent, so it is in the locale the client gave in `initialize`.
      {
        script: null,
        cases: [],
        get problems() {
          return [{ message: workspace.services.messages.t('script-tests.failed'), range: at(new LineIndex(''), { start: 0, end: 0 }) }];
        },
      },
    ),
  );
}

async function scriptTests(params: ScriptTestsParams, workspace: SopWorkspace, folders: () => readonly string[]): Promise<ScriptTestsResult> {
  const messages = workspace.services.messages;
  if (typeof params?.uri !== 'string' || typeof params.text !== 'string') {
    return { script: null, cases: [], problems: [{ message: messages.t('script-tests.bad-params'), range: at(new LineIndex(''), { start: 0, end: 0 }) }] };
  }
  const lines = new LineIndex(params.text);
  const read = readTestFile(params.uri, params.text, messages);
  const cases = read.file.cases.map((c) => listed(c, lines));
  const problems: ScriptTestMessage[] = read.findings.map((f) => ({ message: f.message, range: at(lines, f.span) }));
  const script = scriptUriOf(read.file);
  if (problems.length > 0) return { script, cases, problems };

  // A listing checks the file against the script too (unknown situations and variables),
  // so the editor can mark those mistakes as the writer types, before any run.
  const program = await workspace.getProgram(script);
  if (!program) {
    return { script, cases, problems: [{ message: messages.t('test.no-script', { script: basenameOf(script) }), range: at(lines, read.file.script?.span ?? { start: 0, end: 0 }) }] };
  }
  const compiled = workspace.services.compile(program, { displayPath: (file) => displayPath(file, folders()) });
  const checked = checkTestFile(read.file, compiled, basenameOf(script), messages);
  if (checked.length > 0) return { script, cases, problems: checked.map((f) => ({ message: f.message, range: at(lines, f.span) })) };
  if (!params.run) return { script, cases, problems: [] };

  const config = await workspace.getConfig(script);
  const errors = workspace.services.lint(program, config).filter((f) => f.severity === 'error' || f.rule === 'syntax');

  // The script's errors, each where it is in its file, so the writer can go straight to it.
  const errorMessages: ScriptTestMessage[] = [];
  for (const e of errors) {
    const text = (await workspace.readFile(e.uri)) ?? '';
    errorMessages.push({ message: e.message, range: at(workspace.indexFor(e.uri, text), e.span), uri: e.uri });
  }
  const wanted = params.cases ? new Set(params.cases) : null;
  for (const info of cases) {
    if (wanted && !wanted.has(info.index)) continue;
    const testCase = read.file.cases[info.index];
    if (errors.length > 0) {
      info.status = 'failed';
      info.failures = [{ message: messages.t('script-tests.script-errors', { count: errors.length, file: basenameOf(script) }), range: info.nameRange }, ...errorMessages];
      continue;
    }
    const result = runTestCase(compiled, testCase, messages);
    info.status = result.status;
    if (result.status !== 'passed') {
      info.failures = result.failures.map((f) => ({ message: f.message, range: at(lines, f.span) }));
      info.expected = result.expected;
      info.actual = result.actual;
    }
  }
  return { script, cases, problems: [] };
}

function listed(testCase: TestCase, lines: LineIndex): ScriptTestCaseInfo {
  return { index: testCase.index, name: testCase.name, range: at(lines, testCase.span), nameRange: at(lines, testCase.nameSpan) };
}

function at(lines: LineIndex, span: Span): ScriptTestRange {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

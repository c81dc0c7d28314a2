/**
 * `sop test [paths…] [--reporter stylish|tap|junit]`: finds script test files
 * (`*.sop-test.yaml`), runs each case on the simulator and reports.
 *
 * Decisions (documented in `sop test --help` and docs/script-tests.md):
 * - a folder is searched recursively for test files; a script named on the command line
 *   means the test file beside it (`x.sop` → `x.sop-test.yaml`);
 * - a test file that is not valid (bad YAML, not the format, an unknown situation or
 *   variable, a script that cannot be read) is reported on stderr at file:line:column and
 *   makes the run exit 2; the other files still run;
 * - a script with lint errors is not simulated (as in `sop simulate`): each of its cases
 *   fails, naming the first error;
 * - the file is checked by the reader's own messages first, then against
 *   `schema/sop-test.schema.json` with ajv, so the CLI and the editor's YAML validation
 *   can never disagree on what a valid file is.
 */
import Ajv, { type ErrorObject } from 'ajv';
import schema from '../../../../schema/sop-test.schema.json';
import {
  checkTestFile,
  createSopServices,
  EN,
  msg,
  isScriptTestFile,
  readTestFile,
  runTestCase,
  scriptUriOf,
  testUriOf,
  TEST_FILE_RULE,
  type Finding,
  type Messages,
  type ReadTestFile,
} from '../../language';
import type { Span } from '../../language/ast';
import { compileProgram } from '../../language/compile/compile';
import { RULE_METAS } from '../../language/lint/registry';
import { parseArgs, type OptionSpec } from '../args';
import { ConfigLoader } from '../config-loader';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError } from '../errors';
import { collectScripts, displayPath, readSource, toUri } from '../files';
import { compactLine } from '../formats/lines';
import { REPORTERS, renderTestReport, totalsOf, type CaseReport, type FileReport } from '../formats/test-reports';
import { helpText } from '../help';
import type { Io } from '../io';
import { Locator } from '../located';
import { lintScripts } from '../session';
import { chooseFormat } from './one-script';
import { HELP_OPTION, printInputErrors } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, { name: 'reporter', kind: 'value', short: 'r' }];

export async function runTest(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'test');
  if (args.flags.has('help')) {
    io.out(helpText('test', io.messages));
    return EXIT_OK;
  }
  const reporter = chooseFormat(args.values.get('reporter'), REPORTERS, 'test');
  const testFiles = findTestFiles(args.positionals.length > 0 ? args.positionals : ['.'], io);

  const messages = io.messages ?? EN;
  const services = createSopServices({ locale: messages.locale });
  const loader = new ConfigLoader([...RULE_METAS], new Map(), io.cwd, io.messages);
  const locator = new Locator((u) => displayPath(u, io.cwd));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const reports: FileReport[] = [];
  const problems: Finding[] = [];
  const inputErrors: string[] = [];
  let brokenFiles = 0;
  /** A broken file is reported on stderr; TAP and JUnit also get it as an erroring entry, so CI shows it. */
  const broken = (uri: string, found: readonly Finding[]) => {
    problems.push(...found);
    brokenFiles++;
    if (reporter === 'stylish' || found.length === 0) return;
    const failures = found.map((f) => {
      const at = locator.locate(f);
      return { message: f.message, line: at.line, column: at.column };
    });
    reports.push({ file: displayPath(uri, io.cwd), script: '', cases: [{ name: messages.t('cli.test.broken-entry'), ...failures[0], status: 'error', failures, diff: [] }] });
  };

  for (const uri of testFiles) {
    const { text } = readSource(uri, io.cwd);
    locator.addText(uri, text);
    const read = readTestFile(uri, text, messages);
    const fileProblems = read.findings.length > 0 ? read.findings : schemaFindings(read, validate, uri, messages);
    if (fileProblems.length > 0) {
      broken(uri, fileProblems);
      continue;
    }
    const scriptUri = scriptUriOf(read.file);
    const session = await lintScripts([scriptUri], { services, loader, cwd: io.cwd });
    if (session.inputErrors.length > 0 || session.reports.length === 0) {
      const span = read.file.script?.span ?? { start: 0, end: 0 };
      if (session.configBroken) {
        inputErrors.push(...session.configFindings.map((f) => compactLine(session.locator.locate(f))));
        brokenFiles++;
      } else broken(uri, [problem(uri, span, messages.t('test.no-script', { script: displayPath(scriptUri, io.cwd) }))]);
      continue;
    }
    const report = session.reports[0];
    const scriptShown = displayPath(scriptUri, io.cwd);
    const compiled = compileProgram(report.program, { displayPath: (u) => displayPath(u, io.cwd) });
    const checked = checkTestFile(read.file, compiled, scriptShown, messages);
    if (checked.length > 0) {
      broken(uri, checked);
      continue;
    }
    const errors = report.findings.filter((f) => f.severity === 'error' || f.rule === 'syntax').map((f) => session.locator.locate(f));
    const position = (span: Span) => {
      const at = locator.locate(problem(uri, span, ''));
      return { line: at.line, column: at.column };
    };
    const cases: CaseReport[] = read.file.cases.map((testCase) => {
      if (errors.length > 0) {
        const failure = { message: messages.t('cli.test.script-errors', { count: errors.length, first: compactLine(errors[0]) }), ...position(testCase.nameSpan) };
        return { name: testCase.name, ...position(testCase.nameSpan), status: 'failed', failures: [failure], diff: [] };
      }
      const result = runTestCase(compiled, testCase, messages);
      return {
        name: testCase.name,
        ...position(testCase.nameSpan),
        status: result.status,
        failures: result.failures.map((f) => ({ message: f.message, ...position(f.span) })),
        diff: result.status === 'passed' ? [] : result.diff,
      };
    });
    reports.push({ file: displayPath(uri, io.cwd), script: scriptShown, cases });
  }

  const totals = totalsOf(reports, brokenFiles);
  io.out(renderTestReport(reporter, reports, totals, io.palette, messages));
  for (const p of problems) io.err(`${compactLine(locator.locate(p))}\n`);
  if (inputErrors.length > 0) printInputErrors(inputErrors, io);
  if (brokenFiles > 0 || totals.errors > 0) return EXIT_USAGE;
  return totals.failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The test files the inputs name: test files, folders searched for them, scripts' own tests. */
function findTestFiles(inputs: readonly string[], io: Io): string[] {
  const expanded = inputs.map((input) => {
    if (!/\.sop$/i.test(input)) return input;
    const test = testUriOf(toUri(input, io.cwd));
    try {
      readSource(test, io.cwd);
    } catch (error) {
      if (error instanceof InputError && error.missing) throw new InputError(msg('cli.test.no-test-file', { script: input, test: displayPath(test, io.cwd) }));
      throw error;
    }
    return test;
  });
  const { scripts } = collectScripts(expanded, io.cwd, isScriptTestFile);
  if (scripts.length === 0) throw new InputError(`sop test: ${(io.messages ?? EN).t('cli.test.no-tests', { inputs: inputs.join(', ') })}`);
  return scripts;
}

/** What ajv finds wrong, one finding per place, at the value it is about. */
function schemaFindings(read: ReadTestFile, validate: ReturnType<Ajv['compile']>, uri: string, messages: Messages): Finding[] {
  if (validate(read.data)) return [];
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const error of (validate.errors ?? []) as ErrorObject[]) {
    if (seen.has(error.instancePath)) continue;
    seen.add(error.instancePath);
    const path = error.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    // ajv's own wording stays English: it has no Chinese catalog here, and the reader's
    // own checks (`readTestFile`) catch what a writer gets wrong before the schema does.
    const message = error.message ?? messages.t('cli.test.schema.invalid');
    const where = error.instancePath.slice(1);
    out.push(problem(uri, read.spanAt(path), where === '' ? messages.t('cli.test.schema.root', { message }) : messages.t('cli.test.schema', { path: where, message })));
  }
  return out;
}

function problem(uri: string, span: Span, message: string): Finding {
  return { rule: TEST_FILE_RULE, severity: 'error', message, uri, span };
}

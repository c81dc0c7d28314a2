/**
 * `sop test`'s reporters: `stylish` for a person at a terminal (each case with ✓ or ✗, a
 * failure's messages at their `file:line:column` and the expected-versus-actual
 * transcript), `tap` (TAP version 14, for TAP consumers) and `junit` (JUnit XML, which CI
 * systems such as GitLab, Jenkins and Azure Pipelines read). All three are deterministic:
 * no durations or dates, so a report can be compared byte for byte.
 */
import { EN, type DiffLine, type Messages } from '../../language';
import type { Palette } from '../colors';

/** A failed expectation where the test file writes it. */
export interface LocatedFailure {
  message: string;
  line: number;
  column: number;
}

export interface CaseReport {
  name: string;
  /** The case's position in the test file. */
  line: number;
  column: number;
  status: 'passed' | 'failed' | 'error';
  failures: LocatedFailure[];
  diff: DiffLine[];
}

export interface FileReport {
  /** The test file, as printed. */
  file: string;
  /** The script it tests, as printed. */
  script: string;
  cases: CaseReport[];
}

export const REPORTERS = ['stylish', 'tap', 'junit'] as const;
export type Reporter = (typeof REPORTERS)[number];

export interface Totals {
  passed: number;
  failed: number;
  /** Cases that could not be run as written. */
  errors: number;
  /** Test files that could not be read or checked (their problems go to stderr). */
  brokenFiles: number;
}

export function totalsOf(files: readonly FileReport[], brokenFiles: number): Totals {
  const totals: Totals = { passed: 0, failed: 0, errors: 0, brokenFiles };
  for (const file of files) {
    for (const c of file.cases) {
      if (c.status === 'passed') totals.passed++;
      else if (c.status === 'failed') totals.failed++;
      else totals.errors++;
    }
  }
  return totals;
}

export function renderTestReport(reporter: Reporter, files: readonly FileReport[], totals: Totals, palette: Palette, messages: Messages = EN): string {
  switch (reporter) {
    case 'tap':
      return renderTap(files);
    case 'junit':
      return renderJunit(files, totals);
    default:
      return renderStylishTests(files, totals, palette, messages);
  }
}

function renderStylishTests(files: readonly FileReport[], totals: Totals, palette: Palette, messages: Messages): string {
  let out = '';
  for (const file of files) {
    out += `${palette.underline(file.file)} ${palette.dim(`(${file.script})`)}\n`;
    for (const c of file.cases) {
      if (c.status === 'passed') {
        out += `  ${palette.bold('✓')} ${c.name}\n`;
        continue;
      }
      out += `  ${palette.red(c.status === 'error' ? '! ' : '✗ ')}${palette.red(c.name)}\n`;
      for (const f of c.failures) out += `      ${palette.dim(`${file.file}:${f.line}:${f.column}`)}  ${f.message}\n`;
      if (c.diff.some((l) => l.kind !== 'same')) {
        out += `\n      ${palette.red(messages.t('cli.test.expected'))}\n      ${palette.blue(messages.t('cli.test.actual'))}\n\n`;
        for (const line of c.diff) out += `      ${colorDiffLine(line, palette)}\n`;
      }
      out += '\n';
    }
    out += '\n';
  }
  return out + summaryLine(totals, palette, messages);
}

function colorDiffLine(line: DiffLine, palette: Palette): string {
  if (line.kind === 'expected') return palette.red(`- ${line.text}`);
  if (line.kind === 'actual') return palette.blue(`+ ${line.text}`);
  return `  ${line.text}`;
}

/** "3 passed, 1 failed", with errors and broken files only when there are some. */
export function summaryLine(totals: Totals, palette: Palette, messages: Messages = EN): string {
  const more: string[] = [];
  if (totals.errors > 0) more.push(messages.t('cli.count.error', { count: totals.errors }));
  if (totals.brokenFiles > 0) more.push(messages.t('cli.test.broken-files', { count: totals.brokenFiles }));
  let line = messages.t('cli.test.summary', { passed: String(totals.passed), failed: String(totals.failed) });
  if (more.length > 0) line += messages.t('cli.test.summary.more', { more: { list: more, separator: 'list.comma' } });
  return `${totals.failed + totals.errors + totals.brokenFiles > 0 ? palette.red(palette.bold(line)) : line}\n`;
}

/** TAP version 14: one test point per case, a YAML diagnostic block for a failure. */
function renderTap(files: readonly FileReport[]): string {
  const lines = ['TAP version 14'];
  const count = files.reduce((n, f) => n + f.cases.length, 0);
  lines.push(`1..${count}`);
  let n = 0;
  for (const file of files) {
    for (const c of file.cases) {
      n++;
      const description = `${file.file} > ${c.name}`.replace(/#/g, '\\#');
      if (c.status === 'passed') {
        lines.push(`ok ${n} - ${description}`);
        continue;
      }
      lines.push(`not ok ${n} - ${description}`, '  ---');
      lines.push(`  message: ${yamlString(c.failures.map((f) => f.message).join('; '))}`);
      lines.push(`  severity: ${c.status === 'error' ? 'error' : 'fail'}`);
      const first = c.failures[0];
      if (first) lines.push('  at:', `    file: ${yamlString(file.file)}`, `    line: ${first.line}`, `    column: ${first.column}`);
      if (c.diff.length > 0) {
        lines.push('  expected: |-', ...side(c.diff, 'expected').map((l) => `    ${l}`));
        lines.push('  actual: |-', ...side(c.diff, 'actual').map((l) => `    ${l}`));
      }
      lines.push('  ...');
    }
  }
  return `${lines.join('\n')}\n`;
}

function side(diff: readonly DiffLine[], kind: 'expected' | 'actual'): string[] {
  return diff.filter((l) => l.kind === 'same' || l.kind === kind).map((l) => l.text);
}

/** A YAML double-quoted string (JSON's escaping is valid YAML). */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * JUnit XML as CI systems read it: one `testsuite` per test file, one `testcase` per case
 * (`classname` the test file, `file` and `line` where the case is), a `failure` (or
 * `error`) whose text is the messages and the transcript diff.
 */
function renderJunit(files: readonly FileReport[], totals: Totals): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = totals.passed + totals.failed + totals.errors;
  lines.push(`<testsuites name="sop test" tests="${total}" failures="${totals.failed}" errors="${totals.errors}">`);
  for (const file of files) {
    const failed = file.cases.filter((c) => c.status === 'failed').length;
    const errors = file.cases.filter((c) => c.status === 'error').length;
    lines.push(`  <testsuite name="${xml(file.file)}" tests="${file.cases.length}" failures="${failed}" errors="${errors}" file="${xml(file.file)}">`);
    for (const c of file.cases) {
      const open = `    <testcase name="${xml(c.name)}" classname="${xml(file.file)}" file="${xml(file.file)}" line="${c.line}"`;
      if (c.status === 'passed') {
        lines.push(`${open}/>`);
        continue;
      }
      const tag = c.status === 'error' ? 'error' : 'failure';
      const message = c.failures.map((f) => f.message).join('; ');
      const diff = c.diff.map((l) => `${l.kind === 'expected' ? '- ' : l.kind === 'actual' ? '+ ' : '  '}${l.text}`);
      const body = [
        ...c.failures.map((f) => `${file.file}:${f.line}:${f.column}: ${f.message}`),
        ...(diff.length > 0 ? ['', '- expected', '+ actual', '', ...diff] : []),
      ].join('\n');
      lines.push(`${open}>`, `      <${tag} message="${xml(message)}" type="${tag === 'error' ? 'TestFileError' : 'AssertionError'}">${xml(body)}</${tag}>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

/** Text for an XML attribute or element: the five special characters, and no control characters XML 1.0 forbids. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;');
}

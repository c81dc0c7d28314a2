/**
 * The line-oriented and JSON formats, meant for other programs:
 * - `json`: the spec's array of `{ file, line, column, endLine, endColumn, rule, severity, message }`;
 * - `compact`: `path:line:column: severity: message [rule-id]`, which the extension's
 *   `$sop` problem matcher reads;
 * - `github`: GitHub Actions workflow commands, shown as annotations on the pull request.
 */
import type { LocatedFinding } from '../located';
import { oneLine } from './stylish';

export function renderJson(findings: readonly LocatedFinding[]): string {
  const rows = findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

export function renderCompact(findings: readonly LocatedFinding[]): string {
  return findings.map((f) => `${compactLine(f)}\n`).join('');
}

/** One finding as `path:line:column: severity: message [rule-id]`. */
export function compactLine(f: Pick<LocatedFinding, 'file' | 'line' | 'column' | 'severity' | 'message' | 'rule'>): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${oneLine(f.message)} [${f.rule}]`;
}

/** GitHub knows three annotation levels; infos and hints become notices. */
const GITHUB_COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

export function renderGithub(findings: readonly LocatedFinding[]): string {
  return findings
    .map((f) => {
      const props = [
        `file=${escapeProperty(f.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      return `::${GITHUB_COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    })
    .join('');
}

/** Escaping as the Actions toolkit does it (`@actions/core`'s `command.ts`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

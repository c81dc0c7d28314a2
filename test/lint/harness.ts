/**
 * The lint fixture harness. Expectations are comments under the offending text, in the
 * style of rust-analyzer's tests:
 *
 *     wait 5s
 *   # ^^^^^^^ missing-fallback: has no fallback
 *
 * The carets sit under the columns of the nearest line above that is not itself an
 * expectation line (so several expectations can stack under one line, and a suppression
 * comment can be the target). After the carets come the rule id, optionally `+N` when the
 * range ends N lines further down, and optionally `: ` and a substring of the message.
 *
 * - A range on one line must match the carets exactly: first caret = first column, last
 *   caret = last column.
 * - A range over several lines must start at the first caret and end on the line `+N`
 *   says (N counts the lines below, not counting expectation lines); the carets then
 *   only mark where it starts, so run them as far as reads well.
 *
 * A range that starts in the first column cannot be marked (the `#` is there): indent it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfig } from '../../server/src/language/config/parse-config';
import { defaultConfig, type SopConfig } from '../../server/src/language/config/types';
import type { Finding } from '../../server/src/language/finding';
import { createSopServices, LineIndex, type Program } from '../../server/src/language/index';
import { RULE_METAS } from '../../server/src/language/lint/registry';

export interface Expectation {
  rule: string;
  /** Zero-based line and column of the first caret. */
  line: number;
  column: number;
  /** Zero-based column just past the last caret. */
  endColumn: number;
  /** How many lines below `line` the range ends. */
  extraLines: number;
  message?: string;
  /** Zero-based line of the expectation comment itself, for error messages. */
  at: number;
}

const EXPECTATION = /^(\s*)#(\s*)(\^+)\s+([a-z][a-z0-9-]*)(?:\s+\+(\d+))?\s*(?::\s*(.*?))?\s*$/;

/** True for the comment lines that hold expectations (they are no suppression directives). */
export function isExpectationLine(line: string): boolean {
  return /^\s*#\s*\^/.test(line);
}

/** Reads every expectation comment of a fixture. Malformed ones are errors, not skipped. */
export function parseExpectations(text: string): { expectations: Expectation[]; errors: string[] } {
  const lines = text.split(/\r?\n|\r/);
  const expectations: Expectation[] = [];
  const errors: string[] = [];
  lines.forEach((line, index) => {
    if (!isExpectationLine(line)) return;
    const match = EXPECTATION.exec(line);
    if (!match) {
      errors.push(`line ${index + 1}: cannot read the expectation "${line.trim()}" (write "# ^^^ rule-id" or "# ^^^ rule-id: message")`);
      return;
    }
    let target = index - 1;
    while (target >= 0 && isExpectationLine(lines[target])) target--;
    if (target < 0) {
      errors.push(`line ${index + 1}: an expectation needs a line above it to point at`);
      return;
    }
    const column = match[1].length + 1 + match[2].length;
    expectations.push({
      rule: match[4],
      line: target,
      column,
      endColumn: column + match[3].length,
      extraLines: match[5] ? Number(match[5]) : 0,
      message: match[6] || undefined,
      at: index,
    });
  });
  return { expectations, errors };
}

/** Whether a finding is the one an expectation describes. */
function satisfies(expectation: Expectation, finding: Finding, lines: LineIndex, text: string): boolean {
  if (finding.rule !== expectation.rule) return false;
  const start = lines.positionAt(finding.span.start);
  const end = lines.positionAt(finding.span.end);
  if (start.line !== expectation.line || start.character !== expectation.column) return false;
  if (end.line !== lineBelow(text, lines, expectation.line, expectation.extraLines)) return false;
  if (expectation.extraLines === 0 && end.character !== expectation.endColumn) return false;
  return expectation.message === undefined || finding.message.includes(expectation.message);
}

/** The line `count` lines below `line`, not counting expectation lines. */
function lineBelow(text: string, lines: LineIndex, line: number, count: number): number {
  let current = line;
  for (let left = count; left > 0 && current < lines.lineCount - 1; ) {
    current++;
    if (!isExpectationLine(text.slice(lines.lineStart(current), lines.lineEnd(current)))) left--;
  }
  return current;
}

/** The expectation comment that would describe `finding`, to paste into a fixture. */
export function expectationFor(finding: Finding, lines: LineIndex, text: string): string {
  const start = lines.positionAt(finding.span.start);
  const end = lines.positionAt(finding.span.end);
  const lineEnd = text.slice(lines.lineStart(start.line), lines.lineEnd(start.line)).replace(/\s+$/, '').length;
  const last = end.line === start.line ? end.character : lineEnd;
  const carets = '^'.repeat(Math.max(1, last - start.character));
  const prefix = start.character >= 2 ? `${' '.repeat(start.character - 2)}# ` : '#';
  let below = 0;
  for (let l = start.line + 1; l <= end.line; l++) {
    if (!isExpectationLine(text.slice(lines.lineStart(l), lines.lineEnd(l)))) below++;
  }
  const extra = end.line > start.line ? ` +${below}` : '';
  return `${prefix}${carets} ${finding.rule}${extra}: ${finding.message}`;
}

/**
 * Compares findings with expectations; every expectation must be met by its own finding
 * and every finding must be expected. Returns one line per difference.
 */
export function compareFindings(name: string, text: string, findings: readonly Finding[], expectations: readonly Expectation[]): string[] {
  const lines = new LineIndex(text);
  const unmatched = [...findings];
  const problems: string[] = [];
  for (const expectation of expectations) {
    const index = unmatched.findIndex((f) => satisfies(expectation, f, lines, text));
    if (index >= 0) {
      unmatched.splice(index, 1);
      continue;
    }
    const range = `${expectation.line + 1}:${expectation.column + 1}`;
    problems.push(`${name}:${expectation.at + 1}: expected ${expectation.rule} at ${range}${expectation.message ? ` with "${expectation.message}"` : ''}, but no such finding`);
  }
  for (const finding of unmatched) {
    const start = lines.positionAt(finding.span.start);
    problems.push(`${name}:${start.line + 1}:${start.character + 1}: unexpected ${finding.rule} finding; expect it with\n${expectationFor(finding, lines, text)}`);
  }
  return problems;
}

/** The configuration of a fixture folder: its `sop.config.json`, else the recommended one. */
export function configFor(fixturePath: string): SopConfig {
  const configPath = join(dirname(fixturePath), 'sop.config.json');
  if (!existsSync(configPath)) return defaultConfig(RULE_METAS);
  const { config, findings } = parseConfig(configPath, readFileSync(configPath, 'utf8'), RULE_METAS);
  if (findings.length > 0) throw new Error(`${configPath} is broken: ${findings.map((f) => f.message).join('; ')}`);
  return config;
}

const services = createSopServices();
// One set of services per other locale, so each keeps its own parse and lint caches.
const localized = new Map<string, ReturnType<typeof createSopServices>>();
function servicesFor(locale: string | undefined) {
  if (!locale) return services;
  let found = localized.get(locale);
  if (!found) {
    found = createSopServices({ locale });
    localized.set(locale, found);
  }
  return found;
}

/** Reads files from disk; a missing file is `undefined`, as the language layer expects. */
export const diskHost = {
  readFile: async (uri: string) => (existsSync(uri) ? readFileSync(uri, 'utf8') : undefined),
};

/** Parses `text` as the file at `path` and loads what it imports from disk. */
export async function loadFromDisk(path: string, text: string): Promise<Program> {
  return services.loadProgram(services.parse(path, text), diskHost);
}

/** Lints `text` as the file at `path`, imports read from disk; messages in `locale` (English by default). */
export async function lintText(path: string, text: string, config: SopConfig, locale?: string): Promise<Finding[]> {
  const chosen = servicesFor(locale);
  return chosen.lint(await chosen.loadProgram(chosen.parse(path, text), diskHost), config);
}

/** Compares findings with expectations by rule id and position only (messages are in another language). */
export function compareFindingsIgnoringMessages(name: string, text: string, findings: readonly Finding[], expectations: readonly Expectation[]): string[] {
  return compareFindings(name, text, findings, expectations.map((e) => ({ ...e, message: undefined })));
}

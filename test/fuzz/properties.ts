/**
 * What must hold for any text, checked by the fuzz suite (`fuzz.test.ts`) on generated
 * inputs and on every saved regression input (`regressions/*.sop`):
 *
 * - parse, lint, compile, format and every exporter never throw;
 * - every syntax error, finding and fix edit has a span inside the text, and every message
 *   is one line;
 * - compiling is deterministic (two fresh parses give the same bytes);
 * - for a file without syntax errors, `fmt` succeeds, is idempotent, keeps the AST (apart
 *   from positions) and the findings (rule, severity and message).
 *
 * A case that runs longer than `HANG_LIMIT_MS` fails as a hang (a generous bound meant to
 * catch runaway loops, not a speed target: speed is `npm run bench`'s job).
 */
import assert from 'node:assert/strict';
import type { SopFile, Span } from '../../server/src/language/ast';
import { compileProgram, serializeCompiled } from '../../server/src/language/compile/compile';
import { defaultConfig } from '../../server/src/language/config';
import type { Finding } from '../../server/src/language/finding';
import { formatFile } from '../../server/src/language/format/format';
import { EXPORT_TARGETS, exportProgram } from '../../server/src/language/export/index';
import { EN } from '../../server/src/language/i18n/messages';
import { lintProgram } from '../../server/src/language/lint/lint';
import { RULES } from '../../server/src/language/lint/registry';
import { parseSop } from '../../server/src/language/parse';
import { singleFileProgram, type Program } from '../../server/src/language/program';

export const HANG_LIMIT_MS = 10_000;

const config = defaultConfig(RULES.map((r) => r.meta));
const URI = 'fuzz.sop';

/**
 * The exporters every input goes through: each turns a program into text and must not
 * throw on any program, broken or not. Adding an exporter is one line here.
 */
export const EXPORTERS: Array<{ name: string; run: (program: Program) => unknown }> = [
  { name: 'compile (sop-script/1 JSON)', run: (program) => serializeCompiled(compileProgram(program)) },
  ...EXPORT_TARGETS.map((target) => ({ name: `export ${target}`, run: (program: Program) => exportProgram(program, target) })),
];

function assertSpanInside(span: Span, text: string, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span ${span.start}–${span.end} is not inside the text (length ${text.length})`,
  );
}

function lint(file: SopFile): Finding[] {
  return lintProgram(singleFileProgram(file), config);
}

/** The tree without positions: what formatting must keep. */
function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) if (key !== 'span' && child !== undefined) out[key] = withoutSpans(child);
    return out;
  }
  return value;
}

/** Findings as the author reads them, without positions (line numbers in messages move too). */
function findingKeys(findings: Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.severity} ${f.message.replace(/\d+/g, '#')}`).sort();
}

/** Runs every property on one text; throws an assertion error naming what failed. */
export function checkText(text: string): void {
  const started = performance.now();
  const file = parseSop(URI, text);
  assert.equal(file.text, text);
  for (const error of file.errors) {
    // Syntax messages are catalog messages; they are rendered as the editor shows them.
    const message = EN.format(error.message);
    assertSpanInside(error.span, text, `syntax error "${message}"`);
    assert.ok(!/[\r\n]/.test(message), `a syntax message is more than one line: ${JSON.stringify(message)}`);
  }

  const findings = lint(file);
  for (const finding of findings) {
    if (finding.uri !== URI) continue;
    assertSpanInside(finding.span, text, `finding ${finding.rule} "${finding.message}"`);
    assert.ok(!/[\r\n]/.test(finding.message), `the message of ${finding.rule} is more than one line: ${JSON.stringify(finding.message)}`);
    for (const fix of finding.fixes ?? []) for (const edit of fix.edits) assertSpanInside(edit.span, text, `fix "${fix.title}" of ${finding.rule}`);
  }

  const program = singleFileProgram(file);
  const outputs = EXPORTERS.map((exporter) => exporter.run(program));
  // Deterministic: a fresh parse of the same text compiles to the same bytes.
  assert.deepEqual(EXPORTERS.map((exporter) => exporter.run(singleFileProgram(parseSop(URI, text)))), outputs, 'an export differs between two runs on the same text');

  const formatted = formatFile(file);
  if (file.errors.length === 0) {
    assert.ok(formatted.ok, `fmt refused a file without syntax errors: ${formatted.ok ? '' : formatted.reason}`);
    const again = parseSop(URI, formatted.text);
    assert.deepEqual(again.errors, [], 'the formatted text has syntax errors');
    assert.deepEqual(withoutSpans({ header: again.header, decls: again.decls }), withoutSpans({ header: file.header, decls: file.decls }), 'fmt changed the AST');
    // Trailing blanks are the one thing fmt removes from a comment.
    const commentTexts = (f: SopFile) => f.comments.map((c) => c.text.trimEnd());
    assert.deepEqual(commentTexts(again), commentTexts(file), 'fmt changed the comments');
    const twice = formatFile(again);
    assert.ok(twice.ok && twice.text === formatted.text, 'fmt is not idempotent');
    assert.deepEqual(findingKeys(lint(again)), findingKeys(findings), 'fmt changed the findings');
  } else {
    assert.ok(!formatted.ok, 'fmt rewrote a file with syntax errors');
  }
  const elapsed = performance.now() - started;
  assert.ok(elapsed < HANG_LIMIT_MS, `one input took ${Math.round(elapsed)} ms: a hang`);
}

/**
 * Text helpers for quick fixes. Fixes are data (offsets and new text), and they must read
 * as if the author had typed them: the file's keyword spelling, its quote style, its line
 * ends and the indentation of the step they sit next to.
 */
import type { Decl, Duration, SopFile, Span, Spelling, Step, StringLit } from '../ast';
import type { TextEdit } from '../finding';
import type { StepPlace } from '../flow';
import { defineLazy } from '../lazy';
import { firstAtOrAfter } from '../sorted';
import { fileFactsOf, situationStart } from './situation-facts';

/** The offset at which the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The offset at which the line before the one starting at `lineStart` starts. */
export function previousLineStart(text: string, lineStart: number): number {
  let end = lineStart - 1;
  if (text[end] === '\n' && text[end - 1] === '\r') end--;
  return lineStartOf(text, Math.max(0, end));
}

/** The offset just before the line break of the line holding `offset`. */
export function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The offset just after the line break that ends the line holding `offset`. */
function nextLineStartOf(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end < text.length ? end + 1 : end;
}

const BLANK = /^[ \t\u3000\u00a0\ufeff]*$/;

/** The blanks that open the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  const match = /^[ \t]*/.exec(text.slice(start, lineEndOf(text, offset)));
  return match ? match[0] : '';
}

/** True when only blanks precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return BLANK.test(text.slice(lineStartOf(text, offset), offset));
}

/** One more level of indentation, in the unit the file already uses. */
export function deeper(indent: string): string {
  return indent.includes('\t') ? `${indent}\t` : `${indent}  `;
}

let lastEol = { text: '', eol: '\n' };

/** The file's line break, so a fix does not mix CRLF and LF. */
export function eolOf(text: string): string {
  // Every fix of a lint run asks about the same text, and scanning it is not free.
  if (text !== lastEol.text) lastEol = { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return lastEol.eol;
}

/** A string literal in the given style; `"…"` escapes what it must. */
export function quoteString(value: string, quote: StringLit['quote']): string {
  if (quote === 'cjk') return `“${value}”`;
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The text to put inside an existing string literal so it reads as `value`. */
export function escapeForString(value: string, quote: StringLit['quote']): string {
  return quote === 'cjk' ? value.replace(/”/g, '"') : value.replace(/[\\"]/g, (c) => `\\${c}`);
}

const ZH_UNITS: Record<string, string> = { ms: '毫秒', s: '秒', m: '分钟', h: '小时', d: '天' };

/** Whether a duration was written with a Chinese unit. */
export function durationSpelling(duration: Duration): Spelling {
  return /^[a-z]+$/.test(duration.unit) ? 'en' : 'zh';
}

/** `5s` or `5秒`: whole seconds where possible, in the requested unit spelling. */
export function spellDuration(ms: number, spelling: Spelling): string {
  let amount: number;
  let unit: string;
  if (ms % 3_600_000 === 0 && ms >= 3_600_000) [amount, unit] = [ms / 3_600_000, 'h'];
  else if (ms % 60_000 === 0 && ms >= 120_000) [amount, unit] = [ms / 60_000, 'm'];
  else if (ms % 100 === 0) [amount, unit] = [ms / 1000, 's'];
  else [amount, unit] = [ms, 'ms'];
  return `${amount}${spelling === 'en' ? unit : ZH_UNITS[unit]}`;
}

/** Whether the script's phrases are Chinese: its `locale`, else the text of its phrases. */
export function phraseLanguage(file: SopFile): 'zh' | 'en' {
  const locale = file.header.locale?.value.value.trim().toLowerCase();
  if (locale) return locale.startsWith('zh') ? 'zh' : 'en';
  return /\p{Script=Han}/u.test(file.text) ? 'zh' : 'en';
}

/**
 * The file a partial copy was made from (`withDecls`): fixes read the whole file around
 * the situation they are for, whichever situations a rule was asked to check.
 */
const wholeFiles = new WeakMap<SopFile, SopFile>();

/**
 * `file` with only `decls`, for running a rule on some situations (the lint cache re-checks
 * only the changed ones); `quoteStyleNear` still sees the whole file through it.
 */
export function withDecls(file: SopFile, decls: Decl[]): SopFile {
  const whole = wholeFiles.get(file) ?? file;
  // Not a spread of `file`: that would make every tree of a parsed file (its `decls` and
  // `comments` are made when first read), and a rule checking a few situations reads neither.
  const part: SopFile = { uri: file.uri, text: file.text, header: file.header, decls, errors: file.errors, comments: [] };
  defineLazy(part, 'comments', () => whole.comments);
  wholeFiles.set(part, whole);
  return part;
}

/**
 * The quote style to write a new phrase in: that of the nearest `say` before `offset`,
 * else of the first `say` in the file, else ASCII quotes. Finds the pieces with a `say`
 * from each piece's facts, so it costs a search and a walk of a situation or two, not a
 * walk of the file.
 */
export function quoteStyleNear(file: SopFile, offset: number): StringLit['quote'] {
  const facts = fileFactsOf(wholeFiles.get(file) ?? file);
  const { list, pieces, withSays } = facts;
  // The pieces with a `say`, from the last one that starts at or before the offset.
  for (let k = firstAtOrAfter(withSays, list.pieceAt(offset) + 1) - 1; k >= 0; k--) {
    const p = withSays[k];
    const { situations } = pieces[p];
    for (let s = situations.length - 1; s >= 0; s--) {
      if (!situations[s].facts.lastQuote) continue;
      // The piece's trees sit where it was matched: the offset is looked for there.
      const { situation } = situations[s];
      const quote = lastSayQuoteBefore(situation.steps, offset - (situationStart(facts, p, s) - situation.span.start));
      if (quote) return quote;
    }
  }
  return withSays.length > 0 ? (pieces[withSays[0]].firstQuote ?? 'ascii') : 'ascii';
}

/**
 * The quote of the last `say` whose text starts at or before `offset`, "last" in the order
 * the situation's steps are visited (a wait's `reply` before its `fallback`).
 */
function lastSayQuoteBefore(steps: readonly Step[], offset: number): StringLit['quote'] | undefined {
  const says: StringLit[] = [];
  collectSayTexts(steps, says);
  for (let i = says.length - 1; i >= 0; i--) if (says[i].span.start <= offset) return says[i].quote;
  return undefined;
}

function collectSayTexts(steps: readonly Step[], out: StringLit[]): void {
  for (const step of steps) {
    if (step.kind === 'say') out.push(step.text);
    else if (step.kind === 'wait') {
      if (step.reply) collectSayTexts(step.reply.steps, out);
      if (step.fallback) collectSayTexts(step.fallback.steps, out);
    }
  }
}

/**
 * Edits that put new steps (each a line of source) right before and after the step at
 * `place`, on their own lines with its indentation. When the step is the whole unbraced
 * body of a `reply`/`fallback`, adding steps next to it needs braces, so the body is
 * rewritten as a block (`stepText`, if given, is what the step then reads, for fixes that
 * change the step as well).
 */
export function insertStepsAround(
  text: string,
  place: StepPlace,
  before: readonly string[],
  after: readonly string[],
  stepText?: string,
): TextEdit[] {
  const { step } = place;
  const eol = eolOf(text);
  const branch = place.parent ? place.parent.wait[place.parent.branch] : undefined;
  if (branch && !branch.braces) {
    const outer = indentAt(text, branch.span.start);
    const inner = deeper(outer);
    const body = [...before, stepText ?? text.slice(step.span.start, step.span.end), ...after].map((line) => `${inner}${line}`).join(eol);
    return [{ span: step.span, newText: `{${eol}${body}${eol}${outer}}` }];
  }
  const edits: TextEdit[] = [];
  if (before.length > 0) {
    const at = { start: step.span.start, end: step.span.start };
    if (startsLine(text, step.span.start)) {
      const indent = indentAt(text, step.span.start);
      edits.push({ span: at, newText: before.map((l) => `${l}${eol}${indent}`).join('') });
    } else {
      edits.push({ span: at, newText: before.map((l) => `${l} `).join('') });
    }
  }
  if (after.length > 0) edits.push(insertLinesAfter(text, step, (indent) => after.map((line) => `${indent}${line}`)));
  return edits;
}

/** Edits that put new steps right before the step at `place` (see `insertStepsAround`). */
export function insertStepsBefore(text: string, place: StepPlace, lines: readonly string[], stepText?: string): TextEdit[] {
  return insertStepsAround(text, place, lines, [], stepText);
}

/** Edits that put new steps right after the step at `place` (see `insertStepsAround`). */
export function insertStepsAfter(text: string, place: StepPlace, lines: readonly string[]): TextEdit[] {
  return insertStepsAround(text, place, [], lines);
}

/**
 * An edit that puts new lines right after `step`, each starting at the indentation of the
 * step's line; `build` receives that indentation so nested lines can go deeper. A comment
 * that trails the step stays on the step's line.
 */
export function insertLinesAfter(text: string, step: Step, build: (indent: string) => readonly string[]): TextEdit {
  const eol = eolOf(text);
  const indent = indentAt(text, step.span.start);
  const lineEnd = lineEndOf(text, step.span.end);
  const at = /^[ \t\u3000\u00a0]*(#.*)?$/.test(text.slice(step.span.end, lineEnd)) ? lineEnd : step.span.end;
  return { span: { start: at, end: at }, newText: build(indent).map((line) => `${eol}${line}`).join('') };
}

/**
 * An edit that deletes `span`; when nothing but blanks (and a comment about the deleted
 * text) shares its lines, the whole lines go, so no empty line is left behind.
 */
export function deleteSpan(text: string, span: Span): TextEdit {
  const lineStart = lineStartOf(text, span.start);
  const afterEnd = text.slice(span.end, lineEndOf(text, span.end));
  if (BLANK.test(text.slice(lineStart, span.start)) && /^[ \t\u3000\u00a0\ufeff]*(#.*)?$/.test(afterEnd)) {
    return { span: { start: lineStart, end: nextLineStartOf(text, span.end) }, newText: '' };
  }
  // Take one blank before the span along, so `a b c` minus `b` reads `a c`.
  const start = span.start > lineStart && /[ \t]/.test(text[span.start - 1]) ? span.start - 1 : span.start;
  return { span: { start, end: span.end }, newText: '' };
}

/** Applies edits (non-overlapping, any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

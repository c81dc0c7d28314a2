/**
 * The pieces a document is parsed in, and what an edit changed. A piece starts at a line
 * whose first word is the `situation` keyword (the prelude is what comes before the first
 * one); strings and comments cannot span lines, so a split never cuts a token, and whether
 * a line starts a piece depends on that line alone. That is what lets the parser re-split
 * only the part of the document an edit touched.
 */
import { isIdentPart } from '../keywords';

export interface PieceBounds {
  start: number;
  end: number;
  /** The prelude (header, imports, vars) comes before the first situation. */
  prelude: boolean;
  /** The 1-based line the piece starts on (syntax messages may name lines). */
  line: number;
}

const SITUATION_WORDS = ['situation', '情景'];

/** Blanks that may indent a line: space, tab, U+3000, no-break space, BOM. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

/** True when the line starting at `lineStart` opens a situation. */
function startsSituation(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  // Only a line that starts with `s` or `情` can start a situation; skip the rest cheaply.
  const first = text.charCodeAt(i);
  if (first !== 0x73 /* s */ && first !== 0x60c5 /* 情 */) return false;
  for (const word of SITUATION_WORDS) {
    if (text.startsWith(word, i) && !isIdentPart(text[i + word.length] ?? ' ')) return true;
  }
  return false;
}

/**
 * Splits `text[from, to)` at every line whose first word is the `situation` keyword.
 * `from` must start a piece and `to` must end one (a piece start or the end of the text);
 * `prelude` says whether the range begins with the prelude (then it starts at 0, and an
 * empty prelude is kept when a situation opens the text), `line` is the line of `from`.
 * Returns the pieces and the line on which `to` lies.
 */
export function splitRange(text: string, from: number, to: number, prelude: boolean, line: number): { pieces: PieceBounds[]; endLine: number } {
  const steps = splitRangeInSteps(text, from, to, prelude, line);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How many lines `splitRangeInSteps` scans between two pauses. Splitting a 50,000-line
 * script the first time (code not yet optimised) took 13–15 ms in one go.
 */
const LINES_PER_STEP = 5_000;

/** The same split, pausing every `LINES_PER_STEP` lines (for the first parse of a large document). */
export function* splitRangeInSteps(
  text: string,
  from: number,
  to: number,
  prelude: boolean,
  line: number,
): Generator<void, { pieces: PieceBounds[]; endLine: number }, void> {
  const pieces: PieceBounds[] = [];
  let pieceStart = from;
  let pieceLine = line;
  let lineStart = from;
  while (lineStart < to) {
    if (startsSituation(text, lineStart) && (lineStart > pieceStart || (pieces.length === 0 && prelude))) {
      pieces.push({ start: pieceStart, end: lineStart, prelude: pieces.length === 0 && prelude, line: pieceLine });
      pieceStart = lineStart;
      pieceLine = line;
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0 || nl >= to) break;
    lineStart = nl + 1;
    line++;
    if (line % LINES_PER_STEP === 0) yield;
  }
  pieces.push({ start: pieceStart, end: to, prelude: pieces.length === 0 && prelude, line: pieceLine });
  return { pieces, endLine: line };
}

/** Splits the whole text into pieces. */
export function splitPieces(text: string): PieceBounds[] {
  return splitRange(text, 0, text.length, true, 1).pieces;
}

/**
 * Texts are compared in blocks (string equality is a native comparison) before single
 * characters. A block that matches doubles the next one and one that does not halves it,
 * so a shared run of any length costs a few dozen comparisons, not one per block of a
 * fixed size: at 50,000 lines that is the difference between a few hundred microseconds
 * and a few dozen per keystroke.
 */
const SMALLEST_BLOCK = 64;

/** How many leading characters `a` and `b` share. */
export function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 512; block >= SMALLEST_BLOCK; ) {
    if (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) {
      i += block;
      block *= 2;
    } else {
      block >>= 1;
    }
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing characters `a` and `b` share, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  const la = a.length;
  const lb = b.length;
  for (let block = 512; block >= SMALLEST_BLOCK; ) {
    if (n + block <= max && a.slice(la - n - block, la - n) === b.slice(lb - n - block, lb - n)) {
      n += block;
      block *= 2;
    } else {
      block >>= 1;
    }
  }
  while (n < max && a.charCodeAt(la - n - 1) === b.charCodeAt(lb - n - 1)) n++;
  return n;
}

/** How many `\n` the text holds between two offsets. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

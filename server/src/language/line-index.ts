/**
 * Offset ↔ line/column conversion over a line-start table. Ohm's own
 * `getLineAndColumn()` rescans the text on every call, which is quadratic over a file;
 * this answers each lookup with a binary search.
 */
import { firstAtOrAfter, lastAtOrBefore } from './sorted';

/** A zero-based line and a zero-based column in UTF-16 code units (LSP's convention). */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Where each line starts; typed, so deriving the next version's table is one native copy. */
  private readonly starts: Int32Array;

  constructor(
    private readonly text: string,
    /** Computed by `afterEdit` from an earlier index; scanned from the text otherwise. */
    starts?: Int32Array,
  ) {
    this.starts = starts ?? Int32Array.from([0, ...scanLineStarts(text, 0, text.length)]);
  }

  /**
   * The index of `text`, which is the text of `previous` with `[start, oldEnd)` replaced by
   * what is now `[start, newEnd)`: the lines before the edit are kept, those after it move,
   * and only the edited stretch is scanned. The language server asks for the index of
   * every version of a document it checks, so this keeps that cost to copying an array.
   */
  static afterEdit(previous: LineIndex, text: string, edit: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const { start, oldEnd, newEnd } = edit;
    const old = previous.starts;
    const delta = newEnd - oldEnd;
    // Whether a line starts at `q` depends on the characters at `q - 1` and `q` (a CR
    // followed by LF is one break), so starts up to the edit and from one past its end are
    // settled by unchanged text; those in between are scanned again.
    const kept = Math.max(1, firstAtOrAfter(old, start));
    const moved = firstAtOrAfter(old, oldEnd + 2);
    const scanned = scanLineStarts(text, Math.max(0, start - 1), Math.min(text.length, newEnd + 1)).filter((q) => q >= start && q > 0);
    const starts = new Int32Array(kept + scanned.length + old.length - moved);
    starts.set(old.subarray(0, kept));
    starts.set(scanned, kept);
    const at = kept + scanned.length;
    for (let i = moved; i < old.length; i++) starts[at + i - moved] = old[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The offset at which a zero-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The offset just past a line's last character, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.starts, o);
    return { line, character: o - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/**
 * The offsets at which lines start because of a break in `text[from, to)` (a start may be
 * `to` itself, or the character after a CR at `to - 1`). LF and CRLF end a line, and so
 * does a lone CR. Searching for LF natively is several times faster than looking at every
 * character, so a long stretch without CR takes that path. A short one (the stretch an
 * edit touched) is looked at character by character: the search for a CR cannot stop at
 * `to`, and in a text without any it would read to the end of the document.
 */
/** The shortest stretch searched natively (see `scanLineStarts`). */
const NATIVE_SCAN_MIN = 4096;

function scanLineStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  const cr = to - from < NATIVE_SCAN_MIN ? from : text.indexOf('\r', from);
  if (cr < 0 || cr >= to) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

const fileIndexes = new WeakMap<{ text: string }, LineIndex>();

/**
 * The line table of a parsed file's text, built once per file: the linter, the language
 * server and the editor features all ask for it on every keystroke. (Parsed files are
 * immutable, so keying by the file object is safe.)
 */
export function lineIndexOf(file: { text: string }): LineIndex {
  let index = fileIndexes.get(file);
  if (!index) {
    index = new LineIndex(file.text);
    fileIndexes.set(file, index);
  }
  return index;
}

/**
 * Gives `next`, whose text is that of `previous` edited as `edit` says, the index derived
 * from `previous` (the parser calls it on every re-parse of an edited document), unless
 * it has one already.
 */
export function deriveLineIndex(previous: LineIndex, next: { text: string }, edit: { start: number; oldEnd: number; newEnd: number }): LineIndex {
  let index = fileIndexes.get(next);
  if (!index) {
    index = LineIndex.afterEdit(previous, next.text, edit);
    fileIndexes.set(next, index);
  }
  return index;
}

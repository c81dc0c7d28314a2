/**
 * Offset ↔ line/column conversion over a line-start table. Ohm's own
 * `getLineAndColumn()` rescans the text on every call, which is quadratic over a file;
 * this answers each lookup with a binary search.
 */

/** A zero-based line and a zero-based column in UTF-16 code units (LSP's convention). */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.starts = starts;
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
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
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

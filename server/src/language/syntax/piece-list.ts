/**
 * The pieces of one parse in document order. A piece keeps the trees it was matched with
 * (offsets as of `ParsedPiece.offset`); where it sits now is `starts[i]` (and `lines[i]`),
 * so moving the pieces after an edit is a shift of two arrays of numbers, not a copy of
 * their trees. The trees at their current offsets are made only when something reads the
 * file's `decls` or `comments` (see `parsed-file.ts`).
 *
 * A re-parse builds its list from the last one: runs of pieces an edit did not touch are
 * copied as array slices, so their objects are not visited one by one (at 50,000 lines
 * that is thousands of cache misses saved per keystroke). A list also says how it
 * differs from the one it was built from (`origin`), so the lint layer can update what it
 * derived from that one instead of looking at every piece again.
 */
import type { Comment, Decl, Header, SyntaxError } from '../ast';
import { firstAtOrAfter, lastAtOrBefore } from '../sorted';

/** One piece of a file as matched: its trees have document offsets as of `offset`. */
export interface ParsedPiece {
  offset: number;
  /** The 1-based line the piece started on when matched (syntax messages may name lines). */
  line: number;
  header: Header;
  decls: Decl[];
  comments: Comment[];
  errors: SyntaxError[];
}

/** What a list shares with the list it was built from. */
export interface ListOrigin {
  list: PieceList;
  /** Pieces `[0, prefix)` are the same objects at the same index as in `list`. */
  prefix: number;
  /** The last `suffix` pieces are the same objects as the last `suffix` of `list` (moved). */
  suffix: number;
}

/** Pieces that some consumer looks for on every run, by index: kept sorted as lists are built. */
type Mark = 'errors' | 'decls' | 'directives';

const MARKS: readonly Mark[] = ['errors', 'decls', 'directives'];

/** A cheap over-approximation of "a comment of this piece holds a suppression directive". */
const DIRECTIVE_HINT = /sop-(disable|enable)/;

export class PieceList {
  pieces: ParsedPiece[] = [];
  /** Where each piece starts in the text of this parse. */
  starts: number[] = [];
  /** The 1-based line each piece starts on in this parse. */
  lines: number[] = [];
  /**
   * The indexes of the pieces with syntax errors, with declarations other than situations
   * (imports, variables), with a comment that may hold a suppression directive.
   */
  marked: Record<Mark, number[]> = { errors: [], decls: [], directives: [] };
  origin: ListOrigin | undefined;

  get length(): number {
    return this.pieces.length;
  }

  /** Where the trees of piece `i` must move to sit at their place in this parse. */
  deltaOf(i: number): number {
    return this.starts[i] - this.pieces[i].offset;
  }

  add(piece: ParsedPiece, start: number, line: number): void {
    const i = this.pieces.length;
    this.pieces.push(piece);
    this.starts.push(start);
    this.lines.push(line);
    if (piece.errors.length > 0) this.marked.errors.push(i);
    if (piece.decls.some((d) => d.kind !== 'situation')) this.marked.decls.push(i);
    if (piece.comments.some((c) => DIRECTIVE_HINT.test(c.text))) this.marked.directives.push(i);
  }

  /**
   * Appends pieces `[from, to)` of a finished list, moved by `delta` characters and
   * `lineDelta` lines. Arrays are sliced (natively); only the numbers are touched one by one.
   */
  copy(list: PieceList, from: number, to: number, delta = 0, lineDelta = 0): void {
    if (from >= to) return;
    const shift = this.pieces.length - from;
    this.pieces = this.pieces.length === 0 ? list.pieces.slice(from, to) : this.pieces.concat(list.pieces.slice(from, to));
    this.starts = appendShifted(this.starts, list.starts, from, to, delta);
    this.lines = appendShifted(this.lines, list.lines, from, to, lineDelta);
    for (const mark of MARKS) {
      const source = list.marked[mark];
      const a = firstAtOrAfter(source, from);
      const b = firstAtOrAfter(source, to);
      const target = this.marked[mark];
      for (let k = a; k < b; k++) target.push(source[k] + shift);
    }
  }

  /** The index of the last piece that starts at or before `offset` (0 when none does). */
  pieceAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }

  /** Where piece `i` ends: where the next one starts, else at `textLength`. */
  endOf(i: number, textLength: number): number {
    return i + 1 < this.starts.length ? this.starts[i + 1] : textLength;
  }
}

function appendShifted(target: number[], source: readonly number[], from: number, to: number, delta: number): number[] {
  if (delta === 0) return target.length === 0 ? source.slice(from, to) : target.concat(source.slice(from, to));
  for (let i = from; i < to; i++) target.push(source[i] + delta);
  return target;
}

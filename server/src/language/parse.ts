/**
 * The parser: text in, `SopFile` out, never an exception.
 *
 * Ohm has no error recovery and memoizes every rule at every position, so a whole file is
 * never matched at once. The text is split at lines that start a situation (strings and
 * comments cannot span lines, so the split never cuts a token), and each piece is matched on
 * its own. A broken situation then costs one finding and hides nothing else.
 *
 * A `SopParser` keeps the pieces of its last parse: after an edit only the pieces around the
 * change are split again and looked up by their text (matched when new), the pieces before
 * it are reused and those after it are moved: a piece keeps the trees it was matched with,
 * and the parse records where it now starts (`syntax/piece-list.ts`). The file's `decls`
 * and `comments` at their current offsets are made only when first read (`fileOf` in
 * `syntax/parsed-file.ts`); the lint reads the pieces instead (`piecesOf`), so a keystroke
 * copies no tree.
 */
import type { Comment, Situation, SopFile, SyntaxError } from './ast';
import { msg } from './i18n/messages';
import { deriveLineIndex, lineIndexOf, type LineIndex } from './line-index';
import { buildPiece, grammar, type BadLine } from './syntax/build-ast';
import { fileOf, giveIdentity } from './syntax/parsed-file';
import { PieceList, type ParsedPiece } from './syntax/piece-list';
import { firstAtOrAfter } from './sorted';
import { commonPrefix, commonSuffix, splitPieces, splitRangeInSteps, type PieceBounds } from './syntax/pieces';
import { explainBadLine, explainPieceFailure } from './syntax/syntax-messages';

export { splitPieces };
export { situationIdentity } from './syntax/parsed-file';

/** Collects `#` comments of a piece, skipping `#` inside strings. */
function scanComments(text: string, offset: number): Comment[] {
  const comments: Comment[] = [];
  // Most pieces have no comment at all: one native search spares them the walk below.
  if (!text.includes('#')) return comments;
  let lineHasCode = false;
  let close = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') {
      lineHasCode = false;
      close = '';
    } else if (close) {
      if (close === '"' && ch === '\\') i++;
      else if (ch === close) close = '';
    } else if (ch === '#') {
      // A comment runs to the next line break: LF, CRLF or a lone CR.
      let end = i + 1;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      comments.push({
        span: { start: offset + i, end: offset + end },
        text: text.slice(i + 1, end),
        trailing: lineHasCode,
      });
      i = end - 1;
    } else if (ch === '"' || ch === '“') {
      close = ch === '"' ? '"' : '”';
      lineHasCode = true;
    } else if (!/\s|\u3000|\ufeff/.test(ch)) {
      lineHasCode = true;
    }
  }
  return comments;
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** A stand-in for a situation whose header is too broken to parse, so jumps to it resolve. */
function stubSituation(text: string, offset: number): Situation | undefined {
  const m = /^([ \t\u3000]*)(situation|情景)[ \t\u3000]+([\p{L}_][\p{L}0-9_-]*)/u.exec(text);
  if (!m) return undefined;
  const kwStart = offset + m[1].length;
  const idStart = offset + m[0].length - m[3].length;
  return {
    kind: 'situation',
    span: { start: kwStart, end: offset + text.trimEnd().length },
    keyword: { span: { start: kwStart, end: kwStart + m[2].length }, spelling: m[2] === '情景' ? 'zh' : 'en' },
    id: { kind: 'ident', name: m[3], span: { start: idStart, end: idStart + m[3].length } },
    // The keys every parsed situation has, so a moved copy (`syntax/move.ts`) equals it.
    title: undefined,
    tagsKeyword: undefined,
    tags: [],
    when: undefined,
    steps: [],
    hasErrors: true,
  };
}

/**
 * The spec asks for one syntax finding per broken situation, so only the first swallowed
 * line of a piece is explained: later ones are often consequences of the first (a
 * `fallback` after a broken `wait`), and the author sees the next one once it is fixed.
 */
function explainFirstBadLine(badLines: BadLine[], documentText: string): SyntaxError[] {
  return badLines.length > 0 ? [explainBadLine(badLines[0], documentText)] : [];
}

/**
 * The longest piece that is matched. Ohm's memo table grows with the piece's length (a
 * 1 MB piece takes seconds and about a gigabyte), so a longer one — a pasted binary, a
 * generated file without situations — gets one finding instead of exhausting the process.
 * Real situations are a few hundred characters.
 */
export const MAX_PIECE_LENGTH = 50_000;

function oversizedPiece(text: string, offset: number, prelude: boolean, comments: Comment[]): Omit<ParsedPiece, 'line'> {
  const firstLineEnd = /[\r\n]/.exec(text)?.index ?? text.length;
  const error: SyntaxError = {
    span: { start: offset, end: offset + Math.min(firstLineEnd, 200) },
    message: msg(prelude ? 'syntax.too-long.prelude' : 'syntax.too-long.situation', { length: String(text.length), limit: String(MAX_PIECE_LENGTH) }),
  };
  const stub = prelude ? undefined : stubSituation(text, offset);
  return { offset, header: {}, decls: stub ? [stub] : [], comments, errors: [error] };
}

/**
 * Matches one piece. For an editor's parser (`kept`), the piece's texts are detached from
 * the document and its situations get identities for the lint caches; a one-shot parse
 * needs neither.
 */
function parsePiece(documentText: string, bounds: PieceBounds, kept = true): ParsedPiece {
  const piece = { ...matchPiece(documentText, bounds, bounds.line, kept), line: bounds.line };
  if (kept) for (const decl of piece.decls) if (decl.kind === 'situation') giveIdentity(decl);
  return piece;
}

/**
 * A copy of `text` that shares no memory with the document it was cut from. Engines keep
 * a long `slice` as a view of the whole string, so every text and name an AST holds would
 * keep alive the version of the document its piece was matched in: over 1,000 edits of a
 * 10,000-line script that was 6 MB of old documents. A JSON round trip makes a new string,
 * for about 1 % of what matching the piece costs.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function matchPiece(documentText: string, bounds: PieceBounds, line: number, detach: boolean): Omit<ParsedPiece, 'line'> {
  const slice = documentText.slice(bounds.start, bounds.end);
  const text = detach ? detached(slice) : slice;
  const offset = bounds.start;
  const comments = scanComments(text, offset);
  if (text.length > MAX_PIECE_LENGTH) return oversizedPiece(text, offset, bounds.prelude, comments);
  const rule = bounds.prelude ? 'Prelude' : 'Chunk';
  const match = grammar.match(text, rule);
  if (match.succeeded()) {
    const piece = buildPiece(match, offset);
    const errors = explainFirstBadLine(piece.badLines, documentText);
    return { offset, header: piece.header, decls: piece.decls, comments, errors };
  }
  const braceAt = text.indexOf('{');
  const openLine = bounds.prelude || braceAt < 0 ? undefined : line + lineOf(text, braceAt) - 1;
  const error = explainPieceFailure(text, offset, match, openLine);
  if (error.message.key === 'syntax.missing-brace') {
    // Close the situation for the author to keep everything above the missing brace.
    const closed = grammar.match(`${text}\n}`, rule);
    if (closed.succeeded()) {
      const piece = buildPiece(closed, offset);
      for (const decl of piece.decls) {
        if (decl.kind === 'situation') {
          decl.hasErrors = true;
          decl.span.end = Math.min(decl.span.end, offset + text.length);
        }
      }
      const errors = [error];
      return { offset, header: piece.header, decls: piece.decls, comments, errors };
    }
  }
  const stub = bounds.prelude ? undefined : stubSituation(text, offset);
  return { offset, header: {}, decls: stub ? [stub] : [], comments, errors: [error] };
}

/**
 * The last complete parse: its text and its pieces in order, each with `offset` and
 * `line` where it sits in that text (a piece ends where the next one starts; the first is
 * the prelude).
 */
interface LastParse {
  text: string;
  pieces: PieceList;
  /**
   * The line table of `text` (see `lineIndexOf`), kept from the second parse on: a document
   * parsed again is being edited, and each version's table follows from the last one's.
   */
  lines?: LineIndex;
}

/**
 * How the pieces of the last parse map onto a new text: the pieces before the edit are
 * kept as they are, those after it move by `delta` characters, and only `region` (whole
 * pieces around the edit) is split again.
 */
interface ReusePlan {
  /** What changed since the last parse: `[start, oldEnd)` of its text is now `[start, newEnd)`. */
  edit?: { start: number; oldEnd: number; newEnd: number };
  /** The pieces kept as they are: `[0, before)` of the last parse's. */
  before: number;
  /** The old pieces the region replaces, by their text (most of them are unchanged). */
  replaced: Map<string, ParsedPiece>;
  region: { start: number; end: number; prelude: boolean; line: number };
  /** The pieces that move: `[after, length)` of the last parse's. */
  after: number;
  delta: number;
}

function planReuse(last: LastParse | undefined, text: string): ReusePlan {
  if (!last || last.pieces.length === 0) {
    return { before: 0, replaced: new Map(), region: { start: 0, end: text.length, prelude: true, line: 1 }, after: 0, delta: 0 };
  }
  const old = last.text;
  const list = last.pieces;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const oldEnd = old.length - suffix;
  // The piece holding the first changed character, and one more before it: an edit of a
  // piece's first line can make it stop (or start) opening a situation, which moves the
  // boundary with the piece before.
  const first = Math.max(0, list.pieceAt(prefix) - 1);
  // The piece holding the first character after the change: its first line may have been
  // joined to (or split from) the changed text.
  const final = Math.max(first, list.pieceAt(oldEnd));
  const delta = text.length - old.length;
  const replaced = new Map<string, ParsedPiece>();
  for (let i = first; i <= final; i++) replaced.set(keyOf(old, { start: list.starts[i], end: list.endOf(i, old.length), prelude: i === 0 }), list.pieces[i]);
  return {
    edit: { start: prefix, oldEnd, newEnd: oldEnd + delta },
    before: first,
    replaced,
    region: { start: list.starts[first], end: list.endOf(final, old.length) + delta, prelude: first === 0, line: list.lines[first] },
    after: final + 1,
    delta,
  };
}

/** What pieces are cached by: their kind and their text. */
function keyOf(text: string, bounds: { start: number; end: number; prelude: boolean }): string {
  return (bounds.prelude ? 'P' : 'C') + text.slice(bounds.start, bounds.end);
}

/**
 * A parser that remembers the pieces of the last parse, so re-parsing an edited document
 * matches only the pieces whose text changed. One instance per document keeps memory
 * proportional to that document.
 *
 * Finding what changed costs a comparison of the old and new texts (in blocks, natively);
 * only the pieces around the change are split again and looked up by their text. Pieces
 * before the change are reused as they are; pieces after it keep their trees and get new
 * start offsets (their trees are copied by `syntax/move.ts` only when the file's `decls`
 * or `comments` are read).
 */
export class SopParser {
  private last: LastParse | undefined;
  /**
   * Pieces by their text (`P`/`C` + text), for the pieces around a change: those matched
   * or looked up since the last complete parse, and by it. A parse abandoned half-way
   * leaves the pieces it matched here for the next one.
   */
  private byText = new Map<string, ParsedPiece>();

  parse(uri: string, text: string): SopFile {
    const steps = this.parseInSteps(uri, text);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same parse in steps: the generator pauses after each piece it had to match (reused
   * pieces cost next to nothing), so an editor can do other work between steps while a
   * large document is opened. A run abandoned half-way keeps the pieces it matched for
   * the next parse.
   */
  *parseInSteps(uri: string, text: string): Generator<void, SopFile, void> {
    const last = this.last;
    const plan = planReuse(last, text);
    const { region, delta } = plan;
    const split = yield* splitRangeInSteps(text, region.start, region.end, region.prelude, region.line);
    yield;
    const list = new PieceList();
    if (last) list.copy(last.pieces, 0, plan.before);
    const found = new Map<string, ParsedPiece>();
    for (const bounds of split.pieces) {
      const key = keyOf(text, bounds);
      let piece = found.get(key) ?? plan.replaced.get(key) ?? this.byText.get(key);
      // A syntax message may name a line ("the situation opened at line 12"): a broken
      // piece matched on another line is explained again rather than reused.
      if (piece && piece.errors.length > 0 && piece.line !== bounds.line) piece = undefined;
      if (!piece) {
        piece = parsePiece(text, bounds);
        this.byText.set(key, piece);
        yield;
      }
      if (!found.has(key)) found.set(key, piece);
      list.add(piece, bounds.start, bounds.line);
    }
    // The pieces after the region that are carried over as they are (moved).
    let kept = 0;
    if (last && plan.after < last.pieces.length) {
      // Everything after the region moved by the same amount; its lines by the difference
      // between where the region now ends and where the first piece after it started.
      const old = last.pieces;
      const lineDelta = split.endLine - old.lines[plan.after];
      // Broken pieces that land on another line than the one they were matched on are
      // matched again (see above); the runs between them are copied.
      let from = plan.after;
      const broken = old.marked.errors;
      for (let k = firstAtOrAfter(broken, plan.after); k < broken.length && lineDelta !== 0; k++) {
        const i = broken[k];
        const line = old.lines[i] + lineDelta;
        if (old.pieces[i].line === line) continue;
        list.copy(old, from, i, delta, lineDelta);
        const start = old.starts[i] + delta;
        const end = i + 1 < old.length ? old.starts[i + 1] + delta : text.length;
        list.add(parsePiece(text, { start, end, prelude: false, line }), start, line);
        from = i + 1;
        yield;
      }
      list.copy(old, from, old.length, delta, lineDelta);
      kept = old.length - from;
    }
    if (last) {
      last.pieces.origin = undefined;
      list.origin = { list: last.pieces, prefix: plan.before, suffix: kept };
    }
    const file = fileOf(uri, text, list);
    // The line table of the new text follows from the old one.
    let lines: LineIndex | undefined;
    if (last) lines = last.lines && plan.edit ? deriveLineIndex(last.lines, file, plan.edit) : lineIndexOf(file);
    this.last = { text, pieces: list, lines };
    this.byText = found;
    return file;
  }
}

/**
 * Parses a document once, without keeping anything for later edits (the CLI). Nothing is
 * looked up by text, the pieces are not detached from the document (the trees live
 * exactly as long as the text they were cut from) and situations get no identity (only
 * the editor's lint caches read it).
 */
export function parseSop(uri: string, text: string): SopFile {
  const list = new PieceList();
  for (const bounds of splitPieces(text)) list.add(parsePiece(text, bounds, false), bounds.start, bounds.line);
  return fileOf(uri, text, list);
}

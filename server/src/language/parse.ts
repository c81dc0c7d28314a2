/**
 * The parser: text in, `SopFile` out, never an exception.
 *
 * Ohm has no error recovery and memoizes every rule at every position, so a whole file is
 * never matched at once. The text is split at lines that start a situation (strings and
 * comments cannot span lines, so the split never cuts a token), each piece is matched on its
 * own, and each piece's result is cached by its text. A broken situation then costs one
 * finding and hides nothing else, and after an edit only the edited piece is matched again.
 */
import type { Comment, Decl, Header, Situation, SopFile, Span, SyntaxError } from './ast';
import { buildPiece, grammar, type BadLine } from './syntax/build-ast';
import { explainBadLine, explainPieceFailure } from './syntax/syntax-messages';
import { isIdentPart, keywordOf } from './keywords';

/** One piece of a file after parsing, with document offsets as of `offset`. */
interface ParsedPiece {
  offset: number;
  /** The 1-based line the piece starts on (syntax messages may name lines). */
  line: number;
  header: Header;
  decls: Decl[];
  comments: Comment[];
  errors: SyntaxError[];
}

interface PieceBounds {
  start: number;
  end: number;
  /** The prelude (header, imports, vars) comes before the first situation. */
  prelude: boolean;
}

const SITUATION_WORDS = ['situation', '情景'];

/** Blanks that may indent a line: space, tab, U+3000, no-break space, BOM. */
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

/** Splits the text at every line whose first word is the `situation` keyword. */
export function splitPieces(text: string): PieceBounds[] {
  const pieces: PieceBounds[] = [];
  let pieceStart = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let i = lineStart;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    // Only a line that starts with `s` or `情` can start a situation; skip the rest cheaply.
    const first = text.charCodeAt(i);
    if (first === 0x73 /* s */ || first === 0x60c5 /* 情 */) for (const word of SITUATION_WORDS) {
      if (text.startsWith(word, i) && !isIdentPart(text[i + word.length] ?? ' ')) {
        if (lineStart > pieceStart || pieces.length === 0) {
          pieces.push({ start: pieceStart, end: lineStart, prelude: pieces.length === 0 });
        }
        pieceStart = lineStart;
        break;
      }
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  pieces.push({ start: pieceStart, end: text.length, prelude: pieces.length === 0 });
  return pieces;
}

/** Collects `#` comments of a piece, skipping `#` inside strings. */
function scanComments(text: string, offset: number): Comment[] {
  const comments: Comment[] = [];
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
    tags: [],
    steps: [],
    hasErrors: true,
  };
}

/**
 * Explains each swallowed line once. A `reply` or `fallback` right after a broken `wait`
 * belongs to that wait, so it gets no error of its own.
 */
function explainBadLines(badLines: BadLine[], documentText: string): SyntaxError[] {
  const errors: SyntaxError[] = [];
  let afterBrokenWait = false;
  for (const bad of badLines) {
    const first = /^[\p{L}_][\p{L}0-9_-]*/u.exec(bad.text)?.[0] ?? '';
    const keyword = keywordOf(first);
    if (afterBrokenWait && (keyword === 'reply' || keyword === 'fallback')) continue;
    afterBrokenWait = keyword === 'wait';
    errors.push(explainBadLine(bad, documentText));
  }
  return errors;
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
  const what = prelude ? 'the text before the first situation' : 'this situation';
  const error: SyntaxError = {
    span: { start: offset, end: offset + Math.min(firstLineEnd, 200) },
    message: `${what} is too long to check (${text.length} characters; the limit is ${MAX_PIECE_LENGTH}): split it into smaller situations`,
  };
  const stub = prelude ? undefined : stubSituation(text, offset);
  return { offset, header: {}, decls: stub ? [stub] : [], comments, errors: [error] };
}

function parsePiece(documentText: string, bounds: PieceBounds, line: number): ParsedPiece {
  return { ...matchPiece(documentText, bounds, line), line };
}

function matchPiece(documentText: string, bounds: PieceBounds, line: number): Omit<ParsedPiece, 'line'> {
  const text = documentText.slice(bounds.start, bounds.end);
  const offset = bounds.start;
  const comments = scanComments(text, offset);
  if (text.length > MAX_PIECE_LENGTH) return oversizedPiece(text, offset, bounds.prelude, comments);
  const rule = bounds.prelude ? 'Prelude' : 'Chunk';
  const match = grammar.match(text, rule);
  if (match.succeeded()) {
    const piece = buildPiece(match, offset);
    const errors = explainBadLines(piece.badLines, documentText);
    return { offset, header: piece.header, decls: piece.decls, comments, errors };
  }
  const braceAt = text.indexOf('{');
  const openLine = bounds.prelude || braceAt < 0 ? undefined : line + lineOf(text, braceAt) - 1;
  const error = explainPieceFailure(text, offset, match, openLine);
  if (error.message.startsWith('missing "}"')) {
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
      const errors = [error, ...explainBadLines(piece.badLines, documentText)];
      return { offset, header: piece.header, decls: piece.decls, comments, errors };
    }
  }
  const stub = bounds.prelude ? undefined : stubSituation(text, offset);
  return { offset, header: {}, decls: stub ? [stub] : [], comments, errors: [error] };
}

/** The line of each offset asked for, in increasing order: one pass over the text in all. */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  at(offset: number): number {
    for (let i = this.text.indexOf('\n', this.offset); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) this.line++;
    this.offset = Math.max(this.offset, offset);
    return this.line;
  }
}

/**
 * Deep-copies a piece's AST with every span moved by `delta`. Every `Span` of the AST is
 * stored under a key named `span` (see `ast.ts`), which keeps this copy free of shape
 * tests; it runs for every situation after an edit point, on every keystroke.
 */
function shift<T>(value: T, delta: number): T {
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shift(value[i], delta);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    if (key === 'span') {
      const span = v as Span;
      out.span = { start: span.start + delta, end: span.end + delta };
    } else {
      out[key] = v !== null && typeof v === 'object' ? shift(v, delta) : v;
    }
  }
  return out as T;
}

/**
 * A parser that remembers the pieces of the last parse, so re-parsing an edited document
 * matches only the pieces whose text changed. One instance per document keeps memory
 * proportional to that document.
 */
export class SopParser {
  private cache = new Map<string, ParsedPiece>();

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
    const next = new Map<string, ParsedPiece>();
    const file: SopFile = { uri, text, header: {}, decls: [], comments: [], errors: [] };
    const lines = new LineCounter(text);
    const pieces = splitPieces(text);
    yield;
    for (const bounds of pieces) {
      const key = (bounds.prelude ? 'P' : 'C') + text.slice(bounds.start, bounds.end);
      let piece = next.get(key) ?? this.cache.get(key);
      const line = lines.at(bounds.start);
      // A syntax message may name a line ("the situation opened at line 12"): a broken
      // piece that moved to another line is explained again rather than reused.
      if (piece && piece.errors.length > 0 && piece.line !== line) piece = undefined;
      if (!piece) {
        piece = parsePiece(text, bounds, line);
        this.cache.set(key, piece);
        yield;
      } else if (piece.offset !== bounds.start) piece = { ...shift(piece, bounds.start - piece.offset), line };
      piece.offset = bounds.start;
      if (!next.has(key)) next.set(key, piece);
      if (bounds.prelude) file.header = piece.header;
      file.decls.push(...piece.decls);
      file.comments.push(...piece.comments);
      file.errors.push(...piece.errors);
    }
    this.cache = next;
    return file;
  }
}

/** Parses a document once, without keeping anything for later edits. */
export function parseSop(uri: string, text: string): SopFile {
  return new SopParser().parse(uri, text);
}

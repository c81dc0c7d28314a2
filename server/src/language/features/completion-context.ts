/**
 * What may be written at the cursor, read from the tokens before it. Completion runs on
 * half-typed text, where the parser's AST for the situation being edited is partial or
 * missing, so this module does not use the AST: it scans the tokens of the cursor's
 * situation (a situation always starts a line, see `parse.ts`) and replays a tolerant
 * version of the grammar over them. Whatever the replay was expecting when it ran out of
 * tokens is what the cursor may complete.
 */
import { STEP_KEYWORDS, isIdentPart, type KeywordName } from '../keywords';
import { lineEndFrom, lineStartFrom, scanTokens, type Token } from './tokens';

/** Where a completion is asked for, and the text it replaces. */
export type CursorContext =
  | { kind: 'none' }
  | {
      kind: 'keywords';
      allowed: KeywordName[];
      /** The keywords that fit best here (`reply`/`fallback` right after a wait); listed first. */
      preferred: KeywordName[];
    }
  | { kind: 'situation-id'; current?: string }
  | { kind: 'duration'; after: 'wait' | 'hold' | 'promise' }
  /** After `say`, where a whole string literal may be written. */
  | { kind: 'phrase' }
  /** Inside the string of a `say`; `contentEnd` is where its text ends (before the closing quote). */
  | { kind: 'phrase-in-string'; contentStart: number; contentEnd: number; closed: boolean; quote: 'ascii' | 'cjk' }
  /** Inside `{` in a string; `closed` when a `}` already follows the name. */
  | { kind: 'variable'; closed: boolean }
  | { kind: 'tag' };

export interface CursorAnalysis {
  context: CursorContext;
  /** The text a completion replaces: the partial word around the cursor (may be empty). */
  replace: { start: number; end: number };
  /** The partial word typed before the cursor. */
  prefix: string;
}

const SITUATION_WORDS = ['situation', '情景'];
const HEADER_FIELDS: KeywordName[] = ['script', 'version', 'locale'];
const DECLARATIONS: KeywordName[] = ['situation', 'var', 'import'];
const NONE: CursorContext = { kind: 'none' };

export function analyzeCursor(text: string, offset: number): CursorAnalysis {
  const cursor = Math.max(0, Math.min(offset, text.length));
  const pieceStart = pieceStartBefore(text, cursor);
  const lineEnd = lineEndFrom(text, cursor);
  const tokens = scanTokens(text, pieceStart, lineEnd);

  const around = tokens.find((t) => t.start < cursor && (cursor < t.end || (cursor === t.end && !isClosed(t))));
  if (around?.kind === 'comment') return { context: NONE, replace: { start: cursor, end: cursor }, prefix: '' };
  if (around?.kind === 'string') return analyzeString(text, cursor, around, tokens);

  let start = cursor;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  let end = cursor;
  while (end < text.length && isWordChar(text[end])) end++;
  const before = tokens.filter((t) => t.end <= start && t.kind !== 'comment');
  const replay = new Replay(text, before, start);
  const context = replay.run(pieceStart === 0 && !startsWithSituation(text, 0));
  return { context, replace: { start, end }, prefix: text.slice(start, cursor) };
}

function isClosed(token: Token): boolean {
  return token.kind === 'string' ? token.closed : token.kind !== 'comment';
}

function isWordChar(ch: string): boolean {
  return isIdentPart(ch) || ch === '.';
}

function startsWithSituation(text: string, lineStart: number): boolean {
  let i = lineStart;
  while (i < text.length && /[ \t\u3000\u00a0\ufeff]/.test(text[i])) i++;
  return SITUATION_WORDS.some((w) => text.startsWith(w, i) && !isIdentPart(text[i + w.length] ?? ' '));
}

/** The start of the line that opens the cursor's situation, or 0 in the prelude. */
function pieceStartBefore(text: string, offset: number): number {
  let lineStart = lineStartFrom(text, offset);
  for (;;) {
    if (startsWithSituation(text, lineStart)) return lineStart;
    if (lineStart === 0) return 0;
    lineStart = lineStartFrom(text, lineStart - 1);
  }
}

function analyzeString(text: string, cursor: number, string: Extract<Token, { kind: 'string' }>, tokens: Token[]): CursorAnalysis {
  const contentStart = string.start + 1;
  const contentEnd = string.closed ? string.end - 1 : trimmedEnd(text, contentStart, string.end);
  const typed = text.slice(contentStart, cursor);
  // A `{` still open at the cursor starts a placeholder, unless it is escaped (`\{`).
  const open = /\{([\p{L}_][\p{L}0-9_-]*)?$/u.exec(typed);
  if (open && !(string.quote === 'ascii' && isEscaped(typed, open.index))) {
    const nameStart = contentStart + open.index + 1;
    let end = cursor;
    while (end < contentEnd && isIdentPart(text[end])) end++;
    const closed = text[end] === '}' && end < contentEnd;
    return { context: { kind: 'variable', closed }, replace: { start: nameStart, end }, prefix: text.slice(nameStart, cursor) };
  }
  const previous = [...tokens].reverse().find((t) => t.end <= string.start && t.kind !== 'comment');
  if (previous?.kind === 'keyword' && previous.name === 'say') {
    return {
      context: { kind: 'phrase-in-string', contentStart, contentEnd, closed: string.closed, quote: string.quote },
      replace: { start: contentStart, end: contentEnd },
      prefix: typed,
    };
  }
  return { context: NONE, replace: { start: cursor, end: cursor }, prefix: '' };
}

function trimmedEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /\s/.test(text[i - 1])) i--;
  return i;
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}

/** What a step left behind, for deciding what may follow it. */
interface StepInfo {
  kind: KeywordName;
  /** For a complete `wait D`: which branches it already has. */
  wait?: { reply: boolean; fallback: boolean };
}

type Result = { context: CursorContext } | { step: StepInfo | undefined };

/**
 * The tolerant replay of the grammar. Each method consumes what it recognises and returns
 * a context as soon as the tokens run out; a token that fits nowhere is skipped, as the
 * parser's error productions skip a bad line.
 */
class Replay {
  private i = 0;
  private situationId: string | undefined;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly cursor: number,
  ) {}

  run(prelude: boolean): CursorContext {
    let headerIndex = -1;
    let declared = !prelude;
    while (!this.eof()) {
      const token = this.next();
      if (token.kind !== 'keyword') continue;
      if (HEADER_FIELDS.includes(token.name)) {
        headerIndex = Math.max(headerIndex, HEADER_FIELDS.indexOf(token.name));
        if (this.eof()) return NONE;
        this.take('string');
      } else if (token.name === 'situation') {
        declared = true;
        const context = this.situation();
        if (context) return context;
      } else if (token.name === 'var') {
        declared = true;
        if (this.eof() || this.list()) return NONE;
      } else if (token.name === 'import') {
        declared = true;
        if (this.eof()) return NONE;
        this.take('string');
      }
    }
    const header = declared ? [] : HEADER_FIELDS.filter((_, index) => index > headerIndex);
    return { kind: 'keywords', allowed: [...header, ...DECLARATIONS], preferred: [] };
  }

  private situation(): CursorContext | undefined {
    if (this.eof()) return NONE;
    const id = this.take('ident');
    if (id?.kind === 'ident') this.situationId = id.text;
    if (!id) return this.body(true);
    const headerDone: CursorContext = { kind: 'keywords', allowed: ['tags'], preferred: [] };
    if (this.eof()) return headerDone;
    this.take('string');
    if (this.eof()) return headerDone;
    if (this.takeKeyword('tags')) {
      if (this.eof()) return { kind: 'tag' };
      if (this.list()) return { kind: 'tag' };
      if (this.eof()) return NONE;
    }
    this.takePunct('{');
    return this.body(true);
  }

  /** A comma-separated list of identifiers; true when the tokens ran out after a comma. */
  private list(): boolean {
    while (this.take('ident')) {
      if (!this.takePunct(',', '，', '、')) return false;
      if (this.eof()) return true;
    }
    return false;
  }

  /** The steps of a situation or a braced branch, up to its `}`. */
  private body(situation: boolean): CursorContext | undefined {
    let last: StepInfo | undefined;
    let first = true;
    let sawWhen = false;
    while (!this.eof()) {
      const token = this.peek();
      if (token.kind === 'punct' && token.text === '}') {
        this.i++;
        return undefined;
      }
      if (token.kind === 'keyword' && DECLARATIONS.includes(token.name)) return undefined;
      if (token.kind === 'keyword' && token.name === 'when') {
        this.i++;
        sawWhen = true;
        if (this.eof()) return NONE;
        this.take('string');
        continue;
      }
      first = false;
      if (token.kind === 'keyword' && (STEP_KEYWORDS.includes(token.name) || token.name === 'reply' || token.name === 'fallback')) {
        const result = this.step();
        if ('context' in result) return result.context;
        last = result.step;
      } else {
        this.i++;
        last = undefined;
      }
    }
    const preferred: KeywordName[] = [];
    if (last?.wait && !last.wait.fallback) {
      if (!last.wait.reply) preferred.push('reply');
      preferred.push('fallback');
    }
    const opening: KeywordName[] = situation && first && !sawWhen ? ['when'] : [];
    return { kind: 'keywords', allowed: [...preferred, ...opening, ...STEP_KEYWORDS], preferred };
  }

  private step(): Result {
    const token = this.next() as Extract<Token, { kind: 'keyword' }>;
    const name = token.name;
    const info: StepInfo = { kind: name };
    switch (name) {
      case 'say':
        if (this.eof()) return { context: { kind: 'phrase' } };
        this.take('string');
        break;
      case 'note':
      case 'transfer':
        if (this.eof()) return { context: NONE };
        this.take('string');
        break;
      case 'goto':
        if (this.eof()) return { context: { kind: 'situation-id', current: this.situationId } };
        this.take('ident');
        break;
      case 'promise':
        if (this.eof()) return { context: { kind: 'duration', after: 'promise' } };
        this.take('duration', 'number');
        if (!this.eof()) this.take('string');
        break;
      case 'hold':
        // The duration of a hold is optional: on a later line the cursor starts a new step.
        if (this.eof() && this.sameLine(token.end)) return { context: { kind: 'duration', after: 'hold' } };
        this.take('duration', 'number');
        break;
      case 'wait': {
        if (this.eof()) return { context: { kind: 'duration', after: 'wait' } };
        if (!this.take('duration', 'number')) break;
        const branches = { reply: false, fallback: false };
        for (const branch of ['reply', 'fallback'] as const) {
          if (this.eof() || !this.takeKeyword(branch)) continue;
          const context = this.branch();
          if (context) return { context };
          branches[branch] = true;
        }
        info.wait = branches;
        break;
      }
      case 'reply':
      case 'fallback': {
        // A branch without its wait (a syntax error): read its body all the same.
        const context = this.branch();
        if (context) return { context };
        break;
      }
      default:
        break;
    }
    return { step: info };
  }

  /** A `reply`/`fallback` body: a braced block or a single step. */
  private branch(): CursorContext | undefined {
    if (this.eof()) return { kind: 'keywords', allowed: [...STEP_KEYWORDS], preferred: [] };
    if (this.takePunct('{')) return this.body(false);
    const token = this.peek();
    if (token.kind === 'keyword' && STEP_KEYWORDS.includes(token.name)) {
      const result = this.step();
      if ('context' in result) return result.context;
    }
    return undefined;
  }

  private sameLine(from: number): boolean {
    return !/[\n\r]/.test(this.text.slice(from, this.cursor));
  }

  private eof(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private take(...kinds: Token['kind'][]): Token | undefined {
    const token = this.tokens[this.i];
    if (!token || !kinds.includes(token.kind)) return undefined;
    this.i++;
    return token;
  }

  private takeKeyword(name: KeywordName): boolean {
    const token = this.tokens[this.i];
    if (token?.kind !== 'keyword' || token.name !== name) return false;
    this.i++;
    return true;
  }

  private takePunct(...texts: string[]): boolean {
    const token = this.tokens[this.i];
    if (token?.kind !== 'punct' || !texts.includes(token.text)) return false;
    this.i++;
    return true;
  }
}

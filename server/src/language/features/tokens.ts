/**
 * A cheap lexical scanner for editor features that must work on half-typed text. The
 * parser gives up on a situation with a broken line (its AST is then partial), but the
 * editor still has to know "the cursor is after `goto`" or "inside a string after `{`",
 * so completion reads the tokens around the cursor instead of the AST.
 *
 * Tokens never span lines (strings and comments cannot), so scanning may start at any
 * line start: the result is the same as scanning from the top of the file.
 */
import type { Spelling } from '../ast';
import { keywordOf, type KeywordName } from '../keywords';

export type Token =
  | { kind: 'keyword'; start: number; end: number; name: KeywordName; spelling: Spelling }
  | { kind: 'ident'; start: number; end: number; text: string }
  /** `closed` is false when the line ended before the closing quote. */
  | { kind: 'string'; start: number; end: number; quote: 'ascii' | 'cjk'; closed: boolean }
  | { kind: 'duration'; start: number; end: number; text: string }
  | { kind: 'number'; start: number; end: number; text: string }
  | { kind: 'comment'; start: number; end: number }
  | { kind: 'punct'; start: number; end: number; text: string };

const WORD = /[\p{L}_][\p{L}0-9_-]*/uy;
const DURATION = /\d+(?:\.\d+)?(?:ms|毫秒|分钟|小时|s|m|h|d|秒|天)(?![\p{L}0-9_-])/uy;
const NUMBER = /\d+(?:\.\d+)?[\p{L}0-9_-]*/uy;
const BLANK = /[\s\u3000\u00a0\ufeff]/u;

/** The tokens of `text` between `start` and `end` (offsets into `text`). */
export function scanTokens(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (BLANK.test(ch)) {
      i++;
    } else if (ch === '#') {
      const stop = lineEndFrom(text, i);
      tokens.push({ kind: 'comment', start: i, end: stop });
      i = stop;
    } else if (ch === '"' || ch === '“') {
      const token = scanString(text, i);
      tokens.push(token);
      i = token.end;
    } else if (/\d/.test(ch)) {
      const duration = matchAt(DURATION, text, i);
      const token = duration ?? matchAt(NUMBER, text, i)!;
      tokens.push({ kind: duration ? 'duration' : 'number', start: i, end: i + token.length, text: token });
      i += token.length;
    } else {
      const word = matchAt(WORD, text, i);
      if (word) {
        const name = keywordOf(word);
        if (name) {
          tokens.push({ kind: 'keyword', start: i, end: i + word.length, name, spelling: word === name ? 'en' : 'zh' });
        } else {
          tokens.push({ kind: 'ident', start: i, end: i + word.length, text: word });
        }
        i += word.length;
      } else {
        // Surrogate pairs stay together so a token never splits a character.
        const width = ch.codePointAt(0)! > 0xffff ? 2 : 1;
        tokens.push({ kind: 'punct', start: i, end: i + width, text: text.slice(i, i + width) });
        i += width;
      }
    }
  }
  return tokens;
}

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : undefined;
}

/** The offset of the line break that ends the line holding `offset` (or the text's end). */
export function lineEndFrom(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The offset at which the line holding `offset` starts. */
export function lineStartFrom(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function scanString(text: string, start: number): Token {
  const quote = text[start] === '"' ? 'ascii' : 'cjk';
  const close = quote === 'ascii' ? '"' : '”';
  const stop = lineEndFrom(text, start);
  for (let i = start + 1; i < stop; i++) {
    if (quote === 'ascii' && text[i] === '\\') i++;
    else if (text[i] === close) return { kind: 'string', start, end: i + 1, quote, closed: true };
  }
  return { kind: 'string', start, end: stop, quote, closed: false };
}

/**
 * Turns parse failures into messages in the script writer's terms. Ohm's own messages
 * ("expected a string") name grammar rules and point at the wrong place for the two most
 * common mistakes (a missing `}` and an unterminated string), so each failure is explained
 * here from the failure position, what Ohm expected there, and a look at the text itself.
 */
import type { FailedMatchResult } from 'ohm-js';
import type { Span, SyntaxError } from '../ast';
import { DURATION_UNITS } from '../duration';
import { KEYWORDS, STEP_KEYWORDS, isIdentPart, keywordOf, type KeywordName } from '../keywords';
import { grammar, type BadLine } from './build-ast';
import { msg, type ArgValue } from '../i18n/messages';

/** The word (identifier, number or single character) that starts at or after `pos`. */
function wordAt(text: string, pos: number): Span & { text: string } {
  let start = pos;
  while (start < text.length && /[ \t\u3000\u00a0\ufeff]/.test(text[start])) start++;
  let end = start;
  if (/[0-9]/.test(text[end] ?? '')) {
    while (end < text.length && /[0-9.]/.test(text[end])) end++;
  }
  while (end < text.length && isIdentPart(text[end])) end++;
  if (end === start && start < text.length && !/[\r\n]/.test(text[start])) {
    // One whole character, so an emoji is never cut into half a surrogate pair.
    end = start + String.fromCodePoint(text.codePointAt(start)!).length;
  }
  return { start, end, text: text.slice(start, end) };
}

/** Edit distance counting a swap of two neighbours as one edit ("sya" → "say"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** The keyword spelling closest to `word` among `names`, if it is close enough to be a typo. */
function nearestKeyword(word: string, names: readonly KeywordName[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    for (const spelling of [name, KEYWORDS[name]]) {
      const d = editDistance(word.toLowerCase(), spelling);
      if (d < bestDistance) {
        bestDistance = d;
        best = spelling;
      }
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

/** A keyword that `word` starts with, when the author left out the space after it. */
function gluedKeyword(word: string, names: readonly KeywordName[]): string | undefined {
  for (const name of names) {
    for (const spelling of [KEYWORDS[name], name]) {
      if (word.length > spelling.length && word.startsWith(spelling)) return spelling;
    }
  }
  return undefined;
}

/** An opening quote on the line of `pos` that is never closed on that line. */
function unterminatedString(text: string, from: number): Span | undefined {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0) lineEnd = text.length;
  let close = '';
  let openAt = -1;
  for (let i = from; i < lineEnd; i++) {
    const ch = text[i];
    if (close) {
      if (close === '"' && ch === '\\') i++;
      else if (ch === close) close = '';
    } else if (ch === '#') {
      break;
    } else if (ch === '"' || ch === '“') {
      close = ch === '"' ? '"' : '”';
      openAt = i;
    }
  }
  if (!close) return undefined;
  const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  return { start: openAt, end };
}

/** A backslash escape other than \\" \\\\ \\{ \\} inside a "…" string on the line at `from`. */
function badEscape(text: string, from: number): Span | undefined {
  const end = lineEndOf(text, from);
  let inString = false;
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (!inString) {
      if (ch === '#') return undefined;
      if (ch === '"') inString = true;
      else if (ch === '“') {
        const close = text.indexOf('”', i + 1);
        if (close < 0 || close > end) return undefined;
        i = close;
      }
    } else if (ch === '\\') {
      if (!'"\\{}'.includes(text[i + 1] ?? '')) return { start: i, end: Math.min(i + 2, end) };
      i++;
    } else if (ch === '"') {
      inString = false;
    }
  }
  return undefined;
}

function lineStartOf(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** What Ohm expected at the failure position, as short readable texts. */
function expectedTexts(match: FailedMatchResult): string[] {
  const failures = (
    match as unknown as { getRightmostFailures(): { getText(): string; type: string }[] }
  ).getRightmostFailures();
  const texts = new Set<string>();
  for (const f of failures) {
    const t = f.getText();
    texts.add(f.type === 'string' ? JSON.stringify(t) : t);
  }
  return [...texts];
}

/** "a, b or c" in the reader's language. */
function alternatives(items: readonly ArgValue[]): ArgValue {
  return { list: items, separator: 'list.comma', last: 'list.or' };
}

const UNIT_LIST = alternatives(DURATION_UNITS.slice().reverse());

/**
 * Explains a failure at `pos` in `text` (which begins at document offset `offset`), given
 * what the grammar expected there and the keyword of the construct being parsed.
 */
function explainAt(
  text: string,
  offset: number,
  pos: number,
  expected: string[],
  construct: string | undefined,
): SyntaxError {
  const at = (s: Span): Span => ({ start: offset + s.start, end: offset + Math.max(s.end, s.start) });
  const open = unterminatedString(text, lineStartOf(text, pos));
  if (open && open.start <= pos) {
    return { message: msg('syntax.unterminated-string'), span: at(open) };
  }
  const escape = badEscape(text, lineStartOf(text, pos));
  if (escape) {
    return {
      message: msg('syntax.bad-escape', { escape: text.slice(escape.start, escape.end) }),
      span: at(escape),
    };
  }
  const word = wordAt(text, pos);
  const wantsDuration = expected.some((e) => e.startsWith('a duration'));
  if (wantsDuration && /^[0-9]/.test(word.text)) {
    const number = /^[0-9.]+/.exec(word.text)![0];
    const unit = word.text.slice(number.length);
    const who = construct ?? msg('syntax.this-step');
    return {
      message: unit ? msg('syntax.duration.bad-unit', { who, unit, units: UNIT_LIST }) : msg('syntax.duration.no-unit', { who, number }),
      span: at(word),
    };
  }
  if (wantsDuration && construct) {
    return {
      message: word.text ? msg('syntax.duration.found', { who: construct, found: word.text }) : msg('syntax.duration.missing', { who: construct }),
      span: at(word),
    };
  }
  const wantsString = expected.includes('a string');
  if (wantsString && construct && word.text && !keywordOf(word.text)) {
    return {
      message: msg('syntax.string.unquoted', { who: construct, found: word.text }),
      span: at({ start: word.start, end: lineEndOf(text, word.start) }),
    };
  }
  if (expected.includes('an identifier') && !isIdentPart(word.text[0] ?? ' ') && construct) {
    return {
      message: word.text ? msg('syntax.name.found', { who: construct, found: word.text }) : msg('syntax.name.missing', { who: construct }),
      span: at(word),
    };
  }
  if (expected.includes('an identifier') && word.text && keywordOf(word.text)) {
    return {
      message: msg('syntax.name.keyword', { word: word.text }),
      span: at(word),
    };
  }
  if (word.text === '') {
    return {
      message: msg('syntax.unexpected-end', { expected: alternatives(expected) }),
      span: at({ start: Math.max(0, text.length - 1), end: text.length }),
    };
  }
  return {
    message: msg('syntax.unexpected', { word: word.text, expected: alternatives(expected.slice(0, 6)) }),
    span: at(word),
  };
}

function lineEndOf(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The start rule that parses exactly one construct introduced by a keyword. */
const RULE_FOR: Partial<Record<KeywordName, string>> = {
  say: 'Say',
  wait: 'Wait',
  note: 'Note',
  promise: 'Promise',
  hold: 'Hold',
  goto: 'Goto',
  transfer: 'Transfer',
  hangup: 'Hangup',
  end: 'End',
  var: 'Var',
  import: 'Import',
  script: 'ScriptField',
  version: 'VersionField',
  locale: 'LocaleField',
};

const HEADER_KEYWORDS: readonly KeywordName[] = ['script', 'version', 'locale'];

/**
 * Explains a line swallowed by an error production. `text` is the whole document, so
 * positions come out in document offsets.
 */
export function explainBadLine(bad: BadLine, documentText: string): SyntaxError {
  const word = wordAt(bad.text, 0);
  const keyword = keywordOf(word.text);
  const span = (s: Span): Span => ({ start: bad.span.start + s.start, end: bad.span.start + s.end });
  const inStep = bad.kind === 'bad-step';
  const allowed: readonly KeywordName[] = inStep ? STEP_KEYWORDS : ['situation', 'var', 'import'];
  const checkable = inStep ? allowed : [...allowed, ...HEADER_KEYWORDS];

  if (keyword && RULE_FOR[keyword] && checkable.includes(keyword)) {
    // A known keyword whose construct is malformed: match that construct alone to learn
    // exactly where and why it fails.
    const match = grammar.match(bad.text, RULE_FOR[keyword]);
    if (match.failed()) {
      const pos = match.getRightmostFailurePosition();
      return explainAt(bad.text, bad.span.start, pos, expectedTexts(match), word.text);
    }
    if (!HEADER_KEYWORDS.includes(keyword)) {
      return { message: msg('syntax.text-after', { word: word.text }), span: bad.span };
    }
  }
  if (keyword) {
    let hint: 'when' | 'branch' | 'header' | 'close' | 'step';
    if (keyword === 'when') hint = 'when';
    else if (keyword === 'reply' || keyword === 'fallback') hint = 'branch';
    else if (keyword === 'script' || keyword === 'version' || keyword === 'locale') hint = 'header';
    else if (inStep) hint = 'close';
    else hint = 'step';
    const where = inStep ? 'inside' : 'outside';
    return { message: msg('syntax.misplaced-keyword', { word: word.text, where, hint }), span: span(word) };
  }
  const open = unterminatedString(documentText, lineStartOf(documentText, bad.span.start));
  if (open && open.start >= lineStartOf(documentText, bad.span.start) && open.start < bad.span.end) {
    return { message: msg('syntax.unterminated-string'), span: open };
  }
  const what = inStep ? 'step' : 'declaration';
  const fields = { what, word: word.text };
  const glued = gluedKeyword(word.text, allowed);
  if (glued) {
    return {
      message: msg('syntax.unknown.glued', { ...fields, glued }),
      span: span(word),
    };
  }
  const suggestion = nearestKeyword(word.text, allowed);
  const expectedList = alternatives(inStep ? ['say', 'wait', 'note', 'promise', 'hold', 'goto', 'transfer', 'hangup', 'end'] : ['situation', 'var', 'import']);
  return {
    message: suggestion ? msg('syntax.unknown.did-you-mean', { ...fields, suggestion }) : msg('syntax.unknown', { ...fields, expected: expectedList }),
    span: span(word.text ? word : { start: 0, end: bad.text.length }),
  };
}

/**
 * Explains why a whole piece (the prelude or one situation chunk) failed to match.
 * `openLine` is the 1-based line of the situation's `{` when the piece is a situation.
 */
export function explainPieceFailure(
  text: string,
  offset: number,
  match: FailedMatchResult,
  openLine: number | undefined,
): SyntaxError {
  const pos = match.getRightmostFailurePosition();
  const expected = expectedTexts(match);
  const rest = text.slice(pos);
  const onlyBlanksLeft = /^(?:\s|#[^\n]*)*$/u.test(rest);
  if (onlyBlanksLeft && openLine !== undefined && expected.includes('"}"')) {
    const trimmed = text.replace(/(?:\s|#[^\n]*)*$/u, '');
    const end = Math.max(1, trimmed.length);
    return {
      message: msg('syntax.missing-brace', { line: String(openLine) }),
      span: { start: offset + end - 1, end: offset + end },
    };
  }
  // The construct being parsed is the last keyword before the failure on its line.
  const lineText = text.slice(lineStartOf(text, pos), pos);
  const words = lineText.match(/[\p{L}_][\p{L}0-9_-]*/gu) ?? [];
  const construct = [...words].reverse().find((w) => keywordOf(w));
  return explainAt(text, offset, pos, expected, construct);
}

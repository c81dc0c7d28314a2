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

function joinAlternatives(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const UNIT_LIST = joinAlternatives(DURATION_UNITS.slice().reverse());

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
    return {
      message: 'unterminated string: add the closing quote before the end of the line',
      span: at(open),
    };
  }
  const escape = badEscape(text, lineStartOf(text, pos));
  if (escape) {
    return {
      message: `unknown escape "${text.slice(escape.start, escape.end)}" in a string: only \\" \\\\ \\{ \\} are escapes (write \\\\ for a backslash)`,
      span: at(escape),
    };
  }
  const word = wordAt(text, pos);
  const wantsDuration = expected.some((e) => e.startsWith('a duration'));
  if (wantsDuration && /^[0-9]/.test(word.text)) {
    const number = /^[0-9.]+/.exec(word.text)![0];
    const unit = word.text.slice(number.length);
    const who = construct ?? 'this step';
    return {
      message: unit
        ? `${who} needs a duration such as 5s or 5秒 ("${unit}" is not a unit: use ${UNIT_LIST})`
        : `${who} needs a duration such as 5s or 5秒 ("${number}" has no unit)`,
      span: at(word),
    };
  }
  if (wantsDuration && construct) {
    return {
      message: `${construct} needs a duration such as 5s or 5秒${word.text ? ` (found "${word.text}")` : ''}`,
      span: at(word),
    };
  }
  const wantsString = expected.includes('a string');
  if (wantsString && construct && word.text && !keywordOf(word.text)) {
    return {
      message: `${construct} needs a quoted text such as "您好" or “您好” (found ${word.text}): add the quotes`,
      span: at({ start: word.start, end: lineEndOf(text, word.start) }),
    };
  }
  if (expected.includes('an identifier') && !isIdentPart(word.text[0] ?? ' ') && construct) {
    return {
      message: `${construct} needs a name here, such as silent_call or 无声电话${word.text ? ` (found "${word.text}")` : ''}`,
      span: at(word),
    };
  }
  if (expected.includes('an identifier') && word.text && keywordOf(word.text)) {
    return {
      message: `"${word.text}" is a keyword and cannot be used as a name here: choose another name`,
      span: at(word),
    };
  }
  if (word.text === '') {
    return {
      message: `unexpected end of text: expected ${joinAlternatives(expected)}`,
      span: at({ start: Math.max(0, text.length - 1), end: text.length }),
    };
  }
  return {
    message: `unexpected "${word.text}": expected ${joinAlternatives(expected.slice(0, 6))}`,
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
      return { message: `unexpected text after "${word.text}"`, span: bad.span };
    }
  }
  if (keyword) {
    const where = inStep ? 'inside a situation' : 'outside a situation';
    let hint = '';
    if (keyword === 'when') hint = ': put it right after the "{" that opens the situation';
    else if (keyword === 'reply' || keyword === 'fallback') hint = ': it must directly follow a wait (e.g. wait 5s fallback { … })';
    else if (keyword === 'script' || keyword === 'version' || keyword === 'locale') hint = ': header fields come first, in the order script, version, locale';
    else if (inStep) hint = ': close the situation with "}" first';
    else hint = ': steps belong inside a situation { … }';
    return { message: `"${word.text}" cannot be used ${where}${hint}`, span: span(word) };
  }
  const open = unterminatedString(documentText, lineStartOf(documentText, bad.span.start));
  if (open && open.start >= lineStartOf(documentText, bad.span.start) && open.start < bad.span.end) {
    return { message: 'unterminated string: add the closing quote before the end of the line', span: open };
  }
  const what = inStep ? 'step' : 'declaration';
  const glued = gluedKeyword(word.text, allowed);
  if (glued) {
    return {
      message: `unknown ${what} "${word.text}": put a space after "${glued}"`,
      span: span(word),
    };
  }
  const suggestion = nearestKeyword(word.text, allowed);
  const expectedList = inStep ? 'say, wait, note, promise, hold, goto, transfer, hangup or end' : 'situation, var or import';
  return {
    message: suggestion
      ? `unknown ${what} "${word.text}" — did you mean "${suggestion}"?`
      : `unknown ${what} "${word.text}": expected ${expectedList}`,
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
      message: `missing "}" for the situation opened at line ${openLine}`,
      span: { start: offset + end - 1, end: offset + end },
    };
  }
  // The construct being parsed is the last keyword before the failure on its line.
  const lineText = text.slice(lineStartOf(text, pos), pos);
  const words = lineText.match(/[\p{L}_][\p{L}0-9_-]*/gu) ?? [];
  const construct = [...words].reverse().find((w) => keywordOf(w));
  return explainAt(text, offset, pos, expected, construct);
}

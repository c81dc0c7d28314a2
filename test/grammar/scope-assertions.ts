/**
 * Inline scope assertions for grammar fixtures, in the style of vscode-tmgrammar-test.
 *
 * A fixture is a `.sop` file. A comment line whose first non-blank text after `#` is a run
 * of carets (or `<-`) is an assertion about the nearest source line above it:
 *
 *     say "您好,{姓氏}"
 *     #       ^^^^ variable.other.placeholder.sop
 *     #^^ keyword.other.sop - keyword.control
 *     # <- keyword.other.sop
 *
 * Carets mark columns of the source line as a monospace editor shows them: a Chinese
 * character or full-width punctuation mark is two columns wide, so carets line up under
 * it on screen (see `displayWidth`). The `#` itself sits in a column too, so `<-`, `<--`,
 * … mark the first one, two, … characters instead. After the marks come scopes every
 * marked token must carry (exact names), then optionally ` - ` and scopes no marked token
 * may carry (prefix match, as in a TextMate selector: `- keyword` forbids any `keyword.*`).
 * Assertion lines are not tokenized, so they never disturb the grammar's state.
 */
import type { LineToken } from './load-grammar';

export interface ScopeAssertion {
  /** 1-based line of the assertion in the fixture, for messages. */
  fileLine: number;
  start: number;
  end: number;
  required: string[];
  forbidden: string[];
}

export interface SourceLine {
  fileLine: number;
  text: string;
  assertions: ScopeAssertion[];
}

export interface Fixture {
  lines: SourceLine[];
  /** Assertion lines that could not be understood; a fixture with any of them fails. */
  problems: string[];
}

const assertionLine = /^(\s*#\s*)(\^+|<-+)(.*)$/;

/** Splits a fixture into source lines, each with the assertions written under it. */
export function parseFixture(text: string): Fixture {
  const lines: SourceLine[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fileLine = index + 1;
    const match = assertionLine.exec(raw);
    if (!match) {
      lines.push({ fileLine, text: raw, assertions: [] });
      return;
    }
    const [, lead, marks, rest] = match;
    const owner = lines.at(-1);
    if (!owner) {
      problems.push(`line ${fileLine}: an assertion needs a source line above it`);
      return;
    }
    const [requiredText, forbiddenText = '', ...extra] = rest.split(/\s-\s|\s-$/);
    const required = requiredText.trim().split(/\s+/).filter(Boolean);
    const forbidden = forbiddenText.trim().split(/\s+/).filter(Boolean);
    if (extra.length > 0 || required.length + forbidden.length === 0) {
      problems.push(`line ${fileLine}: write "marks scope… [- scope…]" after the #`);
      return;
    }
    const [start, end] = marks.startsWith('<')
      ? [0, Math.min(marks.length - 1, owner.text.length)]
      : unitRangeOfColumns(owner.text, lead.length, lead.length + marks.length);
    owner.assertions.push({ fileLine, start, end, required, forbidden });
  });
  return { lines, problems };
}

/**
 * How many columns a character takes in a monospace editor: two for East Asian wide and
 * full-width characters (CJK ideographs, kana, hangul, full-width punctuation), one for the
 * rest. Ambiguous-width characters such as `“` count as one, as VS Code draws them.
 */
export function displayWidth(codePoint: number): number {
  const wide =
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd);
  return wide ? 2 : 1;
}

/**
 * Converts display columns `[from, to)` of `text` to UTF-16 offsets `[start, end)`: every
 * character that a marked column touches is marked. Columns past the end of the text
 * extend the range past `text.length`, which `checkAssertion` reports.
 */
function unitRangeOfColumns(text: string, from: number, to: number): [number, number] {
  let column = 0;
  let start = -1;
  let end = -1;
  for (let offset = 0; offset < text.length; ) {
    const codePoint = text.codePointAt(offset) ?? 0;
    const units = codePoint > 0xffff ? 2 : 1;
    const next = column + displayWidth(codePoint);
    if (start < 0 && next > from) start = offset;
    if (next >= to && end < 0) end = offset + units;
    column = next;
    offset += units;
  }
  if (start < 0) start = text.length + (from - column);
  if (end < 0) end = text.length + (to - column);
  return [start, end];
}

/** Returns one message per way the tokens of a line break the assertion; none when it holds. */
export function checkAssertion(text: string, tokens: readonly LineToken[], assertion: ScopeAssertion): string[] {
  const where = `line ${assertion.fileLine}, columns ${assertion.start + 1}-${assertion.end}`;
  if (assertion.end > text.length) {
    return [`${where}: the marks run past the end of the source line (${text.length} columns)`];
  }
  const marked = tokens.filter((t) => t.start < assertion.end && t.end > assertion.start && t.end > t.start);
  if (marked.length === 0) return [`${where}: the marks cover no token`];
  const failures: string[] = [];
  for (const token of marked) {
    const label = `${where}: token ${JSON.stringify(text.slice(token.start, token.end))} has [${token.scopes.join(', ')}]`;
    const missing = assertion.required.filter((scope) => !token.scopes.includes(scope));
    if (missing.length > 0) failures.push(`${label}, missing ${missing.join(', ')}`);
    const present = assertion.forbidden.filter((selector) =>
      token.scopes.some((scope) => scope === selector || scope.startsWith(`${selector}.`)),
    );
    if (present.length > 0) failures.push(`${label}, must not have ${present.join(', ')}`);
  }
  return failures;
}

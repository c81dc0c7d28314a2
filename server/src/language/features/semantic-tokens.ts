/**
 * Semantic tokens: the meaning of names that the TextMate grammar can only guess at.
 *
 * Legend (the index of each type and modifier is its position in these arrays; the
 * language server sends them in this order):
 *
 * | type        | what                                                   | modifiers     |
 * |-------------|--------------------------------------------------------|---------------|
 * | `keyword`   | every keyword, in either spelling                      |               |
 * | `function`  | a situation id: where declared, and after `goto`       | `declaration` on the situation's own id |
 * | `variable`  | a variable name in `var`                               | `declaration` |
 * | `parameter` | a `{placeholder}` inside a string (braces included): a phrase's parameter filled in at run time | |
 * | `number`    | a duration (`5s`, `24小时`)                             |               |
 * | `type`      | a tag after `tags`                                     |               |
 *
 * Strings and comments are left to the TextMate grammar.
 */
import type { Decl, SopFile, Span } from '../ast';
import { forEachStep } from '../flow';
import { durationsIn, keywordsIn, situationsIn, stringsInSituation } from './walk';

export const SEMANTIC_TOKEN_TYPES = ['keyword', 'function', 'variable', 'parameter', 'number', 'type'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  span: Span;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/** The tokens of `file` in source order, without overlaps; only those touching `range` when given. */
export function semanticTokensOf(file: SopFile, range?: Span): SemanticToken[] {
  const steps = semanticTokensInSteps(file, range);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * How many declarations `semanticTokensInSteps` colours between two pauses. The tokens of
 * a 50,000-line script (about 70,000) took 70–90 ms in one go.
 */
const DECLS_PER_STEP = 100;

/**
 * The same tokens, computed a batch of declarations at a time with a pause after each, so
 * an editor can answer other requests while it colours a large document. Declarations do
 * not overlap and the header precedes them all, so the batches' tokens follow each other.
 */
export function* semanticTokensInSteps(file: SopFile, range?: Span): Generator<void, SemanticToken[], void> {
  const decls = range ? declsTouching(file.decls, range) : file.decls;
  const out: SemanticToken[] = [];
  let end = -1;
  for (let i = 0; i === 0 || i < decls.length; i += DECLS_PER_STEP) {
    const part: SopFile = { uri: file.uri, text: file.text, header: i === 0 ? file.header : {}, decls: decls.slice(i, i + DECLS_PER_STEP), comments: [], errors: [] };
    for (const token of tokensOf(part, range)) {
      if (token.span.start < end || token.span.end <= token.span.start) continue;
      out.push(token);
      end = token.span.end;
    }
    yield;
  }
  return out;
}

/** The declarations whose span touches `range` (they are in source order and do not overlap). */
function declsTouching(decls: readonly Decl[], range: Span): Decl[] {
  let lo = 0;
  let hi = decls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (decls[mid].span.end < range.start) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < decls.length && decls[to].span.start <= range.end) to++;
  return decls.slice(lo, to);
}

/** The tokens of `file`, sorted by start (longest first at the same start), overlaps included. */
function tokensOf(file: SopFile, range?: Span): SemanticToken[] {
  const tokens: SemanticToken[] = [];
  const add = (span: Span, type: SemanticTokenType, declaration = false) => {
    if (range && (span.end < range.start || span.start > range.end)) return;
    tokens.push({ span, type, modifiers: declaration ? ['declaration'] : [] });
  };
  for (const keyword of keywordsIn(file)) add(keyword.span, 'keyword');
  for (const decl of file.decls) if (decl.kind === 'var') for (const name of decl.names) add(name.span, 'variable', true);
  for (const situation of situationsIn(file)) {
    add(situation.id.span, 'function', true);
    for (const tag of situation.tags) add(tag.span, 'type');
    forEachStep(situation, ({ step }) => {
      if (step.kind === 'goto') add(step.target.span, 'function');
    });
    for (const text of stringsInSituation(situation)) for (const p of text.placeholders) add(p.span, 'parameter');
  }
  for (const duration of durationsIn(file)) add(duration.span, 'number');
  return tokens.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
}

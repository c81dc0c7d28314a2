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
import type { SopFile, Span } from '../ast';
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
  tokens.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: SemanticToken[] = [];
  let end = -1;
  for (const token of tokens) {
    if (token.span.start < end || token.span.end <= token.span.start) continue;
    out.push(token);
    end = token.span.end;
  }
  return out;
}

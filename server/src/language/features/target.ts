/**
 * What the cursor is on: the node of the AST under an offset, in the terms editor features
 * ask about (a situation id, a variable, a duration, a keyword, a string, an import path).
 * A cursor just after a word is on that word, as editors expect.
 */
import type { Duration, Ident, Keyword, Situation, SopFile, Span, Step, StringLit } from '../ast';
import { forEachStep } from '../flow';
import { keywordOf, type KeywordName } from '../keywords';
import { touches } from './walk';

export type Target =
  /** A situation id where it is declared (`declaration`) or named by a `goto`. */
  | { kind: 'situation'; name: string; span: Span; declaration: boolean }
  /** A variable in `var` (`declaration`) or a `{placeholder}`; `span` covers the name only. */
  | { kind: 'variable'; name: string; span: Span; declaration: boolean }
  | { kind: 'import'; path: StringLit }
  | { kind: 'duration'; duration: Duration }
  | { kind: 'keyword'; name: KeywordName; keyword: Keyword }
  /** A string; `step` is the step that holds it (absent for titles, triggers and headers). */
  | { kind: 'string'; string: StringLit; step?: Step }
  | { kind: 'tag'; tag: Ident };

export function targetAt(file: SopFile, offset: number): Target | undefined {
  for (const field of [file.header.script, file.header.version, file.header.locale]) {
    if (!field) continue;
    if (touches(field.keyword.span, offset)) return keywordTarget(file, field.keyword);
    if (touches(field.value.span, offset)) return { kind: 'string', string: field.value };
  }
  for (const decl of file.decls) {
    if (!touches(decl.span, offset)) continue;
    if (touches(decl.keyword.span, offset)) return keywordTarget(file, decl.keyword);
    switch (decl.kind) {
      case 'import':
        if (touches(decl.path.span, offset)) return { kind: 'import', path: decl.path };
        break;
      case 'var': {
        const name = decl.names.find((n) => touches(n.span, offset));
        if (name) return { kind: 'variable', name: name.name, span: name.span, declaration: true };
        break;
      }
      case 'situation': {
        const target = situationTarget(file, decl, offset);
        if (target) return target;
        break;
      }
    }
  }
  return undefined;
}

function situationTarget(file: SopFile, situation: Situation, offset: number): Target | undefined {
  if (touches(situation.id.span, offset)) {
    return { kind: 'situation', name: situation.id.name, span: situation.id.span, declaration: true };
  }
  if (situation.title && touches(situation.title.span, offset)) return stringTarget(situation.title, offset);
  if (situation.tagsKeyword && touches(situation.tagsKeyword.span, offset)) return keywordTarget(file, situation.tagsKeyword);
  const tag = situation.tags.find((t) => touches(t.span, offset));
  if (tag) return { kind: 'tag', tag };
  if (situation.when) {
    if (touches(situation.when.keyword.span, offset)) return keywordTarget(file, situation.when.keyword);
    if (touches(situation.when.text.span, offset)) return stringTarget(situation.when.text, offset);
  }
  let found: Target | undefined;
  forEachStep(situation, ({ step }) => {
    if (found || !touches(step.span, offset)) return;
    found = stepTarget(file, step, offset);
  });
  return found;
}

function stepTarget(file: SopFile, step: Step, offset: number): Target | undefined {
  if (touches(step.keyword.span, offset)) return keywordTarget(file, step.keyword);
  switch (step.kind) {
    case 'say':
    case 'note':
      return touches(step.text.span, offset) ? stringTarget(step.text, offset, step) : undefined;
    case 'transfer':
      return touches(step.target.span, offset) ? stringTarget(step.target, offset, step) : undefined;
    case 'promise':
      if (touches(step.duration.span, offset)) return { kind: 'duration', duration: step.duration };
      return step.text && touches(step.text.span, offset) ? stringTarget(step.text, offset, step) : undefined;
    case 'hold':
      return step.duration && touches(step.duration.span, offset) ? { kind: 'duration', duration: step.duration } : undefined;
    case 'goto':
      return touches(step.target.span, offset)
        ? { kind: 'situation', name: step.target.name, span: step.target.span, declaration: false }
        : undefined;
    case 'wait':
      if (touches(step.duration.span, offset)) return { kind: 'duration', duration: step.duration };
      // The branch keywords; the branches' own steps are visited by `forEachStep`.
      for (const branch of [step.reply, step.fallback]) {
        if (branch && touches(branch.keyword.span, offset)) return keywordTarget(file, branch.keyword);
      }
      return undefined;
    default:
      return undefined;
  }
}

/** A placeholder under the cursor wins over the string around it. */
function stringTarget(string: StringLit, offset: number, step?: Step): Target {
  const placeholder = string.placeholders.find((p) => touches(p.span, offset));
  if (placeholder) {
    const span = { start: placeholder.span.start + 1, end: placeholder.span.end - 1 };
    return { kind: 'variable', name: placeholder.name, span, declaration: false };
  }
  return { kind: 'string', string, ...(step ? { step } : {}) };
}

function keywordTarget(file: SopFile, keyword: Keyword): Target | undefined {
  const name = keywordOf(file.text.slice(keyword.span.start, keyword.span.end));
  return name ? { kind: 'keyword', name, keyword } : undefined;
}

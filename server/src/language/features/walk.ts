/**
 * Walks over the nodes of a file that editor features ask about: every keyword, string,
 * duration and situation, in source order. The features only read the AST (it is shared
 * between parses), so these walks collect references and never copy or change nodes.
 */
import type { Duration, Keyword, Situation, SopFile, Step, StringLit } from '../ast';
import { forEachStep } from '../flow';

/** The situations written in `file`, in source order. */
export function situationsIn(file: SopFile): Situation[] {
  return file.decls.filter((d): d is Situation => d.kind === 'situation');
}

/** Every keyword written in `file`, in source order. */
export function keywordsIn(file: SopFile): Keyword[] {
  const out: Keyword[] = [];
  for (const field of [file.header.script, file.header.version, file.header.locale]) {
    if (field) out.push(field.keyword);
  }
  for (const decl of file.decls) {
    out.push(decl.keyword);
    if (decl.kind !== 'situation') continue;
    if (decl.tagsKeyword) out.push(decl.tagsKeyword);
    if (decl.when) out.push(decl.when.keyword);
    forEachStep(decl, ({ step }) => {
      out.push(step.keyword);
      if (step.kind === 'wait') {
        if (step.reply) out.push(step.reply.keyword);
        if (step.fallback) out.push(step.fallback.keyword);
      }
    });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The string a step holds (its text, or a transfer's target), if any. */
export function stringOfStep(step: Step): StringLit | undefined {
  switch (step.kind) {
    case 'say':
    case 'note':
      return step.text;
    case 'promise':
      return step.text;
    case 'transfer':
      return step.target;
    default:
      return undefined;
  }
}

/** The duration a step holds, if any. */
export function durationOfStep(step: Step): Duration | undefined {
  return step.kind === 'wait' || step.kind === 'promise' || step.kind === 'hold' ? step.duration : undefined;
}

/** Every string of a situation (title, trigger, step texts), in source order. */
export function stringsInSituation(situation: Situation): StringLit[] {
  const out: StringLit[] = [];
  if (situation.title) out.push(situation.title);
  if (situation.when) out.push(situation.when.text);
  forEachStep(situation, ({ step }) => {
    const text = stringOfStep(step);
    if (text) out.push(text);
  });
  return out;
}

/** Every duration written in the situations of `file`, in source order. */
export function durationsIn(file: SopFile): Duration[] {
  const out: Duration[] = [];
  for (const situation of situationsIn(file)) {
    forEachStep(situation, ({ step }) => {
      const duration = durationOfStep(step);
      if (duration) out.push(duration);
    });
  }
  return out;
}

/** Every string of `file`: header values, import paths and the situations' strings. */
export function stringsIn(file: SopFile): StringLit[] {
  const out: StringLit[] = [];
  for (const field of [file.header.script, file.header.version, file.header.locale]) {
    if (field) out.push(field.value);
  }
  for (const decl of file.decls) {
    if (decl.kind === 'import') out.push(decl.path);
    else if (decl.kind === 'situation') out.push(...stringsInSituation(decl));
  }
  return out;
}

/** Whether `offset` lies within `span`, both ends included (a cursor just after a word is on it). */
export function touches(span: { start: number; end: number }, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

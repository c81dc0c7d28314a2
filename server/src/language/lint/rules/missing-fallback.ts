/** `missing-fallback`: a `wait` has no plan for a caller who stays silent. */
import type { WaitStep } from '../../ast';
import { forEachStep } from '../../flow';
import { spell } from '../../keywords';
import { deeper, durationSpelling, insertLinesAfter, phraseLanguage, quoteString, quoteStyleNear, spellDuration } from '../edits';
import { quoteTimedStep, wellFormedSituationsOf } from '../model';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';

/** Steps after which silence needs no fallback: the call moves on by itself. */
const MOVES_ON = new Set(['hangup', 'transfer', 'goto']);

export const missingFallback: Rule = {
  meta: {
    id: 'missing-fallback',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'error',
    description: 'A `wait` has no `fallback` and is not followed by `hangup`, `transfer` or `goto`, so silence has no plan.',
  },
  check({ file }) {
    const reports: Report[] = [];
    for (const situation of wellFormedSituationsOf(file)) {
      forEachStep(situation, ({ step, body, index }) => {
        if (step.kind !== 'wait' || step.fallback) return;
        const next = body[index + 1];
        if (next && MOVES_ON.has(next.kind)) return;
        const what = `${quoteTimedStep(file.text, step)} has no fallback`;
        const message = next
          ? `${what}: a caller who stays silent goes on to the next step as if they had answered. Add "fallback { … }" saying what to do on silence, or follow the wait with hangup, transfer or goto`
          : `${what} and nothing follows it: a caller who stays silent is left on an open line. Add "fallback { … }" (for example a goodbye, a 5s wait and hangup), or follow the wait with hangup, transfer or goto`;
        reports.push({ span: step.span, message, fixes: [fallbackSkeleton(file, step)] });
      });
    }
    return reports;
  },
};

function fallbackSkeleton(file: Parameters<Rule['check']>[0]['file'], wait: WaitStep) {
  const spelling = wait.keyword.spelling;
  const phrase = quoteString(FIX_PHRASES.silenceGoodbye[phraseLanguage(file)], quoteStyleNear(file, wait.span.start));
  const edit = insertLinesAfter(file.text, wait, (indent) => {
    const inner = deeper(indent);
    return [
      `${indent}${spell('fallback', spelling)} {`,
      `${inner}${spell('say', spelling)} ${phrase}`,
      `${inner}${spell('wait', spelling)} ${spellDuration(5000, durationSpelling(wait.duration))}`,
      `${inner}${spell('hangup', spelling)}`,
      `${indent}}`,
    ];
  });
  return { title: 'Add a fallback: goodbye, wait 5s, hang up', edits: [edit] };
}

/** `missing-fallback`: a `wait` has no plan for a caller who stays silent. */
import type { WaitStep } from '../../ast';
import { spell } from '../../keywords';
import { deeper, durationSpelling, insertLinesAfter, phraseLanguage, quoteString, quoteStyleNear, spellDuration } from '../edits';
import { timedStepText } from '../model';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';
import { stepIndexOf } from '../step-index';
import { msg } from '../../i18n/messages';

/** Steps after which silence needs no fallback: the call moves on by itself. */
const MOVES_ON = new Set(['hangup', 'transfer', 'goto']);

export const missingFallback: Rule = {
  meta: {
    id: 'missing-fallback',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'error',
    description: 'rule.missing-fallback.description',
  },
  check({ file }) {
    const reports: Report[] = [];
    const { waits } = stepIndexOf(file);
    for (let i = 0; i < waits.length; i++) {
      const { step, body, index, situation } = waits[i];
      // Situations that did not parse whole are left to `syntax` (see `wellFormedSituationsOf`).
      if (step.fallback || situation.hasErrors) continue;
      const next = body[index + 1];
      if (next && MOVES_ON.has(next.kind)) continue;
      const wait = timedStepText(file.text, step);
      const message = next ? msg('missing-fallback.next-step', { wait }) : msg('missing-fallback.nothing-follows', { wait });
      reports.push({ span: step.span, message, fixes: [fallbackSkeleton(file, step)] });
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
  return { title: msg('missing-fallback.fix.add'), edits: [edit] };
}

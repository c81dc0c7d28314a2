/** `promise-window`: a `promise` commits to a follow-up later than `maxPromise`. */
import { forEachStep } from '../../flow';
import { durationSpelling, spellDuration } from '../edits';
import { quoteTimedStep, situationsOf } from '../model';
import type { Report, Rule } from '../rule';

export const promiseWindow: Rule = {
  meta: {
    id: 'promise-window',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'A `promise` commits to a follow-up later than `maxPromise` (the complaint policy: an answer within 24 hours).',
    options: {
      maxPromise: { type: 'duration', default: 86_400_000, description: 'The longest follow-up time a script may promise.' },
    },
  },
  check({ file, options }) {
    const max = Number(options.maxPromise);
    const reports: Report[] = [];
    for (const situation of situationsOf(file)) {
      forEachStep(situation, ({ step }) => {
        if (step.kind !== 'promise' || step.duration.ms <= max) return;
        const limit = spellDuration(max, durationSpelling(step.duration));
        reports.push({
          span: step.span,
          message: `${quoteTimedStep(file.text, step)} promises more than ${limit}: the complaint policy answers within ${limit}; promise ${limit} or less and escalate what takes longer`,
          fixes: [{ title: `Promise ${limit} instead of ${step.duration.raw}`, edits: [{ span: step.duration.span, newText: limit }] }],
        });
      });
    }
    return reports;
  },
};

/** `wait-range`: a `wait` shorter than `minWait` or longer than `maxWait`. */
import { forEachStep } from '../../flow';
import { durationSpelling, spellDuration } from '../edits';
import { quoteTimedStep, situationsOf } from '../model';
import type { Report, Rule } from '../rule';

export const waitRange: Rule = {
  meta: {
    id: 'wait-range',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'A `wait` is shorter than `minWait` or longer than `maxWait`.',
    options: {
      minWait: { type: 'duration', default: 1000, description: 'The shortest sensible wait for a caller to start answering.' },
      maxWait: { type: 'duration', default: 60_000, description: 'The longest silence a caller should be left in.' },
    },
  },
  check({ file, options }) {
    const min = Number(options.minWait);
    const max = Number(options.maxWait);
    const reports: Report[] = [];
    for (const situation of situationsOf(file)) {
      forEachStep(situation, ({ step }) => {
        if (step.kind !== 'wait') return;
        const { ms, raw, span } = step.duration;
        if (ms >= min && ms <= max) return;
        const short = ms < min;
        const limit = spellDuration(short ? min : max, durationSpelling(step.duration));
        const written = quoteTimedStep(file.text, step);
        const message = short
          ? `${written} is shorter than ${limit}: a caller needs time to start answering; wait at least ${limit}`
          : `${written} is longer than ${limit}: callers hang up on a long silence; wait at most ${limit} and ask again in the fallback`;
        reports.push({
          span: step.span,
          message,
          fixes: [{ title: `Wait ${limit} instead of ${raw}`, edits: [{ span, newText: limit }] }],
        });
      });
    }
    return reports;
  },
};

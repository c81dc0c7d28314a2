/** `promise-window`: a `promise` commits to a follow-up later than `maxPromise`. */
import { msg } from '../../i18n/messages';
import { durationSpelling, spellDuration } from '../edits';
import { timedStepText } from '../model';
import type { Report, Rule } from '../rule';
import { stepIndexOf } from '../step-index';

export const promiseWindow: Rule = {
  meta: {
    id: 'promise-window',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'rule.promise-window.description',
    options: {
      maxPromise: { type: 'duration', default: 86_400_000, description: 'rule.promise-window.option.maxPromise' },
    },
  },
  check({ file, options }) {
    const max = Number(options.maxPromise);
    const reports: Report[] = [];
    const { promises } = stepIndexOf(file);
    for (let i = 0; i < promises.length; i++) {
      const step = promises[i];
      if (step.duration.ms <= max) continue;
      const limit = spellDuration(max, durationSpelling(step.duration));
      reports.push({
        span: step.span,
        message: msg('promise-window.message', { written: timedStepText(file.text, step), limit }),
        fixes: [{ title: msg('promise-window.fix', { limit, raw: step.duration.raw }), edits: [{ span: step.duration.span, newText: limit }] }],
      });
    }
    return reports;
  },
};

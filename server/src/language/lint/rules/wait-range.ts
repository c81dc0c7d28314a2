/** `wait-range`: a `wait` shorter than `minWait` or longer than `maxWait`. */
import { durationSpelling, spellDuration } from '../edits';
import { timedStepText } from '../model';
import type { Report, Rule } from '../rule';
import { stepIndexOf } from '../step-index';
import { msg } from '../../i18n/messages';

export const waitRange: Rule = {
  meta: {
    id: 'wait-range',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'rule.wait-range.description',
    options: {
      minWait: { type: 'duration', default: 1000, description: 'rule.wait-range.option.minWait' },
      maxWait: { type: 'duration', default: 60_000, description: 'rule.wait-range.option.maxWait' },
    },
  },
  check({ file, options }) {
    const min = Number(options.minWait);
    const max = Number(options.maxWait);
    const reports: Report[] = [];
    const { waits } = stepIndexOf(file);
    for (let i = 0; i < waits.length; i++) {
      const { step } = waits[i];
      const { ms, raw, span } = step.duration;
      if (ms >= min && ms <= max) continue;
      const short = ms < min;
      const limit = spellDuration(short ? min : max, durationSpelling(step.duration));
      const written = timedStepText(file.text, step);
      const message = short ? msg('wait-range.too-short', { written, limit }) : msg('wait-range.too-long', { written, limit });
      reports.push({
        span: step.span,
        message,
        fixes: [{ title: msg('wait-range.fix', { limit, raw }), edits: [{ span, newText: limit }] }],
      });
    }
    return reports;
  },
};

/** `dead-end`: a situation's body does not end terminally. */
import type { Step } from '../../ast';
import { firstTerminalIn, stepIndexOf, type StepIndex } from '../step-index';
import { wellFormedSituationsOf } from '../model';
import type { Report, Rule } from '../rule';
import { msg } from '../../i18n/messages';

export const deadEnd: Rule = {
  meta: {
    id: 'dead-end',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'error',
    description: 'rule.dead-end.description',
  },
  check({ file }) {
    const reports: Report[] = [];
    const situations = wellFormedSituationsOf(file);
    const index = stepIndexOf(file);
    for (let i = 0; i < situations.length; i++) {
      const situation = situations[i];
      if (firstTerminalIn(index, situation.steps) >= 0 || explainedByMissingFallback(index, situation.steps)) continue;
      const last = situation.steps[situation.steps.length - 1];
      const keyword = last && file.text.slice(last.keyword.span.start, last.keyword.span.end);
      const why = last ? msg('dead-end.why.after-last-step', { keyword }) : msg('dead-end.why.no-steps');
      reports.push({
        span: situation.id.span,
        message: msg('dead-end.message', { name: situation.id.name, why }),
      });
    }
    return reports;
  },
};

/**
 * True when every way the body runs out of steps ends at a `wait` without a `fallback`:
 * `missing-fallback` reports that wait, and adding the fallback it asks for also closes
 * the dead end, so reporting both would say the same thing twice.
 */
function explainedByMissingFallback(index: StepIndex, steps: readonly Step[]): boolean {
  const last = steps[steps.length - 1];
  if (!last || last.kind !== 'wait') return false;
  if (!last.fallback) return true;
  const branches = [last.fallback, last.reply].filter((b) => b !== undefined);
  return branches.every((b) => firstTerminalIn(index, b.steps) >= 0 || explainedByMissingFallback(index, b.steps));
}

/** `unreachable-step`: steps that follow a terminal step in the same body never run. */
import { msg } from '../../i18n/messages';
import type { SopFile, Step } from '../../ast';
import { deleteSpan } from '../edits';
import { wellFormedSituationsOf } from '../model';
import type { Report, Rule } from '../rule';
import { firstTerminalIn, stepIndexOf, type StepIndex } from '../step-index';

export const unreachableStep: Rule = {
  meta: {
    id: 'unreachable-step',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'rule.unreachable-step.description',
  },
  check({ file }) {
    const reports: Report[] = [];
    const situations = wellFormedSituationsOf(file);
    const index = stepIndexOf(file);
    for (let i = 0; i < situations.length; i++) checkBody(file, index, situations[i].steps, reports);
    return reports;
  },
};

function checkBody(file: SopFile, index: StepIndex, steps: readonly Step[], reports: Report[]): void {
  const terminal = firstTerminalIn(index, steps);
  const reachable = terminal >= 0 ? terminal + 1 : steps.length;
  for (let i = 0; i < reachable; i++) {
    const step = steps[i];
    if (step.kind !== 'wait') continue;
    if (step.reply) checkBody(file, index, step.reply.steps, reports);
    if (step.fallback) checkBody(file, index, step.fallback.steps, reports);
  }
  if (terminal < 0 || terminal === steps.length - 1) return;
  reports.push(unreachableReport(file, steps, terminal));
}

/**
 * The report for the steps after `steps[terminal]`. Its own function: a closure in
 * `checkBody` would make every call (one per body of the file) allocate a context.
 */
function unreachableReport(file: SopFile, steps: readonly Step[], terminal: number): Report {
  const first = steps[terminal + 1];
  const last = steps[steps.length - 1];
  const span = { start: first.span.start, end: last.span.end };
  const word = (step: Step) => file.text.slice(step.keyword.span.start, step.keyword.span.end);
  const count = steps.length - terminal - 1;
  const args = { count, first: word(first), terminal: word(steps[terminal]) };
  return {
    span,
    message: msg(steps[terminal].kind === 'wait' ? 'unreachable-step.after-wait' : 'unreachable-step.after-terminal', args),
    fixes: [{ title: msg('unreachable-step.fix', { count }), edits: [deleteSpan(file.text, span)], safe: true }],
  };
}

/** `goto-cycle`: situations jump to each other in a loop that never speaks or waits. */
import type { GotoStep, Situation } from '../../ast';
import type { SituationEntry } from '../../program';
import type { Report, Rule } from '../rule';

export const gotoCycle: Rule = {
  meta: {
    id: 'goto-cycle',
    severity: 'error',
    description: 'Situations jump to each other in a cycle in which none of them speaks or waits, so the IVR would spin forever.',
  },
  check({ program, file }) {
    const next = (entry: SituationEntry): SituationEntry | undefined => {
      const jump = silentJump(entry.situation);
      return jump && program.situations.get(jump.target.name)?.[0];
    };
    const reported = new Set<SituationEntry>();
    const reports: Report[] = [];
    for (const entry of program.situations.values()) {
      for (const start of entry) {
        if (start.uri !== file.uri || reported.has(start)) continue;
        const cycle = cycleFrom(start, next);
        if (!cycle) continue;
        for (const member of cycle) reported.add(member);
        const path = [...cycle, cycle[0]].map((m) => m.situation.id.name).join(' → ');
        reports.push({
          span: silentJump(start.situation)!.span,
          message: `situations jump in a loop without speaking or waiting (${path}): the IVR would spin forever; say something or wait for the caller in one of them`,
        });
      }
    }
    return reports;
  },
};

/**
 * The `goto` a situation reaches without a `say` or a `wait` on the way, if any. Any goto
 * inside a `reply` or `fallback` comes after its wait, so only the top-level body counts,
 * and its first `say`, `wait` or terminal step decides.
 */
function silentJump(situation: Situation): GotoStep | undefined {
  if (situation.hasErrors) return undefined;
  for (const step of situation.steps) {
    if (step.kind === 'goto') return step;
    if (step.kind === 'say' || step.kind === 'wait' || step.kind === 'transfer' || step.kind === 'hangup' || step.kind === 'end') return undefined;
  }
  return undefined;
}

/** The silent-jump cycle through `start`, in jump order, or undefined when `start` is on none. */
function cycleFrom(start: SituationEntry, next: (e: SituationEntry) => SituationEntry | undefined): SituationEntry[] | undefined {
  const path: SituationEntry[] = [];
  const seen = new Set<SituationEntry>();
  let current: SituationEntry | undefined = start;
  while (current && !seen.has(current)) {
    seen.add(current);
    path.push(current);
    current = next(current);
  }
  return current === start ? path : undefined;
}

/** `goto-cycle`: situations jump to each other in a loop that never speaks or waits. */
import type { Situation } from '../../ast';
import type { SituationEntry } from '../../program';
import type { Report, Rule } from '../rule';
import { fileFactsOf, type RelativeName } from '../situation-facts';

export const gotoCycle: Rule = {
  meta: {
    id: 'goto-cycle',
    severity: 'error',
    description: 'Situations jump to each other in a cycle in which none of them speaks or waits, so the IVR would spin forever.',
  },
  check({ program, file }) {
    // The jump each situation makes without a word is collected once per situation text
    // (`situation-facts.ts`): the table of every situation is walked on every keystroke.
    const jumps = new Map<Situation, RelativeName>();
    for (const each of program.files.values()) {
      const { situations, facts, withSilentJump } = fileFactsOf(each);
      for (const i of withSilentJump) jumps.set(situations[i], facts[i].silentJump!);
    }
    // A cycle is made of silent jumps only.
    if (jumps.size === 0) return [];
    const next = (entry: SituationEntry): SituationEntry | undefined => {
      const jump = jumps.get(entry.situation);
      return jump && program.situations.get(jump.name)?.[0];
    };
    const reported = new Set<SituationEntry>();
    const reports: Report[] = [];
    for (const entry of program.situations.values()) {
      for (const start of entry) {
        if (start.uri !== file.uri || reported.has(start)) continue;
        const jump = jumps.get(start.situation);
        if (!jump) continue;
        const cycle = cycleFrom(start, next);
        if (!cycle) continue;
        for (const member of cycle) reported.add(member);
        const path = [...cycle, cycle[0]].map((m) => m.situation.id.name).join(' → ');
        const base = start.situation.span.start;
        reports.push({
          span: { start: base + jump.start, end: base + jump.end },
          message: `situations jump in a loop without speaking or waiting (${path}): the IVR would spin forever; say something or wait for the caller in one of them`,
        });
      }
    }
    return reports;
  },
};

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

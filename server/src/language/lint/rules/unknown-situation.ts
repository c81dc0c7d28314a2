/** `unknown-situation`: a `goto` names no situation of this file or its imports. */
import { closestName } from '../model';
import { fileFactsOf } from '../situation-facts';
import type { Report, Rule } from '../rule';

export const unknownSituation: Rule = {
  meta: {
    id: 'unknown-situation',
    severity: 'error',
    description: 'A `goto` names a situation that neither this file nor the files it imports define.',
  },
  check({ program, file }) {
    const reports: Report[] = [];
    // The jumps of each situation are collected once per situation text.
    const { situations, facts, withGotos } = fileFactsOf(file);
    for (const i of withGotos) {
      const base = situations[i].span.start;
      for (const { name, start, end } of facts[i].gotos) {
        if (program.situations.has(name)) continue;
        const span = { start: base + start, end: base + end };
        const guess = closestName(name, program.situations.keys());
        reports.push({
          span,
          message: guess
            ? `no situation "${name}" in this file or its imports: did you mean "${guess}"?`
            : `no situation "${name}" in this file or its imports: check the id, or import the file that defines it`,
          fixes: guess ? [{ title: `Change to "${guess}"`, edits: [{ span, newText: guess }] }] : undefined,
        });
      }
    }
    return reports;
  },
};

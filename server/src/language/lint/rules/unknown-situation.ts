/** `unknown-situation`: a `goto` names no situation of this file or its imports. */
import { forEachStep } from '../../flow';
import { closestName, situationsOf } from '../model';
import type { Report, Rule } from '../rule';

export const unknownSituation: Rule = {
  meta: {
    id: 'unknown-situation',
    severity: 'error',
    description: 'A `goto` names a situation that neither this file nor the files it imports define.',
  },
  check({ program, file }) {
    const reports: Report[] = [];
    for (const situation of situationsOf(file)) {
      forEachStep(situation, ({ step }) => {
        if (step.kind !== 'goto' || program.situations.has(step.target.name)) return;
        const name = step.target.name;
        const guess = closestName(name, program.situations.keys());
        reports.push({
          span: step.target.span,
          message: guess
            ? `no situation "${name}" in this file or its imports: did you mean "${guess}"?`
            : `no situation "${name}" in this file or its imports: check the id, or import the file that defines it`,
          fixes: guess ? [{ title: `Change to "${guess}"`, edits: [{ span: step.target.span, newText: guess }] }] : undefined,
        });
      });
    }
    return reports;
  },
};

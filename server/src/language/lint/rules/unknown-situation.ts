/** `unknown-situation`: a `goto` names no situation of this file or its imports. */
import { closestName, situationIds } from '../model';
import { reportsByPiece } from '../piece-reports';
import { fileFactsOf, situationStart } from '../situation-facts';
import type { Report, Rule } from '../rule';
import { msg } from '../../i18n/messages';

export const unknownSituation: Rule = {
  meta: {
    id: 'unknown-situation',
    severity: 'error',
    description: 'rule.unknown-situation.description',
  },
  check({ program, file }) {
    // The jumps of each situation are collected once per piece, and while the program's
    // ids do not change only the pieces an edit replaced are checked again.
    const ids = situationIds(program);
    const facts = fileFactsOf(file);
    return reportsByPiece(facts, 'unknown-situation', ids, facts.withGotos, (p) => {
      const reports: Report[] = [];
      facts.pieces[p].situations.forEach(({ facts: f }, s) => {
        const base = situationStart(facts, p, s);
        for (const { name, start, end } of f.gotos) {
          if (ids.has(name)) continue;
          const span = { start: base + start, end: base + end };
          const guess = closestName(name, ids.keys());
          reports.push({
            span,
            message: guess ? msg('unknown-situation.did-you-mean', { name, guess }) : msg('unknown-situation.message', { name }),
            fixes: guess ? [{ title: msg('fix.change-to', { guess }), edits: [{ span, newText: guess }] }] : undefined,
          });
        }
      });
      return reports;
    });
  },
};

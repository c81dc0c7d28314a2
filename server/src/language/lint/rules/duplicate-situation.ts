/** `duplicate-situation`: two situations share an id. */
import { msg } from '../../i18n/messages';
import type { Program, SituationEntry } from '../../program';
import { describeLocation, situationIds } from '../model';
import type { Report, Rule } from '../rule';
import { fileFactsOf, situationAt } from '../situation-facts';

export const duplicateSituation: Rule = {
  meta: {
    id: 'duplicate-situation',
    severity: 'error',
    description: 'rule.duplicate-situation.description',
  },
  check({ program, file }) {
    const reports: Report[] = [];
    const own = fileFactsOf(file).idCounts;
    for (const id of duplicatedIds(situationIds(program))) {
      if (!own.has(id)) continue;
      const entries = definitionsOf(program, id);
      const here = entries.filter((e) => e.uri === file.uri);
      for (const entry of here) {
        const index = entries.indexOf(entry);
        // The first definition is reported too when every other one lives in an imported
        // file: the linted file is the only place this program is checked from.
        if (index === 0 && here.length > 1) continue;
        const other = index === 0 ? entries[1] : entries[0];
        const where = describeLocation(program, file.uri, other.uri, other.situation.id.span.start);
        reports.push({
          span: entry.situation.id.span,
          message: msg(index === 0 ? 'duplicate-situation.also-defined' : 'duplicate-situation.already-defined', { id, where }),
        });
      }
    }
    return reports;
  },
};

const duplicates = new WeakMap<ReadonlyMap<string, number>, string[]>();

/** The ids defined more than once, once per map of counts (it is the same map while no id changes). */
function duplicatedIds(counts: ReadonlyMap<string, number>): string[] {
  let ids = duplicates.get(counts);
  if (!ids) {
    const found: string[] = [];
    // `forEach`, not `for…of`: no entry pair per id (a file has thousands, nearly all once).
    counts.forEach((n, id) => {
      if (n > 1) found.push(id);
    });
    ids = found;
    duplicates.set(counts, ids);
  }
  return ids;
}

/** Every definition of `id`, in load order (a look at every situation: only for duplicated ids). */
function definitionsOf(program: Program, id: string): SituationEntry[] {
  const entries: SituationEntry[] = [];
  for (const [uri, file] of program.files) {
    const facts = fileFactsOf(file);
    if (!facts.idCounts.has(id)) continue;
    facts.pieces.forEach((piece, p) => {
      piece.situations.forEach(({ situation }, s) => {
        if (situation.id.name === id) entries.push({ uri, situation: situationAt(facts, p, s) });
      });
    });
  }
  return entries;
}

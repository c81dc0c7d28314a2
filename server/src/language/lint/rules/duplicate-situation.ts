/** `duplicate-situation`: two situations share an id. */
import { describeLocation } from '../model';
import type { Report, Rule } from '../rule';

export const duplicateSituation: Rule = {
  meta: {
    id: 'duplicate-situation',
    severity: 'error',
    description: 'Two situations of a file and the files it imports share an id, so a `goto` cannot tell them apart.',
  },
  check({ program, file }) {
    const reports: Report[] = [];
    for (const [id, entries] of program.situations) {
      if (entries.length < 2) continue;
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
          message: `situation "${id}" is ${index === 0 ? 'also' : 'already'} defined at ${where}: ids are shared by a file and its imports; rename one of them`,
        });
      }
    }
    return reports;
  },
};

/** `unresolved-import`: an imported file does not exist or cannot be parsed. */
import { importFindings } from '../../program';
import type { Rule } from '../rule';

export const unresolvedImport: Rule = {
  meta: {
    id: 'unresolved-import',
    severity: 'error',
    description: 'rule.unresolved-import.description',
  },
  check({ program, file }) {
    return importFindings(program, file.uri).map((f) => ({ span: f.span, message: f.message }));
  },
};

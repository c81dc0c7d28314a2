/** `syntax`: the file does not match the grammar (one finding per broken situation). */
import type { Rule } from '../rule';

export const syntax: Rule = {
  meta: {
    id: 'syntax',
    severity: 'error',
    description: 'rule.syntax.description',
    // A broken situation is broken whatever a comment says; hiding it would only hide why
    // the other rules skip that situation.
    unsuppressible: true,
  },
  check({ file }) {
    return file.errors.map((error) => ({ span: error.span, message: error.message }));
  },
};

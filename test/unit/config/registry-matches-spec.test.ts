import { strict as assert } from 'node:assert';
import { RULE_METAS } from '../../../server/src/language/lint/registry';
import { SPEC_RULES } from './spec-rules';

// The spec's "Lint rules" table, written down independently of the registry, so a rule that
// is missing, renamed, or has another default severity or option default fails here.
describe('the rule registry', () => {
  it('has every rule of the spec with its default severity and option defaults', () => {
    const summarize = (rules: typeof RULE_METAS) =>
      rules
        .map((r) => ({
          id: r.id,
          severity: r.severity,
          options: Object.fromEntries(Object.entries(r.options ?? {}).map(([k, v]) => [k, v.default])),
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(summarize(RULE_METAS), summarize(SPEC_RULES));
  });
});

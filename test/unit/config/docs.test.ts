/**
 * `docs/configuration.md` documents every rule (with its default severity and options) and
 * every built-in lexicon entry, so the page cannot fall behind the code.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recommendedLexicon } from '../../../server/src/language/lexicon';
import { RULE_METAS as SPEC_RULES } from '../../../server/src/language/lint/registry';

const page = readFileSync(join(__dirname, '../../../docs/configuration.md'), 'utf8');

describe('docs/configuration.md', () => {
  for (const rule of SPEC_RULES) {
    it(`documents rule ${rule.id}`, () => {
      const row = page.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
      assert.ok(row, `no table row for ${rule.id}`);
      assert.match(row, new RegExp(`\\| ${rule.severity} \\|`));
      for (const option of Object.keys(rule.options ?? {})) assert.ok(row.includes(`\`${option}\``), `${rule.id}: ${option}`);
    });
  }
  it('documents every built-in lexicon entry', () => {
    for (const entry of recommendedLexicon) assert.ok(page.includes(`| \`${entry.id}\` |`), entry.id);
  });
});

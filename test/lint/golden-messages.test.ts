/**
 * The messages and quick-fix titles of every lint fixture, per locale, as reviewed text:
 * `test/lint/golden/messages.<locale>.txt`. A change of wording in either catalog shows
 * up here as a diff a reviewer reads in both languages; refresh with UPDATE_GOLDEN=1.
 * Every rule must appear in each file, so no rule goes without a reviewed message.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineIndex } from '../../server/src/language/index';
import { LOCALES } from '../../server/src/language/i18n/catalogs';
import { RULES } from '../../server/src/language/lint/registry';
import { configFor, lintText } from './harness';

const FIXTURES = join(__dirname, 'fixtures');
const GOLDEN = join(__dirname, 'golden');

async function render(locale: string): Promise<string> {
  const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.sop'))
    .sort();
  const lines: string[] = [];
  for (const name of files) {
    const path = join(FIXTURES, name);
    const text = readFileSync(path, 'utf8');
    const index = new LineIndex(text);
    for (const finding of await lintText(path, text, configFor(path), locale)) {
      if (finding.uri !== path) continue;
      const at = index.positionAt(finding.span.start);
      // A message may name an absolute path (where an import was looked for); the golden
      // file must not depend on where the repository is checked out.
      const message = finding.message.split(FIXTURES).join('<fixtures>');
      lines.push(`${relative(FIXTURES, path).split('\\').join('/')}:${at.line + 1}:${at.character + 1} ${finding.rule}: ${message}`);
      for (const fix of finding.fixes ?? []) lines.push(`    fix: ${fix.title}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('golden lint messages', () => {
  for (const locale of LOCALES) {
    it(`matches test/lint/golden/messages.${locale}.txt and covers every rule`, async () => {
      const actual = await render(locale);
      const file = join(GOLDEN, `messages.${locale}.txt`);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
      assert.equal(actual, readFileSync(file, 'utf8'), 'refresh with UPDATE_GOLDEN=1 after reviewing the wording');
      const reported = new Set([...actual.matchAll(/^\S+ ([a-z-]+): /gm)].map((m) => m[1]));
      const missing = RULES.map((rule) => rule.meta.id).filter((id) => !reported.has(id));
      assert.deepEqual(missing, [], `rules without a golden message in ${locale}`);
    });
  }
});

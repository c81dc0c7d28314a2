/**
 * Every fixture under `test/lint/fixtures/<rule>/` is linted with its folder's
 * configuration (the recommended one unless a `sop.config.json` sits there), and the
 * findings must be exactly the ones its inline expectations describe. Then every quick fix
 * offered is applied and must make its finding go away without breaking the syntax.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Finding } from '../../server/src/language/finding';
import { applyEdits } from '../../server/src/language/lint/edits';
import { RULES } from '../../server/src/language/lint/registry';
import { compareFindings, compareFindingsIgnoringMessages, configFor, lintText, parseExpectations } from './harness';

const FIXTURES = join(__dirname, 'fixtures');

/** Rules whose every finding carries a repair besides the suppression comment. */
const REPAIRABLE = new Set(['banned-phrase', 'missing-fallback', 'abrupt-hangup', 'unreachable-step', 'undefined-variable', 'unused-variable']);

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.sop'))
    .sort()
    .map((name) => join(FIXTURES, name));
}

describe('lint fixtures', () => {
  const files = fixtureFiles();

  it('has a fixture folder for every rule', () => {
    const folders = new Set(files.map((f) => relative(FIXTURES, f).split(/[\\/]/)[0]));
    const missing = RULES.map((r) => r.meta.id).filter((id) => !folders.has(id));
    assert.deepEqual(missing, [], `rules without fixtures: ${missing.join(', ')}`);
  });

  for (const path of files) {
    const name = relative(FIXTURES, path);
    describe(name, () => {
      const text = readFileSync(path, 'utf8');

      it('reports exactly the expected findings', async () => {
        const { expectations, errors } = parseExpectations(text);
        assert.deepEqual(errors, [], 'malformed expectations');
        const findings = await lintText(path, text, configFor(path));
        const problems = compareFindings(name, text, findings, expectations);
        assert.ok(problems.length === 0, `\n${problems.join('\n')}`);
      });

      it('reports the same findings in zh-CN (rule ids and positions), with Chinese messages', async () => {
        const { expectations } = parseExpectations(text);
        const findings = await lintText(path, text, configFor(path), 'zh-CN');
        const problems = compareFindingsIgnoringMessages(name, text, findings, expectations);
        assert.ok(problems.length === 0, `\n${problems.join('\n')}`);
        for (const finding of findings) {
          assert.match(finding.message, /\p{Script=Han}/u, `${finding.rule}: "${finding.message}" is not in Chinese`);
          for (const fix of finding.fixes ?? []) assert.match(fix.title, /\p{Script=Han}/u, `${finding.rule}: fix "${fix.title}" is not in Chinese`);
        }
      });

      it('offers quick fixes that remove their finding', async () => {
        const config = configFor(path);
        const findings = await lintText(path, text, config);
        const problems: string[] = [];
        for (const finding of findings) {
          const repairs = (finding.fixes ?? []).filter((f) => !f.title.startsWith('Suppress '));
          if (REPAIRABLE.has(finding.rule) && repairs.length === 0) problems.push(`${finding.rule} at offset ${finding.span.start} offers no repair`);
          for (const fix of finding.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            const after = await lintText(path, fixed, config);
            const problem = judgeFix(finding, findings, after, fixed);
            if (problem) problems.push(`"${fix.title}" for ${finding.rule} at offset ${finding.span.start}: ${problem}\n--- fixed text ---\n${fixed}`);
          }
        }
        assert.ok(problems.length === 0, `\n${problems.join('\n\n')}`);
      });
    });
  }
});

/** Why a fix did not do its job, or undefined when it did. */
function judgeFix(finding: Finding, before: readonly Finding[], after: readonly Finding[], fixed: string): string | undefined {
  const syntaxBefore = before.filter((f) => f.rule === 'syntax').length;
  const syntaxAfter = after.filter((f) => f.rule === 'syntax');
  if (syntaxAfter.length > syntaxBefore) return `it breaks the syntax (${syntaxAfter.map((f) => f.message).join('; ')})`;
  const count = (list: readonly Finding[]) => list.filter((f) => f.rule === finding.rule).length;
  if (count(after) >= count(before)) {
    const left = after.filter((f) => f.rule === finding.rule).map((f) => `${fixed.slice(f.span.start, f.span.end)}: ${f.message}`);
    return `the ${finding.rule} finding is still there (${left.join('; ')})`;
  }
  return undefined;
}

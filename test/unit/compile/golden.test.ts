/**
 * Golden files: every `test/fixtures/compile/*.sop` compiles to the `.json` beside it, and
 * the example in docs/output-format.md is one of those fixtures with its output.
 * `UPDATE_GOLDEN=1` rewrites the goldens and the example instead of comparing.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { serializeCompiled } from '../../../server/src/language/compile/compile';
import { compileFromDisk, fixturesDir, repoRoot } from './load';

const update = process.env.UPDATE_GOLDEN === '1';
const fixtures = readdirSync(fixturesDir)
  .filter((name) => name.endsWith('.sop'))
  .sort();

/** Fails with the first differing lines and a few lines of context, numbered as in the golden. */
function assertSameText(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  let first = 0;
  while (first < a.length && first < e.length && a[first] === e[first]) first++;
  const from = Math.max(0, first - 3);
  const context = e.slice(from, first).map((line, i) => `  ${from + i + 1}  ${line}`);
  const removed = e.slice(first, first + 6).map((line, i) => `- ${first + i + 1}  ${line}`);
  const added = a.slice(first, first + 6).map((line, i) => `+ ${first + i + 1}  ${line}`);
  assert.fail(
    [
      `${label} differs from the compiler output from line ${first + 1} on`,
      '(- golden, + actual; run with UPDATE_GOLDEN=1 to accept the new output):',
      ...context,
      ...removed,
      ...added,
    ].join('\n'),
  );
}

describe('compile: golden files', () => {
  it('has fixtures to compare', () => {
    assert.ok(fixtures.length >= 5, `expected fixtures in ${fixturesDir}`);
  });

  for (const name of fixtures) {
    const golden = path.join(fixturesDir, name.replace(/\.sop$/, '.json'));
    it(`${name} compiles to ${path.basename(golden)}`, async () => {
      const actual = serializeCompiled(await compileFromDisk(path.join(fixturesDir, name), fixturesDir));
      if (update) {
        writeFileSync(golden, actual);
        return;
      }
      assert.ok(existsSync(golden), `${golden} is missing: run the tests with UPDATE_GOLDEN=1 to create it`);
      assertSameText(actual, readFileSync(golden, 'utf8'), path.relative(repoRoot, golden));
    });
  }
});

describe('compile: the example in docs/output-format.md', () => {
  const docPath = path.join(repoRoot, 'docs/output-format.md');
  const example = 'docs-example.sop';
  const blocks: Array<{ marker: string; fence: string; content: () => string }> = [
    { marker: example, fence: 'sop', content: () => readFileSync(path.join(fixturesDir, example), 'utf8') },
    {
      marker: example.replace(/\.sop$/, '.json'),
      fence: 'json',
      content: () => readFileSync(path.join(fixturesDir, example.replace(/\.sop$/, '.json')), 'utf8'),
    },
  ];

  for (const block of blocks) {
    it(`shows ${block.marker} verbatim`, () => {
      const doc = readFileSync(docPath, 'utf8');
      const begin = `<!-- generated from test/fixtures/compile/${block.marker} -->\n`;
      const end = `<!-- end of ${block.marker} -->`;
      const start = doc.indexOf(begin);
      const stop = doc.indexOf(end, start);
      assert.ok(start >= 0 && stop > start, `docs/output-format.md has no block marked "${begin.trim()}" … "${end}"`);
      const shown = doc.slice(start + begin.length, stop);
      const expected = `\`\`\`${block.fence}\n${block.content()}\`\`\`\n`;
      if (update) {
        writeFileSync(docPath, doc.slice(0, start + begin.length) + expected + doc.slice(stop));
        return;
      }
      assertSameText(shown, expected, `the ${block.marker} block of docs/output-format.md`);
    });
  }
});

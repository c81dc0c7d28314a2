/**
 * The built-in lexicon: each entry's own examples are its test cases, and the material's
 * standard phrasings stay clean.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPhraseMatcher, recommendedLexicon } from '../../../server/src/language/lexicon';
import { parseConfig } from '../../../server/src/language/config';
import { SPEC_RULES } from '../config/spec-rules';
import { STANDARD_PHRASINGS } from './standard-phrasings';

const matcher = createPhraseMatcher(recommendedLexicon);

describe('the recommended lexicon', () => {
  for (const entry of recommendedLexicon) {
    describe(entry.id, () => {
      for (const text of entry.examples?.match ?? []) {
        it(`flags "${text}"`, () => {
          const hits = matcher.find(text).filter((m) => m.entry === entry);
          assert.equal(hits.length, 1, `expected one ${entry.id} match`);
        });
      }
      for (const text of entry.examples?.noMatch ?? []) {
        it(`leaves "${text}" alone`, () => {
          assert.deepEqual(matcher.find(text).map((m) => m.entry.id), []);
        });
      }
    });
  }

  it("holds every phrasing of the spec's table", () => {
    const table = ['我不知道', '不清楚', '这不是我处理的', '我这里没有办法处理', '我们只是一个受理部门', '只能为您反映', '我们公司的规定就是这样的', '好,好,好', '对,对,对', '你必须', '你应该', '你要道歉', '向我道歉'];
    for (const phrase of table) {
      const hits = matcher.find(phrase);
      assert.equal(hits.length, 1, phrase);
      assert.deepEqual([hits[0].start, hits[0].end], [0, phrase.length], phrase);
    }
  });

  it('gives every entry a reason, a message and examples on both sides', () => {
    for (const entry of recommendedLexicon) {
      assert.ok(entry.reason && entry.message, entry.id);
      assert.ok((entry.examples?.match.length ?? 0) > 0 && (entry.examples?.noMatch.length ?? 0) > 0, entry.id);
      assert.equal(entry.phrase === undefined, entry.pattern !== undefined, `${entry.id}: exactly one of phrase/pattern`);
    }
  });

  it('passes the same validation as a user lexicon', () => {
    const json = readFileSync(join(__dirname, '../../../server/src/language/lexicon/recommended.json'), 'utf8');
    const renamed = JSON.parse(json).map((e: { id: string }) => ({ ...e, id: `copy-${e.id}` }));
    const { findings } = parseConfig('/sop.config.json', JSON.stringify({ extends: 'none', lexicon: renamed }), SPEC_RULES);
    assert.deepEqual(findings, []);
  });

  describe("leaves the material's standard phrasings alone", () => {
    for (const text of STANDARD_PHRASINGS) {
      it(text, () => assert.deepEqual(matcher.find(text).map((m) => m.entry.id), []));
    }
  });
});

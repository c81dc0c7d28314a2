import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../server/src/language/config';
import { createPhraseMatcher, recommendedLexicon } from '../../../server/src/language/lexicon';
import { lintProgram } from '../../../server/src/language/lint/lint';
import { RULE_METAS } from '../../../server/src/language/lint/registry';
import { parseSop, singleFileProgram, STANDARD_PHRASES } from '../../../server/src/language/index';

const matcher = createPhraseMatcher(recommendedLexicon);

describe('the standard phrasings offered after say', () => {
  it('have unique ids and a Chinese and an English text each', () => {
    const ids = STANDARD_PHRASES.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const phrase of STANDARD_PHRASES) {
      assert.match(phrase.zh, /\p{Script=Han}/u, phrase.id);
      assert.doesNotMatch(phrase.en, /\p{Script=Han}/u, phrase.id);
    }
  });

  it('cover the procedures of the material', () => {
    const ids = new Set(STANDARD_PHRASES.map((p) => p.id));
    for (const id of ['greeting', 'silent-call-first', 'silent-call-goodbye', 'hold-consent', 'hold-return', 'busy-line-apology', 'goodbye']) {
      assert.ok(ids.has(id), id);
    }
  });

  for (const phrase of STANDARD_PHRASES) {
    for (const language of ['zh', 'en'] as const) {
      it(`${phrase.id} (${language}) passes the built-in lexicon and every lint rule about phrases`, () => {
        const text = phrase[language];
        assert.deepEqual(matcher.find(text).map((m) => m.entry.id), []);
        // Completing the phrase into a script must not create a finding about it.
        const script = `situation a {\n  say "${text}"\n  wait 5s\n  hangup\n}\n`;
        const findings = lintProgram(singleFileProgram(parseSop('/a.sop', script)), defaultConfig(RULE_METAS));
        assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
      });
    }
  }
});

/**
 * Matching as a script writer sees it: findings point at their own text whatever the
 * punctuation and spacing, allowed phrasings stay quiet, and no pattern can hang the tools.
 */
import { strict as assert } from 'node:assert';
import { createPhraseMatcher, recommendedLexicon, type LexiconEntry } from '../../../server/src/language/lexicon';
import { compilePattern } from '../../../server/src/language/lexicon/pattern';
import { EN } from '../../../server/src/language/i18n/messages';

function entry(fields: Partial<LexiconEntry> & { id: string }): LexiconEntry {
  return { message: 'm', suggest: [], severity: 'error', ...fields };
}

/** The matched texts, sliced out of the original string by the reported offsets. */
function found(entries: LexiconEntry[], text: string, allow: string[] = []): string[] {
  return createPhraseMatcher(entries, allow).find(text).map((m) => text.slice(m.start, m.end));
}

describe('phrase matching', () => {
  describe('maps offsets back to the original text', () => {
    const cases: Array<{ text: string; expected: string[] }> = [
      { text: '对不起，我 不 知 道！', expected: ['我 不 知 道'] },
      { text: '您好　　我不知道', expected: ['我不知道'] },
      { text: '好，好，好……您说', expected: ['好，好，好'] },
      { text: '对　、对， 对', expected: ['对　、对， 对'] },
      { text: '😀😀我不知道😀', expected: ['我不知道'] },
      { text: '我們公司的規定就是這樣的。', expected: ['我們公司的規定就是這樣的'] },
      { text: '我不知道，我不知道', expected: ['我不知道', '我不知道'] },
    ];
    for (const { text, expected } of cases) {
      it(JSON.stringify(text), () => assert.deepEqual(found([...recommendedLexicon], text), expected));
    }
  });

  it('reports positions in UTF-16 units of the original string', () => {
    const text = '“你好” ， 我 不知道';
    const [match] = createPhraseMatcher(recommendedLexicon).find(text);
    assert.deepEqual([match.start, match.end], [text.indexOf('我'), text.length]);
  });

  it('matches user phrases written with full-width punctuation or spaces', () => {
    const user = [entry({ id: 'u', phrase: '稍等，一下' })];
    assert.deepEqual(found(user, '请您稍等,一下'), ['稍等,一下']);
    assert.deepEqual(found(user, '请您稍等 ， 一下'), ['稍等 ， 一下']);
  });

  it('matches ASCII letters in any case and width', () => {
    assert.deepEqual(found([entry({ id: 'u', phrase: 'OK' })], '好的，ｏｋ吧'), ['ｏｋ']);
  });

  it('normalises literal characters in patterns the same way', () => {
    assert.deepEqual(found([entry({ id: 'u', pattern: '(稍|等)等?一下，好吗' })], '请您稍等一下,好吗?'), ['稍等一下,好吗']);
    assert.deepEqual(found([entry({ id: 'u', pattern: '\\p{Han}{2}吧' })], '请您快点吧'), ['快点吧']);
  });

  it('narrows a pattern finding to its "phrase" group', () => {
    const user = [entry({ id: 'u', pattern: '(?:^|[^听])(?P<phrase>不清楚)' })];
    assert.deepEqual(found(user, '我不清楚,听不清楚'), ['不清楚']);
  });

  it('trims punctuation a pattern needed as context', () => {
    assert.deepEqual(found([entry({ id: 'u', pattern: '(?:^|,)不行(?:,|$)' })], '这个,不行,真的'), ['不行']);
  });

  describe('the allow list', () => {
    const user = [entry({ id: 'u', phrase: '规定' })];
    it('drops a match inside an allowed phrase', () => {
      assert.deepEqual(found(user, '对不起,公司有规定,上班时间不允许接听私人电话', ['公司有规定']), []);
    });
    it('keeps matches outside it', () => {
      assert.deepEqual(found(user, '公司有规定,规定如此', ['公司有规定']), ['规定']);
    });
    it('ignores punctuation and width differences too', () => {
      assert.deepEqual(found(user, '公司有 规定', ['公司有规定']), []);
    });
  });

  describe('overlaps', () => {
    it('reports a longer entry instead of one it contains', () => {
      const matches = createPhraseMatcher(recommendedLexicon).find('你必须向我道歉');
      assert.deepEqual(matches.map((m) => m.entry.id), ['demand-apology']);
    });
    it('prefers the later entry for the same text, so a user entry wins', () => {
      const user = entry({ id: 'mine', phrase: '我不知道', message: 'ours' });
      const matches = createPhraseMatcher([...recommendedLexicon, user]).find('我不知道');
      assert.deepEqual(matches.map((m) => m.entry.id), ['mine']);
    });
    it('does not repeat one entry on overlapping text', () => {
      assert.deepEqual(found([entry({ id: 'u', phrase: '对对' })], '对对对对'), ['对对', '对对']);
    });
  });

  describe('patterns run in linear time', () => {
    it('finishes a hostile pattern on a long input', () => {
      const matches = createPhraseMatcher([entry({ id: 'evil', pattern: '(a+)+$' })]).find(`${'a'.repeat(50000)}!`);
      assert.deepEqual(matches, []);
    });
    const rejected: Array<[string, RegExp]> = [
      ['(a)\\1', /backreferences/],
      ['(?<!听)不清楚', /lookahead and lookbehind/],
      ['不清楚(?=的)', /lookahead and lookbehind/],
      ['(不清楚', /invalid pattern: missing closing \)/],
      ['x*', /matches empty text/],
    ];
    for (const [pattern, message] of rejected) {
      it(`rejects ${pattern}`, () => {
        const compiled = compilePattern(pattern);
        assert.equal(compiled.ok, false);
        if (!compiled.ok) assert.match(EN.format(compiled.message), message);
      });
    }
  });

  it('reads each distinct phrase once, however many literal entries there are', () => {
    const entries = Array.from({ length: 1000 }, (_, i) => entry({ id: `e${i}`, phrase: `词${String.fromCharCode(0x4e00 + i)}${i % 7}` }));
    const matcher = createPhraseMatcher(entries);
    const phrases = Array.from({ length: 10000 }, (_, i) => `您好,词${String.fromCharCode(0x4e00 + (i % 1500))}${i % 9}请问有什么可以帮您`);
    let hits = 0;
    for (const p of phrases) hits += matcher.find(p).length;
    // A phrase seen before is answered from what the matcher found then.
    const totalLength = [...new Set(phrases)].reduce((n, p) => n + p.length, 0);
    assert.ok(hits > 0);
    assert.equal(matcher.cost.reads, totalLength);
    assert.ok(matcher.cost.fallbacks <= totalLength, `${matcher.cost.fallbacks} failure links for ${totalLength} characters`);
  });
});

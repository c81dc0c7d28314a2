/**
 * The folding that makes matching ignore width, spacing and punctuation variants, and the
 * literal automaton underneath it.
 */
import { strict as assert } from 'node:assert';
import { AhoCorasick } from '../../../server/src/language/lexicon/aho-corasick';
import { hanVariantTable } from '../../../server/src/language/lexicon/han-variants';
import { normalizeText, originOf } from '../../../server/src/language/lexicon/normalize';

describe('normalisation', () => {
  const cases: Array<[string, string]> = [
    ['您好，请问！', '您好,请问!'],
    ['（先生）：好；', '(先生):好;'],
    ['好、好。', '好,好.'],
    ['我　不 知\u00a0道', '我不知道'],
    ['ＡＢＣ１２３', 'abc123'],
    ['好……', '好......'],
    ['這樣', '这样'],
  ];
  for (const [input, output] of cases) {
    it(`folds ${JSON.stringify(input)}`, () => assert.equal(normalizeText(input).text, output));
  }

  it('remembers where each folded character came from', () => {
    const input = '我 不…';
    const n = normalizeText(input);
    assert.equal(n.text, '我不...');
    assert.deepEqual([0, 1, 2, 3, 4].map((unit) => originOf(n, unit)), [0, 2, 3, 3, 3]);
  });

  it('maps a phrase that folds unit for unit onto itself', () => {
    const n = normalizeText('這樣，好');
    assert.equal(n.text, '这样,好');
    assert.deepEqual([0, 1, 2, 3].map((unit) => originOf(n, unit)), [0, 1, 2, 3]);
  });

  it('keeps the traditional → simplified table aligned and free of chains', () => {
    const { traditional, simplified } = hanVariantTable;
    assert.equal([...traditional].length, [...simplified].length);
    for (const ch of simplified) {
      const i = traditional.indexOf(ch);
      assert.ok(i < 0 || simplified[i] === ch, `${ch} is both a target and a source`);
    }
  });
});

describe('the literal automaton', () => {
  // A small deterministic generator (mulberry32), so a failure can be replayed.
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const word = (alphabet: string, max: number): string =>
    Array.from({ length: 1 + random(max) }, () => alphabet[random(alphabet.length)]).join('');

  it('finds exactly what a naive search finds', () => {
    const alphabet = '好对不起我';
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({ length: 1 + random(6) }, () => word(alphabet, 4));
      const text = word(alphabet, 30);
      const expected: string[] = [];
      keys.forEach((key, k) => {
        for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) expected.push(`${k}@${i}`);
      });
      const actual = new AhoCorasick(keys).search(text).map((h) => `${h.key}@${h.start}`);
      assert.deepEqual(actual.sort(), expected.sort(), `keys ${keys.join('|')} in ${text}`);
    }
  });
});

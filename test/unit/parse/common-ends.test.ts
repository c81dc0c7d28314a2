/**
 * Finding an edit: the shared start and end of two texts, compared in growing and
 * shrinking blocks, agree with a character-by-character comparison wherever the texts
 * differ, however long the shared runs are.
 */
import assert from 'node:assert/strict';
import { commonPrefix, commonSuffix } from '../../../server/src/language/syntax/pieces';

function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < Math.min(a.length, b.length) && a[i] === b[i]) i++;
  return i;
}

function naiveSuffix(a: string, b: string, max: number): number {
  let n = 0;
  while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

describe('the shared ends of two texts', () => {
  const base = Array.from({ length: 40_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('');
  const places = [0, 1, 63, 64, 65, 511, 512, 513, 4095, 20_000, 39_999, 40_000];
  for (const at of places) {
    it(`finds an insertion, a deletion and a replacement at offset ${at} of 40,000 characters`, () => {
      const edited = [base.slice(0, at) + 'XY' + base.slice(at), base.slice(0, at) + base.slice(at + 3), base.slice(0, at) + 'Z' + base.slice(at + 1)];
      for (const text of edited) {
        const prefix = commonPrefix(base, text);
        assert.equal(prefix, naivePrefix(base, text));
        const max = Math.min(base.length, text.length) - prefix;
        assert.equal(commonSuffix(base, text, max), naiveSuffix(base, text, max));
      }
    });
  }
});

/**
 * The characters a lexicon pattern needs (`required-chars.ts`) decide which phrases it is
 * run on, so a wrong reading would silently hide a banned phrasing. These tests hold the
 * reading to RE2 itself: whatever RE2 matches satisfies what was read off its pattern.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { requiredChars } from '../../../server/src/language/lexicon/required-chars';
import { RequirementChecker } from '../../../server/src/language/lexicon/requirement-check';
import { normalizePattern } from '../../../server/src/language/lexicon/pattern';
import { normalizeText } from '../../../server/src/language/lexicon/normalize';
import { recommendedLexicon } from '../../../server/src/language/lexicon';

function satisfies(text: string, source: string): boolean {
  return new RequirementChecker([requiredChars(source)]).satisfied(text).length === 1;
}

describe('characters a lexicon pattern needs', () => {
  it('reads literals, repeats and alternatives', () => {
    assert.deepEqual(requiredChars('好[,.!?]*好[,.!?]*好'), [{ chars: '好', count: 3 }]);
    assert.deepEqual(requiredChars('(?:不是|不归)我们?'), [
      { chars: '不', count: 1 },
      { chars: '归是', count: 1 },
      { chars: '我', count: 1 },
    ]);
    assert.deepEqual(requiredChars('[你您](?:要|得)'), [
      { chars: '你您', count: 1 },
      { chars: '得要', count: 1 },
    ]);
    assert.deepEqual(requiredChars('(?P<phrase>清){2}'), [{ chars: '清', count: 2 }]);
  });

  it('counts a letter in every case RE2 folds it to', () => {
    assert.deepEqual(requiredChars('ok'), [
      { chars: 'Oo', count: 1 },
      { chars: 'Kk\u212a', count: 1 },
    ]);
  });

  it('says nothing where it cannot tell', () => {
    for (const source of ['\\w+', '[^的]', '.', '(?i)不', '\\x{4e0d}', '\\Q不\\E', 'a{,2}', '不?', '不|', 'É', '😀', '[\\d]']) {
      assert.deepEqual(requiredChars(source), [], source);
    }
  });

  it('reads something from every built-in pattern', () => {
    for (const entry of recommendedLexicon) {
      if (entry.pattern === undefined) continue;
      assert.ok(requiredChars(normalizePattern(entry.pattern)).length > 0, entry.id);
    }
  });

  it('knows every unit RE2 folds an ASCII letter to, and that CJK has no case', () => {
    const letters = RE2JS.compile('^[a-z]$', RE2JS.CASE_INSENSITIVE);
    const caseless = RE2JS.compile('^[\\x{2e80}-\\x{2fdf}\\x{3000}-\\x{312f}\\x{3400}-\\x{4dbf}\\x{4e00}-\\x{9fff}\\x{ac00}-\\x{d7af}\\x{f900}-\\x{faff}]$', RE2JS.CASE_INSENSITIVE);
    const folded: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (letters.matches(ch) && !/[a-z]/i.test(ch)) folded.push(ch);
      const inRanges = /[\u2e80-\u2fdf\u3000-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/.test(ch);
      assert.equal(caseless.matches(ch), inRanges, `U+${code.toString(16)}`);
    }
    assert.deepEqual(folded, ['\u017f', '\u212a']);
  });

  describe('never asks for more than RE2 matches', () => {
    const alphabet = ['不', '清', '楚', '好', '对', '我', '们', ',', '.', '!', 'a', 'k', 's', 'K', 'S', '\u212a', '\u017f', '-', ']', '^', '\n'];
    const literal = fc.constantFrom('不', '清', '楚', '好', '对', '我', 'a', 'k', 's', 'K', ',', '\\.', '\\-', '\\]', ']', '}');
    const classItem = fc.constantFrom('不', '清', 'a', 'k', 'S', ',', '.', '-', '\\-', '\\]', 'a-c', 'j-l', 'r-t', '不-与', '\\d', '[:alpha:]');
    const characterClass = fc
      .tuple(fc.boolean(), fc.array(classItem, { minLength: 1, maxLength: 4 }))
      .map(([negated, items]) => `[${negated ? '^' : ''}${items.join('')}]`);
    const quantifier = fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{1,3}', '{0,2}', '{2,}', '+?', '*?');
    const { pattern } = fc.letrec<{ pattern: string; atom: string }>((tie) => ({
      atom: fc.oneof(
        { weight: 5, arbitrary: literal },
        { weight: 2, arbitrary: characterClass },
        { weight: 1, arbitrary: fc.constantFrom('.', '^', '$', '\\w', '\\b', '\\pL', '\\p{Han}') },
        { weight: 2, arbitrary: fc.tuple(fc.constantFrom('(', '(?:', '(?P<g>'), tie('pattern')).map(([open, inner]) => `${open}${inner})`) },
      ),
      pattern: fc
        .array(fc.array(fc.tuple(tie('atom'), quantifier).map(([a, q]) => a + q), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
        .map((branches) => branches.map((b) => b.join('')).join('|')),
    }));
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 14 }).map((a) => a.join(''));

    it('on generated patterns and texts', () => {
      fc.assert(
        fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
          let regex: RE2JS;
          try {
            regex = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
          } catch {
            return;
          }
          for (const t of texts) if (regex.matcher(t).find()) assert.ok(satisfies(t, source), `${source} matches ${JSON.stringify(t)}`);
        }),
        { seed: 11, numRuns: 3000 },
      );
    });

    it('on the built-in patterns and their examples', () => {
      for (const entry of recommendedLexicon) {
        if (entry.pattern === undefined) continue;
        const source = normalizePattern(entry.pattern);
        const regex = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
        for (const example of entry.examples?.match ?? []) {
          const folded = normalizeText(example).text;
          if (regex.matcher(folded).find()) assert.ok(satisfies(folded, source), `${entry.id}: ${example}`);
        }
      }
    });
  });
});

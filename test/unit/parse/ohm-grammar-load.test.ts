/**
 * `syntax/ohm-grammar-load.ts` replaces Ohm's `Interval.prototype.trimmed`, which gives
 * every expression of the grammar its source, with a version that must return the same
 * interval for every input: compared with Ohm 17.5.0's own code on generated texts of
 * blanks (ASCII and Unicode), letters and CJK, at every start and end.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as ohm from 'ohm-js';
import '../../../server/src/language/syntax/ohm-grammar-load';

interface Interval {
  sourceString: string;
  startIdx: number;
  endIdx: number;
  contents: string;
  trimmed(): Interval;
}
type IntervalCtor = new (source: string, startIdx: number, endIdx: number) => Interval;

const rules = (ohm.ohmGrammar as unknown as { rules: Record<string, { body: { source?: Interval } }> }).rules;
const sample = Object.values(rules).find((rule) => rule.body.source)!.body.source!;
const IntervalClass = sample.constructor as IntervalCtor;

/** Ohm 17.5.0's `Interval.prototype.trimmed`, as shipped. */
function shippedTrimmed(interval: Interval): Interval {
  const { contents } = interval;
  const startIdx = interval.startIdx + contents.match(/^\s*/)![0].length;
  const endIdx = interval.endIdx - contents.match(/\s*$/)![0].length;
  return new IntervalClass(interval.sourceString, startIdx, endIdx);
}

const pieces = fc.constantFrom(' ', '\t', '\n', '\r\n', '\u3000', '\u00a0', '\ufeff', 'a', 'say', '好', '😀', '|', '"');

describe('Ohm grammar loading', () => {
  it('is installed for the pinned Ohm version', () => {
    assert.equal(ohm.version, '17.5.0');
    // Ohm's own version matches regular expressions against the contents.
    assert.equal(String(Object.getPrototypeOf(sample).trimmed).includes('contents.match'), false);
  });

  it('trims every interval exactly as Ohm as shipped does', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const source = parts.join('');
        for (let start = 0; start <= source.length; start++) {
          for (let end = start; end <= source.length; end++) {
            const interval = new IntervalClass(source, start, end);
            const ours = interval.trimmed();
            const theirs = shippedTrimmed(interval);
            assert.deepEqual([ours.startIdx, ours.endIdx, ours.sourceString === source], [theirs.startIdx, theirs.endIdx, true], JSON.stringify([source, start, end]));
            assert.ok(ours instanceof IntervalClass);
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

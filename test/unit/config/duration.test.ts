/**
 * Durations read the same in scripts and in `sop.config.json`.
 */
import { strict as assert } from 'node:assert';
import { formatDuration, parseDuration } from '../../../server/src/language/duration';

describe('durations', () => {
  const valid: Array<[string, number]> = [['5s', 5000], ['500ms', 500], ['1.5m', 90_000], ['24h', 86_400_000], ['1d', 86_400_000], ['5秒', 5000], ['3分钟', 180_000], ['2小时', 7_200_000], ['1天', 86_400_000], ['200毫秒', 200], ['0.5s', 500]];
  for (const [text, ms] of valid) it(`reads ${text}`, () => assert.equal(parseDuration(text), ms));

  for (const text of ['5', '5 s', '.5s', '5.s', '-5s', '5sec', 's', '', '5S']) {
    it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseDuration(text), undefined));
  }

  it('writes durations back in the largest unit that fits', () => {
    assert.deepEqual([0, 250, 1500, 5000, 90_000, 60_000, 86_400_000, 90_000_000].map(formatDuration), ['0s', '250ms', '1.5s', '5s', '90s', '1m', '1d', '25h']);
  });

  it('reads back what it writes', () => {
    for (const ms of [1, 999, 1000, 1500, 61_000, 3_600_000, 86_400_000 * 3]) assert.equal(parseDuration(formatDuration(ms)), ms);
  });
});

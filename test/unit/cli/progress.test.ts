import assert from 'node:assert/strict';
import { createProgress, PROGRESS_DELAY_MS } from '../../../server/src/cli/progress';

/** A terminal (or not) that records what is written, and a clock the test moves. */
function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  return {
    stream: { isTTY, write: (text: string) => written.push(text) },
    written,
    clock: () => now,
    advance: (ms: number) => (now += ms),
  };
}

describe('the progress line', () => {
  it('appears on a terminal once the run passes ~2 s, shows files done / total, and is erased at the end', () => {
    const t = fakeTerminal(true);
    const progress = createProgress(10, t.stream, { quiet: false, now: t.clock });
    progress.tick(1);
    t.advance(PROGRESS_DELAY_MS - 1);
    progress.tick(2);
    assert.deepEqual(t.written, [], 'a quick run stays silent');
    t.advance(1);
    progress.tick(3);
    assert.deepEqual(t.written, ['\r\x1b[2Ksop: 3/10 files']);
    progress.tick(4); // within the refresh interval: not redrawn
    t.advance(200);
    progress.tick(5);
    assert.equal(t.written.at(-1), '\r\x1b[2Ksop: 5/10 files');
    progress.tick(10); // the last file is always shown
    assert.equal(t.written.at(-1), '\r\x1b[2Ksop: 10/10 files');
    progress.end();
    assert.equal(t.written.at(-1), '\r\x1b[2K');
    assert.equal(t.written.length, 4);
  });

  it('erases nothing when it never appeared', () => {
    const t = fakeTerminal(true);
    const progress = createProgress(3, t.stream, { quiet: false, now: t.clock });
    progress.tick(3);
    progress.end();
    assert.deepEqual(t.written, []);
  });

  for (const [name, isTTY, quiet] of [
    ['not a terminal', false, false],
    ['--quiet', true, true],
  ] as const) {
    it(`is silent when ${name}`, () => {
      const t = fakeTerminal(isTTY);
      const progress = createProgress(10, t.stream, { quiet, now: t.clock });
      t.advance(10_000);
      progress.tick(5);
      progress.end();
      assert.deepEqual(t.written, []);
    });
  }
});

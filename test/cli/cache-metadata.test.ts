import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN } from './fixtures';
import { runSop, useProjects } from './helpers';

/**
 * The metadata pre-check of `--cache` (`cli/cache/stat-key.ts`): a script whose size,
 * times and inode are as recorded is not read again. `SOP_CACHE_RACY_WINDOW_MS=0` lets a
 * test record scripts it has just written, which a real run leaves for its next run.
 */
const DEBUG = { SOP_DEBUG: '1' };
const TRUSTING = { ...DEBUG, SOP_CACHE_RACY_WINDOW_MS: '0' };
const counts = (stderr: string): { cached: number; unread: number } => {
  const match = /(\d+) from the cache \((\d+) of them not read/.exec(stderr);
  return { cached: Number(match?.[1] ?? NaN), unread: Number(match?.[2] ?? NaN) };
};
/** The same size as `CLEAN`, with an error (an unknown step). */
const SAME_SIZE_BROKEN = CLEAN.replace('reply end', 'reply xyz');

describe('sop check --cache: the metadata pre-check', function () {
  this.timeout(60_000);
  const project = useProjects();

  it('takes a script whose size and times are as recorded without reading it; a touched one is read and still served', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN });
    const first = runSop(['check', '--cache'], { cwd: dir, env: TRUSTING });
    assert.equal(first.code, 0);
    const second = runSop(['check', '--cache'], { cwd: dir, env: TRUSTING });
    assert.deepEqual(counts(second.stderr), { cached: 2, unread: 2 });
    assert.equal(second.stdout, first.stdout);
    // Touched (new times, same bytes): read and hashed again, and still from the cache.
    const now = new Date();
    fs.utimesSync(path.join(dir, 'a.sop'), now, now);
    const touched = runSop(['check', '--cache'], { cwd: dir, env: TRUSTING });
    assert.deepEqual(counts(touched.stderr), { cached: 2, unread: 1 });
    assert.equal(touched.stdout, first.stdout);
  });

  it('checks again a script rewritten to the same size with its old modification time forged back', () => {
    assert.equal(SAME_SIZE_BROKEN.length, CLEAN.length);
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN });
    const file = path.join(dir, 'a.sop');
    // A whole second, which `utimes` can set back exactly (it takes seconds as a number).
    const old = 1_600_000_000;
    fs.utimesSync(file, old, old);
    assert.equal(runSop(['check', '--cache'], { cwd: dir, env: TRUSTING }).code, 0);
    const before = fs.statSync(file, { bigint: true });
    fs.writeFileSync(file, SAME_SIZE_BROKEN);
    fs.utimesSync(file, old, old);
    const after = fs.statSync(file, { bigint: true });
    assert.equal(after.mtimeNs, before.mtimeNs);
    assert.equal(after.size, before.size);
    assert.equal(after.ino, before.ino);
    // The change time, which no program can set back, gives it away.
    const result = runSop(['check', '--cache', '--format', 'compact'], { cwd: dir, env: TRUSTING });
    assert.deepEqual(counts(result.stderr), { cached: 1, unread: 1 });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^a\.sop:\d+:\d+: error: .*"xyz"/m);
    assert.equal(result.stdout, runSop(['check', '--format', 'compact'], { cwd: dir }).stdout);
  });

  it('does not vouch for scripts changed just before the run that hashed them: they are read again next time', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN });
    runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    // Written a moment ago, within the file system's clock's reach of that run: read again.
    const next = runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    assert.deepEqual(counts(next.stderr), { cached: 2, unread: 0 });
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, BROKEN_FIRST, CLEAN, UNFORMATTED } from './fixtures';
import { listFiles, runSop, useProjects } from './helpers';

describe('sop fmt', function () {
  this.timeout(60_000);
  const project = useProjects();
  const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');


  it('--check lists the files that would change, changes nothing and exits 1', () => {
    const dir = project({ 'messy.sop': UNFORMATTED, 'tidy.sop': CLEAN });
    const result = runSop(['fmt', '--check'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, 'messy.sop\n');
    assert.match(result.stderr, /1 of 2 files would be reformatted/);
    assert.equal(read(dir, 'messy.sop'), UNFORMATTED);
  });

  it('--check exits 0 when every file is formatted', () => {
    const dir = project({ 'tidy.sop': CLEAN });
    const result = runSop(['fmt', '--check'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '');
  });

  it('formats in place, only the files that change, leaving no temporary file', () => {
    const dir = project({ 'messy.sop': UNFORMATTED, 'tidy.sop': CLEAN });
    const tidyBefore = fs.statSync(path.join(dir, 'tidy.sop')).mtimeMs;
    const result = runSop(['fmt'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^formatted messy\.sop$/m);
    assert.doesNotMatch(result.stdout, /formatted tidy\.sop/);
    assert.notEqual(read(dir, 'messy.sop'), UNFORMATTED);
    assert.equal(fs.statSync(path.join(dir, 'tidy.sop')).mtimeMs, tidyBefore);
    assert.deepEqual(listFiles(dir), ['messy.sop', 'tidy.sop']);
    // The result is stable: a second run finds nothing to do.
    assert.equal(runSop(['fmt', '--check'], { cwd: dir }).code, 0);
  });

  it('keeps a byte-order mark', () => {
    const dir = project({ 'bom.sop': `\ufeff${UNFORMATTED}` });
    assert.equal(runSop(['fmt'], { cwd: dir }).code, 0);
    assert.ok(read(dir, 'bom.sop').startsWith('\ufeffsituation closing'));
  });

  for (const args of [['fmt'], ['fmt', '--check']]) {
    it(`${args.join(' ')} leaves a file with syntax errors untouched and names the first error`, () => {
      const dir = project({ 'broken.sop': BROKEN });
      const result = runSop(args, { cwd: dir });
      assert.equal(result.code, 1);
      assert.match(result.stderr, new RegExp(`^broken\\.sop:${BROKEN_FIRST.line}:${BROKEN_FIRST.column}: error: not formatted: .+ \\[syntax\\]$`, 'm'));
      assert.equal(read(dir, 'broken.sop'), BROKEN);
    });
  }
});

/**
 * `bin/sop.js` starts one of two bundles: the core (`dist/cli/sop-core.js`) for `check`,
 * `build`, `--version` and `--help`, the whole CLI (`dist/cli/sop.js`) for the rest. The
 * choice must never show: every command line prints what the whole CLI prints, the core
 * hands a command it lacks to the whole CLI, and both share one `--cache` file.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { BROKEN, CLEAN } from './fixtures';
import { ROOT, runSop, useProjects } from './helpers';

const WHOLE = path.join(ROOT, 'dist/cli/sop.js');
const CORE = path.join(ROOT, 'dist/cli/sop-core.js');

describe('sop start-up: the core bundle and the whole CLI', function () {
  this.timeout(60_000);
  const project = useProjects();

  it('prints through bin/sop.js exactly what the whole CLI prints, in both languages', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': BROKEN, 'a.sop-test.yaml': 'script: a.sop\ncases: []\n' });
    const lines = [
      ['check'],
      ['check', '--format', 'json'],
      ['--locale', 'zh-CN', 'check'],
      ['--locale=zh-CN', 'check', '--format', 'compact'],
      ['check', 'missing.sop'],
      ['check', '--bogus'],
      ['build', '--out', 'out'],
      ['--locale', 'zh-CN', 'build', '--help'],
      ['--version'],
      ['--help'],
      ['--locale', 'zh-CN', 'help'],
      [],
      ['--locale'],
      ['chekc'],
      ['toString'],
      ['fmt', '--check', 'a.sop'],
      ['graph', 'a.sop'],
      ['--locale', 'zh-CN', 'export', '--bogus'],
    ];
    for (const args of lines) {
      const viaBin = runSop(args, { cwd: dir });
      const whole = runSop(args, { cwd: dir, entry: WHOLE });
      assert.deepEqual(viaBin, whole, `sop ${args.join(' ')}`);
    }
  });

  it('the core runs check and build itself and hands any other command to the whole CLI', () => {
    const dir = project({ 'a.sop': CLEAN });
    for (const args of [['check'], ['fmt', '--check', 'a.sop'], ['graph', 'a.sop'], ['nonsense']]) {
      assert.deepEqual(runSop(args, { cwd: dir, entry: CORE }), runSop(args, { cwd: dir, entry: WHOLE }), `sop ${args.join(' ')}`);
    }
  });

  it('an unknown command gets the closest of all commands, whichever bundle started', () => {
    const dir = project({ 'a.sop': CLEAN });
    const result = runSop(['--locale', 'en', 'expor'], { cwd: dir, entry: CORE });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /"export"/);
  });

  it('check (the core) and export (the whole CLI) share one --cache file', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN });
    const env = { SOP_DEBUG: '1' };
    assert.equal(runSop(['export', '--target', 'phrases', '--cache', '--out', 'out'], { cwd: dir, env }).code, 0);
    const check = runSop(['check', '--cache'], { cwd: dir, env });
    assert.equal(check.code, 0);
    assert.match(check.stderr, /2 from the cache/);
  });
});

/**
 * The progress line on a real (pseudo-)terminal, made by util-linux's `script`; the
 * writer's timing rules are unit-tested in test/unit/cli/progress.test.ts.
 * `SOP_PROGRESS_DELAY_MS=0` shows the line at once instead of after ~2 s.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN } from './fixtures';
import { runSop, SOP, useProjects } from './helpers';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs `sop` with stderr on a pseudo-terminal and stdout in a file; returns both. */
function onTerminal(dir: string, args: string[], env: Record<string, string>): { terminal: string; stdout: string } {
  const command = [process.execPath, SOP, ...args].map((a) => `'${a}'`).join(' ');
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ');
  const run = spawnSync('script', ['-qec', `env ${assignments} ${command} > stdout.txt`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
  return { terminal: run.stdout, stdout: fs.readFileSync(path.join(dir, 'stdout.txt'), 'utf8') };
}

describe('sop check: the progress line', function () {
  this.timeout(60_000);
  const project = useProjects();
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`s${i}.sop`] = CLEAN;

  it('is drawn on a terminal as files done / total, and erased at the end', function () {
    if (!hasScript) this.skip();
    const dir = project(files);
    const { terminal, stdout } = onTerminal(dir, ['check', '.', '--jobs', '1'], { SOP_PROGRESS_DELAY_MS: '0' });
    assert.match(terminal, /\r\x1b\[2Ksop: \d+\/12 files/);
    assert.match(terminal, /sop: 12\/12 files\r\x1b\[2K$/, 'the last thing written erases the line');
    assert.equal(stdout, runSop(['check', '.'], { cwd: dir }).stdout, 'the results are untouched');
  });

  it('stays away from a quick run, from --quiet and from a stream that is not a terminal', function () {
    const dir = project(files);
    if (hasScript) {
      assert.equal(onTerminal(dir, ['check', '.'], {}).terminal, '', 'a run shorter than ~2 s');
      assert.equal(onTerminal(dir, ['check', '.', '--quiet'], { SOP_PROGRESS_DELAY_MS: '0' }).terminal, '');
    }
    assert.equal(runSop(['check', '.'], { cwd: dir, env: { SOP_PROGRESS_DELAY_MS: '0' } }).stderr, '');
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, CLEAN, HALF_SECOND, TRANSFER } from './fixtures';
import { listFiles, runSop, useProjects, writeFile } from './helpers';

/** `SOP_DEBUG=1` makes a run say how many scripts came from the cache. */
const DEBUG = { SOP_DEBUG: '1' };
const fromCache = (stderr: string): number => Number(/(\d+) from the cache/.exec(stderr)?.[1] ?? NaN);
const withoutDebug = (stderr: string): string => stderr.replace(/^sop: \d+ scripts: .*\n/m, '');

const MAIN = CLEAN.replace('script "测试"\n', 'script "测试"\nimport "lib.sop"\n').replace('reply end', 'reply goto helper');
const LIB = `situation helper "帮助" {\n  say "感谢您的来电,再见!"\n  wait 5s\n  hangup\n}\n`;

/** Every file below `dir` with its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]));
}

/** Clean scripts, broken ones, ones Connect cannot express, and unmapped transfers, in a few folders. */
function manyScripts(): Record<string, string> {
  const files: Record<string, string> = {};
  const kinds = [CLEAN, HALF_SECOND, TRANSFER, BROKEN, CLEAN.replace('您好', '早上好')];
  for (let i = 0; i < 20; i++) files[`scripts/team${i % 3}/s${String(i).padStart(2, '0')}.sop`] = kinds[i % kinds.length];
  return files;
}

describe('sop export on the run layer (--jobs, --cache, --root)', function () {
  this.timeout(120_000);
  const project = useProjects();

  for (const target of ['connect', 'phrases']) {
    it(`--target ${target}: the same report and the same files with worker threads as in one thread`, () => {
      const dir = project(manyScripts());
      const serial = runSop(['export', 'scripts', '--target', target, '--out', 'one', '--jobs', '1'], { cwd: dir });
      const parallel = runSop(['export', 'scripts', '--target', target, '--out', 'two', '--jobs', '2'], { cwd: dir, env: DEBUG });
      assert.equal(serial.code, 1, serial.stdout + serial.stderr);
      assert.equal(parallel.code, serial.code);
      assert.match(parallel.stderr, /on 2 threads/);
      assert.equal(parallel.stdout.replace(/ to two\//, ' to one/'), serial.stdout);
      assert.equal(withoutDebug(parallel.stderr), serial.stderr);
      if (target === 'connect') {
        assert.match(serial.stdout, /export-limit$/m);
        assert.match(serial.stdout, /export-unmapped-queue$/m);
      } else {
        assert.match(serial.stdout, /^exported 16 scripts \(phrases\) to one\/ \(4 failed\)$/m);
      }
      assert.deepEqual(snapshot(path.join(dir, 'two')), snapshot(path.join(dir, 'one')));
      assert.ok(listFiles(path.join(dir, 'one')).length >= 8);
    });
  }

  it('--cache: a second run comes from the cache with the same report, and every output file is checked', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': TRANSFER, 'c.sop': BROKEN });
    const first = runSop(['export', '--target', 'phrases', '--cache'], { cwd: dir, env: DEBUG });
    const second = runSop(['export', '--target', 'phrases', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(first.code, 1);
    assert.equal(second.code, 1);
    assert.equal(fromCache(first.stderr), 0);
    assert.equal(fromCache(second.stderr), 3);
    assert.equal(second.stdout, first.stdout);
    const files = snapshot(path.join(dir, 'out'));
    assert.deepEqual(Object.keys(files), ['a.phrases.csv', 'a.phrases.xlf', 'b.phrases.csv', 'b.phrases.xlf']);
    // The second file of a script is checked too: a deleted one makes that script run again.
    fs.rmSync(path.join(dir, 'out/a.phrases.xlf'));
    const third = runSop(['export', '--target', 'phrases', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(third.stderr), 2);
    assert.deepEqual(snapshot(path.join(dir, 'out')), files);
  });

  it('--cache: the findings of a script the target cannot express come back from the cache', () => {
    const dir = project({ 'a.sop': HALF_SECOND, 'b.sop': TRANSFER });
    const first = runSop(['export', '--target', 'connect', '--cache'], { cwd: dir });
    writeFile(dir, 'out/a.connect.json', '{}');
    const second = runSop(['export', '--target', 'connect', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(second.stderr), 2);
    assert.equal(second.code, 1);
    assert.equal(second.stdout, first.stdout.replace(/\n(exported)/, '\nremoved out/a.connect.json, the output of an earlier export of a.sop\n$1'));
    assert.match(second.stdout, /^  3:3\s+error\s+Amazon Connect waits whole seconds .+export-limit$/m);
    assert.match(second.stdout, /^  3:3\s+warning\s+.+export-unmapped-queue$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['b.connect.json']);
    // --quiet keeps the errors only, from the cache as from a fresh run.
    const quiet = runSop(['export', '--target', 'connect', '--cache', '--quiet'], { cwd: dir });
    assert.doesNotMatch(quiet.stdout, /export-unmapped-queue/);
    assert.match(quiet.stdout, /export-limit$/m);
  });

  it('--cache: a changed import re-exports the scripts that import it; another target or --start has its own entry', () => {
    const dir = project({ 'main.sop': MAIN, 'lib.sop': LIB, 'other.sop': CLEAN });
    assert.equal(runSop(['export', '--target', 'voicexml', '--cache'], { cwd: dir }).code, 0);
    writeFile(dir, 'lib.sop', LIB.replace('感谢您的来电', '谢谢您的来电'));
    const changed = runSop(['export', '--target', 'voicexml', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(changed.code, 0, changed.stdout + changed.stderr);
    assert.equal(fromCache(changed.stderr), 1, 'only other.sop comes from the cache');
    assert.match(fs.readFileSync(path.join(dir, 'out/main.vxml'), 'utf8'), /谢谢您的来电/);

    const other = runSop(['export', '--target', 'studio', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(other.stderr), 0, 'the voicexml entries are not reused for studio');
    assert.deepEqual(listFiles(path.join(dir, 'out')).filter((f) => f.endsWith('.studio.json')).length, 3);
    const back = runSop(['export', '--target', 'voicexml', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(back.stderr), 3, 'both targets are kept');
    const started = runSop(['export', '--target', 'voicexml', '--cache', '--start', 'helper'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(started.stderr), 0, '--start is part of the key');
  });

  it('--cache: a changed export setting in sop.config.json re-exports the scripts under it', () => {
    const arn = 'arn:aws:connect:ap-northeast-1:111122223333:instance/abc/queue/def';
    const dir = project({ 'team/sop.config.json': '{}', 'team/a.sop': TRANSFER, 'b.sop': TRANSFER });
    const first = runSop(['export', '--target', 'connect', '--cache'], { cwd: dir });
    assert.match(first.stdout, /^team\/a\.sop$/m);
    writeFile(dir, 'team/sop.config.json', JSON.stringify({ export: { queues: { 投诉处理组: { connect: arn } } } }));
    const result = runSop(['export', '--target', 'connect', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(result.stderr), 1);
    assert.doesNotMatch(result.stdout, /^team\/a\.sop$/m);
    assert.ok(fs.readFileSync(path.join(dir, 'out/team/a.connect.json'), 'utf8').includes(arn));
  });

  it('exporting from two working folders gives byte-identical files, with paths relative to the project folder', () => {
    const withImport = CLEAN.replace('script "测试"\n', 'script "测试"\nimport "../shared/closing.sop"\n').replace('reply end', 'reply goto closing');
    const dir = project({
      'repo/sop.config.json': '{}',
      'repo/scripts/main.sop': withImport,
      'repo/shared/closing.sop': 'situation closing "结束" {\n  say "感谢您的耐心,再见!"\n  wait 5s\n  hangup\n}\n',
      'elsewhere/deep/.keep': '',
    });
    for (const target of ['voicexml', 'connect', 'studio', 'phrases']) {
      const one = path.join(dir, 'one', target);
      const two = path.join(dir, 'two', target);
      const fromRepo = runSop(['export', 'scripts/main.sop', '--target', target, '--out', one], { cwd: path.join(dir, 'repo') });
      const fromElsewhere = runSop(['export', path.join(dir, 'repo/scripts'), '--target', target, '--out', two], { cwd: path.join(dir, 'elsewhere/deep') });
      assert.equal(fromRepo.code, 0, fromRepo.stdout + fromRepo.stderr);
      assert.equal(fromElsewhere.code, 0, fromElsewhere.stdout + fromElsewhere.stderr);
      const files = snapshot(one);
      assert.deepEqual(snapshot(two), files);
      for (const text of Object.values(files)) assert.ok(!text.includes('..') && !text.includes(dir), `no path leaves the project folder (${target})`);
    }
    const csv = fs.readFileSync(path.join(dir, 'one/phrases/main.phrases.csv'), 'utf8');
    assert.match(csv, /,scripts\/main\.sop,/);
    assert.match(csv, /,shared\/closing\.sop,/);
    assert.match(fs.readFileSync(path.join(dir, 'one/phrases/main.phrases.xlf'), 'utf8'), /<note category="location">shared\/closing\.sop:\d+:\d+<\/note>/);
    assert.match(fs.readFileSync(path.join(dir, 'one/voicexml/main.vxml'), 'utf8'), /from scripts\/main\.sop\./);
    // --root names another project folder.
    assert.equal(runSop(['export', 'repo/scripts/main.sop', '--root', '.', '--target', 'voicexml', '--out', 'rooted'], { cwd: dir }).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'rooted/main.vxml'), 'utf8'), /from repo\/scripts\/main\.sop\./);
  });
});

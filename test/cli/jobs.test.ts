import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BROKEN, CLEAN } from './fixtures';
import { listFiles, ROOT, runSop, useProjects } from './helpers';

const GBK_BYTES = new Uint8Array([0x73, 0x61, 0x79, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);

/** Thirty scripts in a few folders: clean ones, broken ones, one with a warning, one unreadable import, one unreadable script. */
function manyScripts(): Record<string, string | Uint8Array> {
  const files: Record<string, string | Uint8Array> = { 'scripts/gbk.sop.txt': GBK_BYTES, 'scripts/team2/gbk.sop': GBK_BYTES };
  for (let i = 0; i < 30; i++) {
    const folder = `scripts/team${i % 4}`;
    const text = i % 7 === 3 ? BROKEN : i % 5 === 1 ? CLEAN.replace('wait 5s\n    hangup', 'hangup') : CLEAN;
    files[`${folder}/s${String(i).padStart(2, '0')}.sop`] = text;
  }
  files['scripts/team1/with-import.sop'] = CLEAN.replace('script "测试"\n', 'script "测试"\nimport "../gbk.sop.txt"\n');
  return files;
}

describe('sop check / build --jobs', function () {
  this.timeout(120_000);
  const project = useProjects();

  for (const format of ['stylish', 'json', 'sarif', 'compact']) {
    it(`check --format ${format}: the same bytes with worker threads as in one thread`, () => {
      const dir = project(manyScripts());
      const serial = runSop(['check', 'scripts', '--format', format, '--jobs', '1'], { cwd: dir });
      const parallel = runSop(['check', 'scripts', '--format', format, '--jobs', '3'], { cwd: dir, env: { SOP_DEBUG: '1' } });
      assert.equal(serial.code, 2, 'the unreadable import makes it exit 2');
      assert.equal(parallel.code, serial.code);
      assert.equal(parallel.stdout, serial.stdout);
      assert.match(parallel.stderr, /checked on 3 threads \(the main thread and 2 workers\)/);
      assert.equal(parallel.stderr.replace(/^sop: \d+ scripts: .*\n/m, ''), serial.stderr);
    });
  }

  it('build: the same outputs and the same report with worker threads', () => {
    const dir = project(manyScripts());
    const serial = runSop(['build', 'scripts', '--out', 'one', '--jobs', '1'], { cwd: dir });
    const parallel = runSop(['build', 'scripts', '--out', 'one', '--jobs', '2'], { cwd: dir });
    assert.equal(parallel.stdout, serial.stdout);
    const outputs = listFiles(path.join(dir, 'one'));
    const before = outputs.map((f) => fs.readFileSync(path.join(dir, 'one', f), 'utf8'));
    fs.rmSync(path.join(dir, 'one'), { recursive: true });
    runSop(['build', 'scripts', '--out', 'one', '--jobs', '4'], { cwd: dir });
    assert.deepEqual(listFiles(path.join(dir, 'one')), outputs);
    assert.deepEqual(outputs.map((f) => fs.readFileSync(path.join(dir, 'one', f), 'utf8')), before);
    assert.ok(outputs.length > 10);
  });

  it('a broken configuration stops a parallel build before anything is written, with workers already started', () => {
    const dir = project({ ...manyScripts(), 'scripts/team3/sop.config.json': '{ "rules": { "no-such-rule": "error" } }\n' });
    const result = runSop(['build', 'scripts', '--jobs', '2'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /sop\.config\.json:1:\d+/);
    assert.match(result.stderr, /fix the configuration above before running again/);
    assert.equal(fs.existsSync(path.join(dir, 'out')), false);
    assert.equal(result.stdout, '');
  });

  it('with --cache too: the same bytes in parallel as in one thread, and from the cache afterwards', () => {
    const dir = project(manyScripts());
    const serial = runSop(['check', 'scripts', '--jobs', '1'], { cwd: dir });
    const first = runSop(['check', 'scripts', '--jobs', '2', '--cache'], { cwd: dir });
    const again = runSop(['check', 'scripts', '--jobs', '2', '--cache'], { cwd: dir });
    assert.equal(first.stdout, serial.stdout);
    assert.equal(first.stderr, serial.stderr);
    assert.equal(again.stdout, serial.stdout);
    assert.equal(again.stderr, serial.stderr);
  });

  it('bad usage: --jobs must be a whole number from 1', () => {
    const dir = project({ 'a.sop': CLEAN });
    for (const value of ['0', 'two', '-1']) {
      const result = runSop(['check', '--jobs', value], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /--jobs needs a whole number from 1 to 64/);
    }
  });

  it('works from the installed package: bin/sop.js and dist/ without the sources', () => {
    // What `npm install` puts in node_modules/sop-studio: the manifest, bin/ and dist/.
    const installed = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-installed-'));
    try {
      fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(installed, 'package.json'));
      fs.cpSync(path.join(ROOT, 'bin'), path.join(installed, 'bin'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'dist/cli'), path.join(installed, 'dist/cli'), { recursive: true });
      const dir = project(manyScripts());
      const entry = path.join(installed, 'bin/sop.js');
      const parallel = runSop(['build', 'scripts', '--jobs', '2'], { cwd: dir, entry, env: { SOP_DEBUG: '1' } });
      assert.match(parallel.stderr, /checked on 2 threads \(the main thread and 1 worker\)/);
      assert.equal(parallel.stdout, runSop(['build', 'scripts', '--jobs', '1', '--out', 'serial'], { cwd: dir, entry }).stdout.replace('serial/', 'out/'));
    } finally {
      fs.rmSync(installed, { recursive: true, force: true });
    }
  });
});

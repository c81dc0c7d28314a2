import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, CLEAN } from './fixtures';
import { runSop, useProjects, writeFile } from './helpers';

/** `SOP_DEBUG=1` makes a run say how many scripts came from the cache. */
const DEBUG = { SOP_DEBUG: '1' };
const fromCache = (stderr: string): number => Number(/(\d+) from the cache/.exec(stderr)?.[1] ?? NaN);

/** A script with one warning-free finding that depends on what its import defines. */
const MAIN = CLEAN.replace('script "测试"\n', 'script "测试"\nimport "lib.sop"\n').replace('reply end', 'reply goto helper');
const LIB = `situation helper "帮助" {\n  say "感谢您的来电,再见!"\n  wait 5s\n  hangup\n}\n`;

describe('sop check / build --cache', function () {
  this.timeout(60_000);
  const project = useProjects();

  it('gives the same output from the cache, and writes .sopcache in the current folder', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': BROKEN });
    const first = runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    const second = runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(first.code, 1);
    assert.equal(second.code, 1);
    assert.equal(second.stdout, first.stdout);
    assert.equal(fromCache(first.stderr), 0);
    assert.equal(fromCache(second.stderr), 2);
    const cache = fs.readFileSync(path.join(dir, '.sopcache'), 'utf8');
    assert.match(cache, /^\{"format":"sop-cache\/3","tool":/);
    // Without --cache nothing is read or written.
    fs.rmSync(path.join(dir, '.sopcache'));
    assert.equal(runSop(['check'], { cwd: dir }).code, 1);
    assert.ok(!fs.existsSync(path.join(dir, '.sopcache')));
  });

  it('results cached by a parallel run serve a serial one, with the same output', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`s${i}.sop`] = i % 3 === 0 ? BROKEN : CLEAN;
    const dir = project(files);
    const parallel = runSop(['check', '--cache', '--jobs', '2', '--format', 'json'], { cwd: dir });
    const serial = runSop(['check', '--cache', '--jobs', '1', '--format', 'json'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(serial.stderr), 10);
    assert.equal(serial.stdout, parallel.stdout);
  });

  it('a changed import re-checks exactly the scripts that import it', () => {
    const dir = project({ 'main.sop': MAIN, 'lib.sop': LIB, 'other.sop': CLEAN });
    const first = runSop(['check', '--cache'], { cwd: dir });
    assert.equal(first.code, 0, first.stdout + first.stderr);
    writeFile(dir, 'lib.sop', LIB.replace('helper', 'renamed'));
    const result = runSop(['check', '--cache', '--format', 'compact'], { cwd: dir, env: DEBUG });
    // main.sop now jumps to a situation that is gone; lib.sop changed itself; only
    // other.sop comes from the cache.
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^main\.sop:\d+:\d+: error: .*helper.* \[unknown-situation\]$/m);
    assert.equal(fromCache(result.stderr), 1);
  });

  it('a missing import that appears re-checks the script that wanted it', () => {
    const dir = project({ 'main.sop': MAIN });
    assert.equal(runSop(['check', '--cache'], { cwd: dir }).code, 1);
    writeFile(dir, 'lib.sop', LIB);
    const result = runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(result.code, 0, result.stdout);
    assert.equal(fromCache(result.stderr), 0);
  });

  it('a changed configuration re-checks exactly the scripts under it; --rule counts as configuration', () => {
    const dir = project({ 'team/sop.config.json': '{}', 'team/a.sop': BROKEN, 'b.sop': BROKEN });
    assert.equal(runSop(['check', '--cache'], { cwd: dir }).code, 1);
    writeFile(dir, 'team/sop.config.json', '{ "rules": { "syntax": "off" } }');
    const changed = runSop(['check', '--cache', '--format', 'compact'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(changed.stderr), 1);
    assert.doesNotMatch(changed.stdout, /^team\/a\.sop/m);
    const ruled = runSop(['check', '--cache', '--rule', 'syntax=warning'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(ruled.stderr), 0);
    assert.equal(ruled.code, 0);
  });

  it('ignores a damaged cache with a one-line notice and rewrites it', () => {
    const dir = project({ 'a.sop': BROKEN, '.sopcache': '{"format":"sop-cache/2","tool":"x","entries":{"/a.sop":' });
    const expected = runSop(['check'], { cwd: dir }).stdout;
    const result = runSop(['check', '--cache'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, expected);
    assert.match(result.stderr, /^sop: ignoring the cache \.sopcache: it is not complete JSON; it will be rewritten\n$/);
    assert.equal(runSop(['check', '--cache'], { cwd: dir }).stderr, '', 'the rewritten cache is read without a notice');
  });

  it('never trusts an entry of the wrong shape', () => {
    const dir = project({ 'a.sop': BROKEN });
    runSop(['check', '--cache'], { cwd: dir });
    const file = path.join(dir, '.sopcache');
    const [header, ...entries] = fs.readFileSync(file, 'utf8').split('\n');
    const damaged = entries.map((line) => {
      if (line === '') return line;
      const row = JSON.parse(line) as unknown[];
      row[6] = [{ uri: 'x', line: 0 }];
      return JSON.stringify(row);
    });
    fs.writeFileSync(file, [header, ...damaged].join('\n'));
    const result = runSop(['check', '--cache', '--format', 'compact'], { cwd: dir });
    assert.match(result.stderr, /^sop: ignoring the cache \.sopcache: the entry of .*a\.sop is malformed; it will be rewritten$/m);
    assert.match(result.stdout, /^a\.sop:2:20: error: /m);
  });

  it('never trusts an entry edited after it was written, even one of the right shape', () => {
    const dir = project({ 'a.sop': BROKEN });
    const expected = runSop(['check', '--cache'], { cwd: dir }).stdout;
    const file = path.join(dir, '.sopcache');
    // The finding's message, rewritten: still a well-formed entry, but not what sop wrote.
    const [header, ...entries] = fs.readFileSync(file, 'utf8').split('\n');
    const edited = entries.map((line) => {
      if (line === '') return line;
      const row = JSON.parse(line) as [string, unknown, unknown, unknown, unknown, unknown, { message: string }[]];
      row[6][0].message = 'all is well';
      return JSON.stringify(row);
    });
    fs.writeFileSync(file, [header, ...edited].join('\n'));
    const result = runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    assert.match(result.stderr, /^sop: ignoring the cache \.sopcache: it was changed after sop wrote it \(its checksum does not match\); it will be rewritten$/m);
    assert.equal(fromCache(result.stderr), 0);
    assert.equal(result.stdout, expected);
  });

  it('a run that changed and dropped entries among kept ones leaves a cache the next run trusts whole', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN, 'c.sop': CLEAN, 'd.sop': CLEAN, 'e.sop': CLEAN });
    runSop(['check', '--cache'], { cwd: dir });
    // c.sop changes between kept neighbours, b.sop is gone: the file is written back as the
    // kept lines as read, c.sop's new line between them, and b.sop's line left out.
    writeFile(dir, 'c.sop', BROKEN);
    fs.rmSync(path.join(dir, 'b.sop'));
    const changed = runSop(['check', '--cache', '--format', 'compact'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(changed.stderr), 3);
    const next = runSop(['check', '--cache', '--format', 'compact'], { cwd: dir, env: DEBUG });
    assert.doesNotMatch(next.stderr, /ignoring/);
    assert.equal(fromCache(next.stderr), 4);
    assert.equal(next.stdout, changed.stdout);
    assert.match(next.stdout, /^c\.sop:\d+:\d+: error: /m);
  });

  it('never trusts a cache whose checksum was forged to match a malformed entry', () => {
    const dir = project({ 'a.sop': BROKEN });
    const expected = runSop(['check', '--cache'], { cwd: dir }).stdout;
    const file = path.join(dir, '.sopcache');
    const [headerLine] = fs.readFileSync(file, 'utf8').split('\n');
    const body = '42\n';
    const header = { ...(JSON.parse(headerLine) as object), sha256: createHash('sha256').update(body).digest('hex') };
    fs.writeFileSync(file, `${JSON.stringify(header)}\n${body}`);
    const result = runSop(['check', '--cache'], { cwd: dir, env: DEBUG });
    assert.match(result.stderr, /^sop: ignoring the cache \.sopcache: the entry of #1 is malformed; it will be rewritten$/m);
    assert.equal(fromCache(result.stderr), 0);
    assert.equal(result.stdout, expected);
  });

  it('leaves a file that is not a cache alone, with a notice', () => {
    const dir = project({ 'a.sop': CLEAN, 'notes.txt': 'my notes\n' });
    const result = runSop(['check', '--cache-location', 'notes.txt'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^sop: ignoring notes\.txt: it is not a sop cache file, so it is left as it is and nothing is cached\n$/);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'my notes\n');
  });

  it('--cache-location names a file, or a folder that gets .sopcache', () => {
    const dir = project({ 'a.sop': CLEAN });
    assert.equal(runSop(['check', '--cache-location', 'tmp/sop-cache.json'], { cwd: dir }).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'tmp/sop-cache.json')));
    assert.equal(runSop(['check', '--cache', '--cache-location', 'caches/'], { cwd: dir }).code, 0);
    assert.ok(fs.existsSync(path.join(dir, 'caches/.sopcache')));
  });

  it('build: a cached script still has its output, and a deleted or edited output is made again', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN });
    assert.equal(runSop(['build', '--cache'], { cwd: dir }).code, 0);
    const original = fs.readFileSync(path.join(dir, 'out/a.json'), 'utf8');
    fs.rmSync(path.join(dir, 'out/a.json'));
    fs.writeFileSync(path.join(dir, 'out/b.json'), '{}');
    const result = runSop(['build', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(result.code, 0);
    assert.equal(fromCache(result.stderr), 0);
    assert.equal(fs.readFileSync(path.join(dir, 'out/a.json'), 'utf8'), original);
    assert.equal(fs.readFileSync(path.join(dir, 'out/b.json'), 'utf8'), original.replace(/a\.sop/g, 'b.sop'));
    const warm = runSop(['build', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(fromCache(warm.stderr), 2);
    assert.match(warm.stdout, /^compiled 2 scripts to out\/$/m);
    // Another output folder is not the one the cache knows: it is written.
    assert.equal(runSop(['build', '--cache', '--out', 'other'], { cwd: dir }).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'other/a.json'), 'utf8'), original);
  });

  it('build: a script that failed before still fails from the cache, and its old output goes', () => {
    const dir = project({ 'a.sop': BROKEN });
    assert.equal(runSop(['build', '--cache'], { cwd: dir }).code, 1);
    writeFile(dir, 'out/a.json', '{}');
    const result = runSop(['build', '--cache'], { cwd: dir, env: DEBUG });
    assert.equal(result.code, 1);
    assert.equal(fromCache(result.stderr), 1);
    assert.ok(!fs.existsSync(path.join(dir, 'out/a.json')));
    assert.match(result.stdout, /^removed out\/a\.json/m);
  });
});

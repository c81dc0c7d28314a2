import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, BROKEN_FIRST, CLEAN } from './fixtures';
import { listFiles, runSop, useProjects, writeFile } from './helpers';

describe('sop build', function () {
  this.timeout(60_000);
  const project = useProjects();


  it('writes one JSON per clean script, mirroring the folders below the inputs', () => {
    const dir = project({ 'scripts/a.sop': CLEAN, 'scripts/team/b.sop': CLEAN });
    const result = runSop(['build', 'scripts'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['a.json', 'team/b.json']);
    assert.match(result.stdout, /^compiled 2 scripts to out\/$/m);

    const text = fs.readFileSync(path.join(dir, 'out/team/b.json'), 'utf8');
    const compiled = JSON.parse(text) as { format: string };
    assert.equal(compiled.format, 'sop-script/1');
    // Source paths are relative to the project folder (here the inputs' folder), with `/`.
    assert.ok(text.includes('"file": "team/b.sop"'), 'names the script relative to the project folder');
    assert.ok(!text.includes(dir), 'holds no absolute path');
  });

  it('writes nothing for a script with errors, exits 1 and leaves no temporary file', () => {
    const dir = project({ 'good.sop': CLEAN, 'bad.sop': BROKEN });
    const result = runSop(['build', '--out', 'build/json'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.deepEqual(listFiles(path.join(dir, 'build')), ['json/good.json']);
    assert.match(result.stdout, /^bad\.sop$/m);
    assert.match(result.stdout, new RegExp(`^  ${BROKEN_FIRST.line}:${BROKEN_FIRST.column}\\s+error\\s+.+  syntax$`, 'm'));
    assert.match(result.stdout, /^compiled 1 script to build\/json\/ \(1 failed\)$/m);
  });

  it('removes the output of an earlier build of a script that now has errors', () => {
    const dir = project({ 'a.sop': CLEAN });
    assert.equal(runSop(['build'], { cwd: dir }).code, 0);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['a.json']);
    writeFile(dir, 'a.sop', BROKEN);
    const result = runSop(['build'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
    assert.match(result.stdout, /removed out\/a\.json/);
  });

  it('never compiles a script that does not parse, even with the syntax rule turned off', () => {
    const dir = project({ 'bad.sop': BROKEN });
    const result = runSop(['build', '--rule', 'syntax=off'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
    assert.match(result.stdout, /bad\.sop: not compiled: it \(or a file it imports\) has syntax errors/);
  });

  it('gives the same bytes on every run', () => {
    const dir = project({ 'a.sop': CLEAN });
    runSop(['build', '--out', 'one'], { cwd: dir });
    runSop(['build', '--out', 'two'], { cwd: dir });
    assert.equal(fs.readFileSync(path.join(dir, 'one/a.json'), 'utf8'), fs.readFileSync(path.join(dir, 'two/a.json'), 'utf8'));
  });

  it('reports an output folder it cannot write to', () => {
    const dir = project({ 'a.sop': CLEAN, 'taken': 'a file where the output folder should be' });
    const result = runSop(['build', '--out', 'taken'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^taken\/a\.json: error: cannot write the file/m);
  });
});

/**
 * What `sop build` does when the machine or the inputs are against it: killed half-way,
 * an output folder it cannot write, inputs it cannot read. Each is a clear error naming
 * the file, exit status 2, and no output for the script concerned (and never half a file).
 *
 * The tests run as root on CI, where permission bits do not stop anything: unreadable
 * inputs are made with a named pipe and a folder where a file is expected, and a
 * read-only folder with `chattr +i` (the permission bits when not root).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLEAN } from './fixtures';
import { hasNoStackTrace, listFiles, runSop, SOP, useProjects } from './helpers';

const GBK_BYTES = new Uint8Array([0x73, 0x61, 0x79, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]);
const importing = (target: string) => CLEAN.replace('script "测试"\n', `script "测试"\nimport "${target}"\n`);

/** A script of many situations, so that a build of a few hundred takes a while. */
function bigScript(n: number): string {
  const situations = Array.from({ length: 12 }, (_, k) =>
    `situation s${n}_${k} "情景" {\n  say "您好!请问有什么可以帮您?"\n  wait 5s\n  reply end\n  fallback {\n    say "感谢您的来电,再见!"\n    wait 5s\n    hangup\n  }\n}\n`,
  );
  return `script "测试 ${n}"\n\n${situations.join('\n')}`;
}

/** Makes `dir` read-only for this process; `undefined` when this machine cannot. */
function makeReadOnly(dir: string): (() => void) | undefined {
  const probe = () => {
    try {
      fs.writeFileSync(path.join(dir, '.probe'), '');
      fs.rmSync(path.join(dir, '.probe'));
      return false;
    } catch {
      return true;
    }
  };
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    if (probe()) return () => fs.chmodSync(dir, 0o755);
    fs.chmodSync(dir, 0o755);
    return undefined;
  }
  if (spawnSync('chattr', ['+i', dir]).status !== 0) return undefined;
  if (probe()) return () => void spawnSync('chattr', ['-i', dir]);
  spawnSync('chattr', ['-i', dir]);
  return undefined;
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

describe('sop build: faults', function () {
  this.timeout(120_000);
  const project = useProjects();

  it('killed while writing many outputs: no partial output, no damaged cache, and the next build cleans up', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`scripts/s${String(i).padStart(3, '0')}.sop`] = bigScript(i);
    const dir = project(files);
    const out = path.join(dir, 'out');

    // Kill the build once it has written some outputs, while it is writing the others.
    const child = spawn(process.execPath, [SOP, 'build', 'scripts', '--cache', '--jobs', '1'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => {
      let outWatcher: fs.FSWatcher | undefined;
      let events = 0;
      const dirWatcher = fs.watch(dir, () => {
        if (outWatcher || !fs.existsSync(out)) return;
        outWatcher = fs.watch(out, () => {
          if (++events < 40) return;
          child.kill('SIGKILL');
          outWatcher!.close();
          resolve();
        });
      });
      void exited.then(() => {
        dirWatcher.close();
        outWatcher?.close();
        resolve();
      });
    });
    await exited;
    assert.equal(child.signalCode, 'SIGKILL', 'the build was killed before it finished');

    const reference = runSop(['build', 'scripts', '--out', 'reference', '--jobs', '1'], { cwd: dir });
    assert.equal(reference.code, 0);
    const left = listFiles(out);
    const outputs = left.filter((f) => f.endsWith('.json'));
    assert.ok(outputs.length > 0 && outputs.length < 300, `some outputs were written (${outputs.length})`);
    for (const file of left) {
      // Anything else is a temporary file of the killed run: hidden, and never an output name.
      if (!file.endsWith('.json')) assert.match(path.basename(file), /^\..+\.tmp$/);
    }
    for (const file of outputs) {
      assert.equal(fs.readFileSync(path.join(out, file), 'utf8'), fs.readFileSync(path.join(dir, 'reference', file), 'utf8'), `${file} is whole`);
    }

    // The cache is written only at the end of a run, atomically: absent or whole, never damaged.
    const next = runSop(['build', 'scripts', '--cache'], { cwd: dir });
    assert.equal(next.code, 0);
    assert.equal(next.stderr, '');
    assert.deepEqual(listFiles(out), listFiles(path.join(dir, 'reference')), 'the temporary files are gone');
  });

  it('a read-only output folder: the file is named, exit 2, nothing written', function () {
    const dir = project({ 'a.sop': CLEAN, 'out/.keep': '' });
    const undo = makeReadOnly(path.join(dir, 'out'));
    if (!undo) this.skip();
    try {
      const result = runSop(['build'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^out\/a\.json: error: cannot write the file \((permission denied|EPERM)\)$/m);
      assert.ok(hasNoStackTrace(result.stderr));
    } finally {
      undo!();
    }
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['.keep']);
  });

  it('an output path that is a folder, and an output folder that is a file', () => {
    const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN, 'out/a.json/.keep': '', 'file-out': 'x' });
    const result = runSop(['build'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^out\/a\.json: error: cannot write the file \(it is a folder\)$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['a.json/.keep', 'b.json']);
    const file = runSop(['build', '--out', 'file-out/x'], { cwd: dir });
    assert.equal(file.code, 2);
    assert.match(file.stderr, /^file-out\/x\/a\.json: error: cannot write the file \(a part of the path is not a folder\)$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'file-out'), 'utf8'), 'x');
  });

  it('an input that is a named pipe is refused at once, never waited on', function () {
    const dir = project({ 'main.sop': importing('pipe.sop') });
    if (!mkfifo(path.join(dir, 'pipe.sop')) || !mkfifo(path.join(dir, 'named.sop'))) this.skip();
    const named = runSop(['build', 'named.sop'], { cwd: dir });
    assert.equal(named.code, 2);
    assert.match(named.stderr, /^named\.sop: error: cannot read the file \(not a regular file\)$/m);
    const imported = runSop(['build', 'main.sop'], { cwd: dir });
    assert.equal(imported.code, 2);
    assert.match(imported.stderr, /^pipe\.sop: error: cannot read the file \(not a regular file\)$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
  });

  it('a folder where an imported file is expected', () => {
    const dir = project({ 'main.sop': importing('lib.sop'), 'lib.sop/.keep': '' });
    const result = runSop(['build', 'main.sop'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^lib\.sop: error: cannot read the file \(it is a folder\)$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
  });

  it('an input without read permission', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads it anyway; the pipe and folder cases stand in
    const dir = project({ 'secret.sop': CLEAN });
    fs.chmodSync(path.join(dir, 'secret.sop'), 0o000);
    const result = runSop(['build'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^secret\.sop: error: cannot read the file \(permission denied\)$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
  });

  it('a non-UTF-8 input, and a non-UTF-8 import', () => {
    const dir = project({ 'gbk.sop': GBK_BYTES, 'main.sop': importing('lib.txt'), 'lib.txt': GBK_BYTES, 'ok.sop': CLEAN });
    const result = runSop(['build'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^gbk\.sop:1:5: error: the file is not UTF-8 text \(byte 0xC4\); save it as UTF-8$/m);
    assert.match(result.stderr, /^lib\.txt:1:5: error: the file is not UTF-8 text/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['ok.json']);
  });

  it('symbolic-link loops, found in a folder and imported', () => {
    const dir = project({ 'main.sop': importing('loop-b.sop') });
    fs.symlinkSync('loop-a.sop', path.join(dir, 'loop-a.sop'));
    fs.symlinkSync('loop-c.txt', path.join(dir, 'loop-b.sop'));
    fs.symlinkSync('loop-b.sop', path.join(dir, 'loop-c.txt'));
    fs.symlinkSync('.', path.join(dir, 'folder-loop'));
    const result = runSop(['build'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^loop-a\.sop: error: cannot read the file \(a loop of symbolic links\)$/m);
    assert.match(result.stderr, /^loop-b\.sop: error: cannot read the file \(a loop of symbolic links\)$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
  });

  it('an import that leaves the project folder', () => {
    const closing = 'situation closing "结束" {\n  say "感谢您的来电,再见!"\n  wait 5s\n  hangup\n}\n';
    const dir = project({ 'project/sop.config.json': '{}', 'project/main.sop': importing('../outside.sop'), 'outside.sop': closing });
    const result = runSop(['build', 'main.sop'], { cwd: path.join(dir, 'project') });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^main\.sop:2:8: error: the import "\.\.\/outside\.sop" is outside the project folder \.\/; pass --root/m);
    assert.deepEqual(listFiles(path.join(dir, 'project/out')), []);
    // With the wider folder named as the root it builds.
    assert.equal(runSop(['build', 'main.sop', '--root', '..'], { cwd: path.join(dir, 'project') }).code, 0);
  });
});

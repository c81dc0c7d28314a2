import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, BROKEN_FIRST, CLEAN, GBK_BYTES, GBK_POSITION } from './fixtures';
import { hasNoStackTrace, ROOT, runSop, useProjects } from './helpers';

describe('sop: help, usage and bad input', function () {
  this.timeout(60_000);
  const project = useProjects();


  describe('--help', () => {
    it('sop --help lists the commands', () => {
      const result = runSop(['--help'], { cwd: ROOT });
      assert.equal(result.code, 0);
      for (const command of ['check', 'build', 'fmt']) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
    });

    for (const command of ['check', 'build', 'fmt']) {
      it(`sop ${command} --help describes the command's options`, () => {
        for (const flag of ['--help', '-h']) {
          const result = runSop([command, flag], { cwd: ROOT });
          assert.equal(result.code, 0);
          assert.match(result.stdout, new RegExp(`^Usage: sop ${command} `));
          assert.match(result.stdout, /Exit status:/);
        }
      });
    }

    it('sop without a command prints the usage and fails with 2', () => {
      const result = runSop([], { cwd: ROOT });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /Usage:/);
    });

    it('an unknown command suggests the closest one', () => {
      const result = runSop(['chek'], { cwd: ROOT });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /unknown command "chek" — did you mean "check"\?/);
    });
  });

  it('--version prints the package version, also through bin/sop.js', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(runSop(['--version'], { cwd: ROOT }).stdout, `${version}\n`);
    assert.equal(runSop(['--version'], { cwd: ROOT, entry: path.join(ROOT, 'bin/sop.js') }).stdout, `${version}\n`);
  });

  describe('unusable input (exit 2, one line, no stack trace)', () => {
    for (const command of ['check', 'build', 'fmt']) {
      it(`${command}: a missing path`, () => {
        const dir = project({ 'clean.sop': CLEAN });
        const result = runSop([command, 'clean.sop', 'missing.sop'], { cwd: dir });
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'missing.sop: error: cannot read it (no such file or folder)\n');
        assert.ok(!fs.existsSync(path.join(dir, 'out')), 'nothing is built');
      });

      it(`${command}: a file that is not UTF-8, named with the position of the first bad byte`, () => {
        const dir = project({ 'gbk.sop': GBK_BYTES });
        const result = runSop([command], { cwd: dir });
        assert.equal(result.code, 2);
        assert.match(
          result.stderr,
          new RegExp(`^gbk\\.sop:${GBK_POSITION.line}:${GBK_POSITION.column}: error: the file is not UTF-8 text \\(byte 0xC4\\); save it as UTF-8$`, 'm'),
        );
        assert.ok(hasNoStackTrace(result.stderr), result.stderr);
      });

      it(`${command}: a folder without .sop files`, () => {
        const dir = project({ 'notes.txt': 'not a script' });
        const result = runSop([command], { cwd: dir });
        assert.equal(result.code, 2);
        assert.equal(result.stderr, 'sop: no .sop files found in "."\n');
      });
    }

    it('the other scripts are still checked when one cannot be read', () => {
      const dir = project({ 'gbk.sop': GBK_BYTES, 'broken.sop': BROKEN });
      const result = runSop(['check', '--format', 'compact'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stdout, new RegExp(`^broken\\.sop:${BROKEN_FIRST.line}:${BROKEN_FIRST.column}: error: `, 'm'));
    });

    it('an import that is not UTF-8 is reported by name', () => {
      const dir = project({ 'main.sop': `import "gbk.sop"\n${CLEAN}`, 'gbk.sop': GBK_BYTES });
      const result = runSop(['check', 'main.sop'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^gbk\.sop:2:8: error: the file is not UTF-8 text/m);
    });
  });

  it('a byte-order mark is ignored and does not shift columns', () => {
    const dir = project({ 'plain.sop': BROKEN, 'bom.sop': `\ufeff${BROKEN}` });
    const json = (file: string) =>
      (JSON.parse(runSop(['check', file, '--format', 'json'], { cwd: dir }).stdout) as { file: string }[]).map((f) => ({ ...f, file: '' }));
    assert.deepEqual(json('bom.sop'), json('plain.sop'));
  });

  describe('sop.config.json', () => {
    const BAD_CONFIG = '{\n  "rules": {\n    "no-such-rule": "off"\n  }\n}\n';

    for (const command of ['check', 'build']) {
      it(`${command}: a broken configuration fails with its file:line:column`, () => {
        const dir = project({ 'team/sop.config.json': BAD_CONFIG, 'team/a.sop': CLEAN });
        const result = runSop([command], { cwd: dir });
        assert.equal(result.code, 2);
        assert.match(result.stderr, /^team\/sop\.config\.json:3:5: error: .*no-such-rule.* \[config\]$/m);
        assert.equal(result.stdout, '');
        assert.ok(hasNoStackTrace(result.stderr));
        assert.ok(!fs.existsSync(path.join(dir, 'out')), 'nothing is built');
      });
    }

    it('the nearest configuration applies to each script', () => {
      const dir = project({
        'sop.config.json': '{ "rules": { "syntax": "warning" } }',
        'relaxed/sop.config.json': '{ "rules": { "syntax": "off" } }',
        'a.sop': BROKEN,
        'relaxed/b.sop': BROKEN,
      });
      const result = runSop(['check', '--format', 'json'], { cwd: dir });
      assert.equal(result.code, 0, result.stderr);
      const findings = JSON.parse(result.stdout) as { file: string; severity: string }[];
      assert.deepEqual([...new Set(findings.map((f) => `${f.file} ${f.severity}`))], ['a.sop warning']);
    });

    it('--rule wins over the configuration', () => {
      const dir = project({ 'sop.config.json': '{ "rules": { "syntax": "off" } }', 'a.sop': BROKEN });
      assert.equal(runSop(['check'], { cwd: dir }).code, 0);
      assert.equal(runSop(['check', '--rule', 'syntax=error'], { cwd: dir }).code, 1);
    });
  });
});

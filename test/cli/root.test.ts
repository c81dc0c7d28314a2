import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, CLEAN } from './fixtures';
import { listFiles, runSop, useProjects } from './helpers';

const WITH_IMPORT = CLEAN.replace('script "测试"\n', 'script "测试"\nimport "../shared/closing.sop"\n').replace('reply end', 'reply goto closing');
const CLOSING = 'situation closing "结束" {\n  say "感谢您的来电,再见!"\n  wait 5s\n  hangup\n}\n';

describe('source paths relative to the project folder (--root)', function () {
  this.timeout(60_000);
  const project = useProjects();

  it('building the same script from two working folders gives byte-identical JSON and SARIF', () => {
    const dir = project({
      'repo/sop.config.json': '{}',
      'repo/scripts/main.sop': WITH_IMPORT,
      'repo/shared/closing.sop': CLOSING,
      'repo/scripts/bad.sop': BROKEN,
      'elsewhere/deep/folder/.keep': '',
    });
    const scripts = path.join(dir, 'repo/scripts');
    const fromRepo = runSop(['build', 'scripts/main.sop', '--out', path.join(dir, 'out1')], { cwd: path.join(dir, 'repo') });
    const fromElsewhere = runSop(['build', scripts, '--out', path.join(dir, 'out2')], { cwd: path.join(dir, 'elsewhere/deep/folder') });
    assert.equal(fromRepo.code, 0, fromRepo.stdout + fromRepo.stderr);
    assert.equal(fromElsewhere.code, 1, 'bad.sop fails');
    const one = fs.readFileSync(path.join(dir, 'out1/main.json'), 'utf8');
    assert.equal(fs.readFileSync(path.join(dir, 'out2/main.json'), 'utf8'), one);
    const compiled = JSON.parse(one) as { script: { file: string; files: string[] } };
    assert.equal(compiled.script.file, 'scripts/main.sop');
    assert.deepEqual(compiled.script.files, ['scripts/main.sop', 'shared/closing.sop']);
    assert.ok(!one.includes('..') && !one.includes(dir), 'no path leaves the project folder');

    // Messages on the terminal stay relative to the working folder.
    assert.match(fromElsewhere.stdout, /^\.\.\/\.\.\/\.\.\/repo\/scripts\/bad\.sop$/m);

    const sarif = (cwd: string, input: string) => runSop(['check', input, '--format', 'sarif'], { cwd }).stdout;
    const a = sarif(path.join(dir, 'repo'), 'scripts');
    const b = sarif(path.join(dir, 'elsewhere'), scripts);
    assert.equal(a, b);
    const log = JSON.parse(a) as {
      runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.ok(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri.endsWith('/repo/'));
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'scripts/bad.sop');
  });

  it('without sop.config.json the project folder is the inputs\' common folder; --root names it', () => {
    const dir = project({ 'scripts/team/a.sop': CLEAN });
    assert.equal(runSop(['build', 'scripts'], { cwd: dir }).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'out/team/a.json'), 'utf8'), /"file": "team\/a\.sop"/);
    assert.equal(runSop(['build', 'scripts', '--root', '.', '--out', 'rooted'], { cwd: dir }).code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'rooted/team/a.json'), 'utf8'), /"file": "scripts\/team\/a\.sop"/);
  });

  it('--root must exist and hold every input', () => {
    const dir = project({ 'a/x.sop': CLEAN, 'b/.keep': '' });
    const outside = runSop(['build', 'a', '--root', 'b'], { cwd: dir });
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^sop build: --root b does not hold the input a\/x\.sop$/m);
    const missing = runSop(['check', 'a', '--root', 'nope'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^sop check: --root nope: no such folder$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
  });
});

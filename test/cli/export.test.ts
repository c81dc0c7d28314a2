import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, CLEAN, HALF_SECOND } from './fixtures';
import { listFiles, ROOT, runSop, useProjects, writeFile } from './helpers';

describe('sop export', function () {
  this.timeout(60_000);
  const project = useProjects();

  it('writes one file per clean script for each target, mirroring the folders', () => {
    const dir = project({ 'scripts/a.sop': CLEAN, 'scripts/team/b.sop': CLEAN });
    const expected: Record<string, string[]> = {
      voicexml: ['a.vxml', 'team/b.vxml'],
      connect: ['a.connect.json', 'team/b.connect.json'],
      studio: ['a.studio.json', 'team/b.studio.json'],
      phrases: ['a.phrases.csv', 'a.phrases.xlf', 'team/b.phrases.csv', 'team/b.phrases.xlf'],
    };
    for (const [target, files] of Object.entries(expected)) {
      const result = runSop(['export', 'scripts', '--target', target, '--out', target], { cwd: dir });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.deepEqual(listFiles(path.join(dir, target)), files);
      assert.match(result.stdout, new RegExp(`^exported 2 scripts \\(${target}\\) to ${target}/$`, 'm'));
    }
    assert.match(fs.readFileSync(path.join(dir, 'voicexml/a.vxml'), 'utf8'), /from a\.sop\./);
    assert.ok(fs.readFileSync(path.join(dir, 'phrases/a.phrases.csv'), 'utf8').startsWith('\uFEFFid,'));
  });

  it('a script the target cannot express: the finding with its position, exit 1, nothing written', () => {
    const dir = project({ 'a.sop': HALF_SECOND, 'b.sop': CLEAN });
    const result = runSop(['export', '.', '--target', 'connect'], { cwd: dir });
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /^a\.sop$/m);
    assert.match(result.stdout, /^  3:3\s+error\s+Amazon Connect waits whole seconds \(InputTimeLimitSeconds\); 5500 ms is not\s+export-limit$/m);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['b.connect.json']);
    assert.match(result.stdout, /^exported 1 script \(connect\) to out\/ \(1 failed\)$/m);
    // VoiceXML can wait half seconds, so the same script exports there.
    assert.equal(runSop(['export', 'a.sop', '--target', 'voicexml'], { cwd: dir }).code, 0);
  });

  it('a script with lint errors exports nothing and removes its earlier export', () => {
    const dir = project({ 'a.sop': CLEAN });
    assert.equal(runSop(['export', '--target', 'phrases'], { cwd: dir }).code, 0);
    assert.deepEqual(listFiles(path.join(dir, 'out')), ['a.phrases.csv', 'a.phrases.xlf']);
    writeFile(dir, 'a.sop', BROKEN);
    const result = runSop(['export', '--target', 'phrases'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
    assert.match(result.stdout, /removed out\/a\.phrases\.csv/);
  });

  it('maps transfer targets to queues through sop.config.json', () => {
    const script = 'situation a "转接" {\n  say "请稍等,我为您转接投诉处理组。"\n  transfer "投诉处理组"\n}\n';
    const arn = 'arn:aws:connect:ap-northeast-1:111122223333:instance/abc/queue/def';
    const dir = project({ 'a.sop': script, 'sop.config.json': JSON.stringify({ export: { queues: { 投诉处理组: { connect: arn } } } }) });
    const result = runSop(['export', 'a.sop', '--target', 'connect'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.doesNotMatch(result.stdout, /export-unmapped-queue/);
    assert.ok(fs.readFileSync(path.join(dir, 'out/a.connect.json'), 'utf8').includes(arn));
    const unmapped = runSop(['export', 'a.sop', '--target', 'voicexml'], { cwd: dir });
    assert.equal(unmapped.code, 0);
    assert.match(unmapped.stdout, /^  3:3\s+warning\s+no VoiceXML destination for "投诉处理组".+export-unmapped-queue$/m);
  });

  it('a bad export setting in sop.config.json stops the run at its position', () => {
    const dir = project({ 'a.sop': CLEAN, 'sop.config.json': '{ "export": { "queues": { "x": { "genesys": "q" } } } }\n' });
    const result = runSop(['export', '--target', 'connect'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /sop\.config\.json:1:34: error: unknown platform "genesys"/);
    assert.deepEqual(listFiles(path.join(dir, 'out')), []);
  });

  it('needs a known --target, and --start names a situation', () => {
    const dir = project({ 'a.sop': CLEAN });
    const missing = runSop(['export'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^sop export: --target is required: one of voicexml, connect, studio, phrases$/m);
    const typo = runSop(['export', '--target', 'voicxml'], { cwd: dir });
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /^sop export: unknown target "voicxml" — did you mean "voicexml"\? \(targets: voicexml, connect, studio, phrases\)$/m);
    const start = runSop(['export', '--target', 'studio', '--start', 'nowhere'], { cwd: dir });
    assert.equal(start.code, 1);
    assert.match(start.stdout, /no situation "nowhere" to start the call in\s+export-unresolved/);
  });

  it('--help describes the command, and sop --help lists it', () => {
    const help = runSop(['export', '--help'], { cwd: ROOT });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: sop export /);
    assert.match(runSop(['--help'], { cwd: ROOT }).stdout, /^  export {4}/m);
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hasNoStackTrace, ROOT, runSop, useProjects } from './helpers';

const SCRIPT = [
  'var 姓氏',
  'situation ask {',
  '  say "您好,{姓氏}先生"',
  '  wait 5s',
  '  reply end',
  '  fallback {',
  '    say "再见!"',
  '    wait 5s',
  '    hangup',
  '  }',
  '}',
  '',
].join('\n');

const PASSING = 'cases:\n  - name: silent caller\n    situation: ask\n    events: [silence]\n    says: [您好, 再见]\n    outcome: hangup\n    within: 15s\n';
const FAILING = [
  'cases:',
  '  - name: answers',
  '    situation: ask',
  '    events: [reply@1s]',
  '    outcome: agent-takeover',
  '  - name: expects a transfer',
  '    situation: ask',
  '    vars: { 姓氏: 王 }',
  '    says: [王先生, 请稍候]',
  '    outcome: { transfer: 投诉处理组 }',
  '',
].join('\n');

describe('sop test', function () {
  this.timeout(60_000);
  const project = useProjects();

  it('runs the samples\' tests, and they pass (exit 0)', () => {
    const result = runSop(['test', 'samples'], { cwd: ROOT });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^samples\/greeting-and-line\.sop-test\.yaml \(samples\/greeting-and-line\.sop\)$/m);
    assert.match(result.stdout, /^ {2}✓ 无声电话:三次沉默后,30秒内道别挂机$/m);
    assert.match(result.stdout, /^\d+ passed, 0 failed\n$/m);
  });

  it('stylish: a failing case prints its messages at file:line:column and the expected-versus-actual transcript (exit 1)', () => {
    const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': FAILING });
    const result = runSop(['test'], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stderr, '');
    const out = result.stdout;
    assert.match(out, /^a\.sop-test\.yaml \(a\.sop\)$/m);
    assert.match(out, /^ {2}✓ answers$/m);
    assert.match(out, /^ {2}✗ expects a transfer$/m);
    assert.match(out, /^ {6}a\.sop-test\.yaml:9:17 {2}expected "请稍候" to be said after "王先生", but it was not$/m);
    assert.match(out, /^ {6}a\.sop-test\.yaml:10:14 {2}expected a transfer to 投诉处理组, but it hung up at 00:\d\d\.\d$/m);
    const diff = out.slice(out.indexOf('- expected'));
    assert.match(diff, /^ {8}\[00:00\.0\] SAY "您好,王先生"\n {6}- SAY "…请稍候…"\n/m);
    assert.match(diff, /^ {6}- outcome: transferred to 投诉处理组\n {6}\+ outcome: hangup at 00:\d\d\.\d$/m);
    assert.match(out, /^1 passed, 1 failed\n$/m);
  });

  it('tap: TAP version 14 with a YAML block for a failure', () => {
    const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': FAILING });
    const result = runSop(['test', '--reporter', 'tap'], { cwd: dir });
    assert.equal(result.code, 1);
    const lines = result.stdout.split('\n');
    assert.deepEqual(lines.slice(0, 4), ['TAP version 14', '1..2', 'ok 1 - a.sop-test.yaml > answers', 'not ok 2 - a.sop-test.yaml > expects a transfer']);
    assert.equal(lines[4], '  ---');
    assert.match(result.stdout, /^ {2}message: "expected \\"请稍候\\" to be said after \\"王先生\\", but it was not; expected a transfer/m);
    assert.match(result.stdout, /^ {2}at:\n {4}file: "a\.sop-test\.yaml"\n {4}line: 9\n {4}column: 17$/m);
    assert.match(result.stdout, /^ {2}expected: \|-\n(?: {4}.*\n)*? {4}SAY "…请稍候…"$/m);
    assert.match(result.stdout, /^ {2}\.\.\.$/m);
  });

  it('junit: well-formed JUnit XML with a failure holding the diff', () => {
    const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': FAILING, 'b.sop': SCRIPT, 'b.sop-test.yaml': PASSING });
    const result = runSop(['test', '-r', 'junit'], { cwd: dir });
    assert.equal(result.code, 1);
    const xml = result.stdout;
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="sop test" tests="3" failures="1" errors="0">$/m);
    assert.match(xml, /<testsuite name="a\.sop-test\.yaml" tests="2" failures="1" errors="0" file="a\.sop-test\.yaml">/);
    assert.match(xml, /<testcase name="answers" classname="a\.sop-test\.yaml" file="a\.sop-test\.yaml" line="2"\/>/);
    assert.match(xml, /<failure message="expected &quot;请稍候&quot; to be said after &quot;王先生&quot;, but it was not; [^"]+" type="AssertionError">a\.sop-test\.yaml:9:17: /);
    assert.match(xml, /&#10;- SAY &quot;…请稍候…&quot;&#10;/);
    const lint = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
    assert.equal(lint.status, 0, lint.stderr);
  });

  it('junit and tap also list a broken test file, as an error, so CI shows it (exit 2)', () => {
    const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': 'cases:\n  - situation: nope\n' });
    const junit = runSop(['test', '-r', 'junit'], { cwd: dir });
    assert.equal(junit.code, 2);
    assert.match(junit.stdout, /<testsuites name="sop test" tests="1" failures="0" errors="1">/);
    assert.match(junit.stdout, /<error message="no situation &quot;nope&quot; in a\.sop or the files it imports" type="TestFileError">a\.sop-test\.yaml:2:16: /);
    assert.match(junit.stderr, /^a\.sop-test\.yaml:2:16: error: no situation "nope"/m);
    const tap = runSop(['test', '-r', 'tap'], { cwd: dir });
    assert.match(tap.stdout, /^not ok 1 - a\.sop-test\.yaml > the test file is not valid$/m);
    assert.match(tap.stdout, /^ {2}severity: error$/m);
  });

  it('event words are read in any case, as the schema says (Silence, REPLY@1s)', () => {
    const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': PASSING.replace('[silence]', '[Silence]') + '  - name: answers\n    situation: ask\n    events: [REPLY@1s]\n    outcome: agent-takeover\n' });
    const result = runSop(['test'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /^2 passed, 0 failed\n$/m);
  });

  it('takes a script for its tests, and a test file by name', () => {
    const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': PASSING, 'other/b.sop': SCRIPT, 'other/b.sop-test.yaml': FAILING });
    const byScript = runSop(['test', 'a.sop'], { cwd: dir });
    assert.equal(byScript.code, 0, byScript.stderr);
    assert.match(byScript.stdout, /^1 passed, 0 failed$/m);
    const byFile = runSop(['test', 'other/b.sop-test.yaml'], { cwd: dir });
    assert.equal(byFile.code, 1);
    assert.match(byFile.stdout, /^other\/b\.sop-test\.yaml \(other\/b\.sop\)$/m);
  });

  it('a "script" key points at a script elsewhere', () => {
    const dir = project({ 'scripts/a.sop': SCRIPT, 'tests/silent.sop-test.yaml': `script: ../scripts/a.sop\n${PASSING}` });
    const result = runSop(['test', 'tests'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^tests\/silent\.sop-test\.yaml \(scripts\/a\.sop\)$/m);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['bad YAML', 'cases:\n  - situation: [ask\n', /^a\.sop-test\.yaml:3:1: error: invalid YAML: .+ \[script-test\]$/m],
    ['a misspelt key', 'cases:\n  - situation: ask\n    outcme: hangup\n', /^a\.sop-test\.yaml:3:5: error: unknown key "outcme" — did you mean "outcome"\? .+\[script-test\]$/m],
    ['an unknown situation', 'cases:\n  - situation: aks\n', /^a\.sop-test\.yaml:2:16: error: no situation "aks" in a\.sop or the files it imports — did you mean "ask"\? \[script-test\]$/m],
    ['an unknown variable', 'cases:\n  - situation: ask\n    vars: { 名字: 王 }\n', /^a\.sop-test\.yaml:3:13: error: no variable "名字" is declared with var in a\.sop .+\[script-test\]$/m],
    ['a reply later than its wait', 'cases:\n  - situation: ask\n    events: [reply@9s]\n', /^ {6}a\.sop-test\.yaml:3:14 {2}reply@9s comes after the 5s wait timed out/m],
  ];
  for (const [name, text, message] of broken) {
    it(`a test file with ${name} is a clear error at file:line:column (exit 2)`, () => {
      const dir = project({ 'a.sop': SCRIPT, 'a.sop-test.yaml': text, 'b.sop': SCRIPT, 'b.sop-test.yaml': PASSING });
      const result = runSop(['test'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr + result.stdout, message);
      assert.ok(hasNoStackTrace(result.stderr));
      // The other file still ran.
      assert.match(result.stdout, /^ {2}✓ silent caller$/m);
    });
  }

  it('a test file whose script is missing names the script it looked for (exit 2)', () => {
    const dir = project({ 'lonely.sop-test.yaml': PASSING });
    const result = runSop(['test'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^lonely\.sop-test\.yaml:1:1: error: cannot read lonely\.sop, the script this file tests/m);
  });

  it('the cases of a script with lint errors fail, naming the first error (exit 1)', () => {
    const dir = project({ 'a.sop': SCRIPT.replace('再见!', '我不知道'), 'a.sop-test.yaml': PASSING });
    const result = runSop(['test'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /the script has 1 error and cannot be simulated; first: a\.sop:7:10: error: .+\[banned-phrase\]/);
  });

  const usage: Array<[string, string[], number, RegExp]> = [
    ['an unknown reporter', ['test', '--reporter', 'junt'], 2, /^sop test: unknown format "junt" — did you mean "junit"\?/m],
    ['no test files', ['test'], 2, /^sop test: no script tests \(\*\.sop-test\.yaml\) in \.$/m],
    ['a script without tests', ['test', 'a.sop'], 2, /^a\.sop: error: no test file a\.sop-test\.yaml beside it$/m],
  ];
  for (const [name, args, code, message] of usage) {
    it(`bad usage: ${name} (exit ${code})`, () => {
      const result = runSop(args, { cwd: project({ 'a.sop': SCRIPT }) });
      assert.equal(result.code, code);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
    });
  }

  it('--help describes the command and its exit statuses, and sop --help lists it', () => {
    const help = runSop(['test', '--help'], { cwd: ROOT });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: sop test /);
    assert.match(help.stdout, /--reporter NAME/);
    assert.match(help.stdout, /Exit status: 0 every case passed, 1 a case failed, 2 /);
    assert.match(runSop(['--help'], { cwd: ROOT }).stdout, /^ {2}test /m);
  });

  it('the docs describe every reporter', () => {
    const docs = fs.readFileSync(path.join(ROOT, 'docs/script-tests.md'), 'utf8');
    for (const reporter of ['stylish', 'tap', 'junit']) assert.match(docs, new RegExp(`\`${reporter}\``));
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BROKEN, BROKEN_FIRST, CLEAN } from './fixtures';
import { hasNoStackTrace, ROOT, runSop, useProjects } from './helpers';

const sample = (name: string) => fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

/** The transcript's lines without the clock. */
const actions = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith('['))
    .map((line) => line.replace(/^\[\d{2,}:\d{2}\.\d\] /, ''));

describe('sop simulate', function () {
  this.timeout(60_000);
  const project = useProjects();
  const samples = () =>
    project({
      'line.sop': sample('greeting-and-line.sop'),
      'service.sop': sample('service.sop'),
      'complaints.sop': sample('complaints.sop'),
      'closing.sop': sample('closing.sop'),
    });


  it('prints the timed transcript of the silent-call ladder and exits 0 on the hang-up', () => {
    const result = runSop(['simulate', 'line.sop', '--situation', '无声电话', '--events', 'silence,silence,silence'], { cwd: samples() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '[00:00.0] START 无声电话 "遇到无声电话"');
    assert.equal(lines[1], '[00:00.0] SAY "您好!请问有什么可以帮您?"');
    assert.equal(lines[2], '[00:03.8] WAIT 5s → silence');
    assert.deepEqual(actions(result.stdout).slice(-3), [
      'SAY "对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见!"',
      'WAIT 5s → silence',
      'HANGUP',
    ]);
    assert.match(lines[lines.length - 1], /^outcome: hangup at 00:\d\d\.\d$/);
  });

  it('takes Chinese events and short options; a reply to the hold request holds the line', () => {
    const result = runSop(['simulate', 'service.sop', '-s', 'hold_for_lookup', '-e', '回应'], { cwd: samples() });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(actions(result.stdout).slice(2), ['WAIT 5s → reply', 'HOLD up to 2m', 'SAY "对不起,让您久等了。"', 'END (agent takes over)']);
  });

  it('follows a goto into the imported closing', () => {
    const result = runSop(['simulate', 'complaints.sop', '--situation=complaint_complex', '--events', 'silence', '--events', 'reply'], {
      cwd: samples(),
    });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(actions(result.stdout).slice(-3), [
      'SAY "感谢您的来电,若有问题请再次来电,谢谢,再见!"',
      'WAIT 5s → reply',
      'END (the caller answered: agent takes over)',
    ]);
    assert.ok(actions(result.stdout).includes('GOTO closing "通话结束"'));
    assert.ok(actions(result.stdout).includes('PROMISE 24h "在24小时之内给客户明确的答复"'));
    assert.match(result.stdout, /^outcome: the agent takes over at /m);
  });

  it('--format json prints an array of steps ending with the outcome', () => {
    const result = runSop(['simulate', 'complaints.sop', '-s', 'complaint_escalate', '--format', 'json'], { cwd: samples() });
    assert.equal(result.code, 0, result.stderr);
    const steps = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(
      steps.map((s) => s.type),
      ['note', 'say', 'transfer', 'outcome'],
    );
    assert.deepEqual(steps[2], {
      type: 'transfer',
      at: steps[2].at,
      node: steps[2].node,
      situation: 'complaint_escalate',
      source: { file: 'complaints.sop', line: lineOf(sample('complaints.sop'), 'transfer "投诉处理组"'), column: 3 },
      queue: '投诉处理组',
    });
    assert.match(String(steps[2].node), /^complaint_escalate\/\d+$/);
    assert.equal(steps[3].outcome, 'transfer');
    assert.equal(steps[3].target, '投诉处理组');
  });

  it('stops a call that never ends and exits 1', () => {
    const dir = project({
      'loop.sop': [
        'situation a {\n  say "喂?"\n  wait 5s\n  reply end\n  fallback goto b\n}',
        'situation b {\n  say "您好?"\n  wait 5s\n  reply end\n  fallback goto a\n}\n',
      ].join('\n'),
    });
    const result = runSop(['simulate', 'loop.sop', '-s', 'a'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^outcome: stopped at \d\d:\d\d\.\d: with the caller silent the call goes round a → b → a for ever$/m);
  });

  it('refuses a script with lint errors (exit 1), printing them; --rule can turn one off', () => {
    const text = 'situation a {\n  say "我不知道"\n  wait 5s\n  reply end\n  fallback {\n    say "再见!"\n    wait 5s\n    hangup\n  }\n}\n';
    const dir = project({ 'a.sop': text });
    const refused = runSop(['simulate', 'a.sop', '-s', 'a'], { cwd: dir });
    assert.equal(refused.code, 1);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^a\.sop:2:8: error: .+ \[banned-phrase\]$/m);
    assert.match(refused.stderr, /^sop simulate: a\.sop not simulated: it has 1 error /m);
    const allowed = runSop(['simulate', 'a.sop', '-s', 'a', '--rule', 'banned-phrase=off'], { cwd: dir });
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /^outcome: hangup at /m);
  });

  it('refuses a script with syntax errors (exit 1)', () => {
    const dir = project({ 'bad.sop': BROKEN });
    const result = runSop(['simulate', 'bad.sop', '-s', 'broken'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`^bad\\.sop:${BROKEN_FIRST.line}:${BROKEN_FIRST.column}: error: .+ \\[syntax\\]$`, 'm'));
  });

  it('an unknown situation exits 2 with the closest id', () => {
    const result = runSop(['simulate', 'line.sop', '-s', '无声电'], { cwd: samples() });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'sop simulate: no situation "无声电" in line.sop or the files it imports — did you mean "无声电话"?\n');
    const far = runSop(['simulate', 'line.sop', '-s', 'zzz'], { cwd: samples() });
    assert.equal(far.code, 2);
    assert.match(far.stderr, /\(situations: 问候, 客户先问候, .+, …\)$/m);
  });

  it('--var fills a placeholder (repeatable); an unfilled one stays {name}', () => {
    const dir = project({ 'a.sop': 'var 姓氏, 工号\nsituation a {\n  say "{姓氏}先生,工号{工号}"\n  end\n}\n' });
    const one = runSop(['simulate', 'a.sop', '-s', 'a', '--var', '姓氏=王'], { cwd: dir });
    assert.equal(one.code, 0, one.stderr);
    assert.equal(actions(one.stdout)[1], 'SAY "王先生,工号{工号}"');
    const both = runSop(['simulate', 'a.sop', '-s', 'a', '--var', '姓氏=王', '--var', '工号=1024'], { cwd: dir });
    assert.equal(actions(both.stdout)[1], 'SAY "王先生,工号1024"');
  });

  it('--vars reads a JSON object of strings, and --var wins over it', () => {
    const dir = project({
      'a.sop': 'var 姓氏, 工号\nsituation a {\n  say "{姓氏}先生,工号{工号}"\n  end\n}\n',
      'vars.json': '{ "姓氏": "李", "工号": "007" }\n',
    });
    const result = runSop(['simulate', 'a.sop', '-s', 'a', '--vars', 'vars.json', '--var', '姓氏=王'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(actions(result.stdout)[1], 'SAY "王先生,工号007"');
  });

  it('a broken --vars file is a clear error at file:line:column (exit 2)', () => {
    const dir = project({ 'a.sop': 'var 姓氏\nsituation a {\n  say "{姓氏}先生"\n  end\n}\n', 'vars.json': '{\n  "姓氏": 3\n}\n' });
    const result = runSop(['simulate', 'a.sop', '-s', 'a', '--vars', 'vars.json'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'vars.json:2:9: error: the value of "姓氏" must be a string, not the number 3 [vars]\n');
    const syntax = runSop(['simulate', 'a.sop', '-s', 'a', '--vars', 'bad.json'], { cwd: project({ 'a.sop': CLEAN, 'bad.json': '{ "a": "b" ' }) });
    assert.equal(syntax.code, 2);
    assert.match(syntax.stderr, /^bad\.json:1:\d+: error: invalid JSON: expected "}" to close the object \[vars\]$/m);
  });

  it('an unknown variable is a clear error with the closest name (exit 2)', () => {
    const dir = project({
      'a.sop': 'var 姓氏\nsituation a {\n  say "{姓氏}先生"\n  end\n}\n',
      'vars.json': '{\n  "姓名": "王"\n}\n',
    });
    const flag = runSop(['simulate', 'a.sop', '-s', 'a', '--var', '姓=王'], { cwd: dir });
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^sop simulate: --var 姓: no variable "姓" is declared with var in a\.sop or the files it imports — did you mean "姓氏"\?$/m);
    const file = runSop(['simulate', 'a.sop', '-s', 'a', '--vars', 'vars.json'], { cwd: dir });
    assert.equal(file.code, 2);
    assert.match(file.stderr, /^vars\.json:2:3: error: no variable "姓名" is declared with var in a\.sop .+\[vars\]$/m);
  });

  it('--events reply@2s answers 2 s into the wait; a later reply than the timeout is an error', () => {
    const timed = runSop(['simulate', 'line.sop', '-s', '无声电话', '--events', 'silence,reply@2s'], { cwd: samples() });
    assert.equal(timed.code, 0, timed.stderr);
    const lines = timed.stdout.trimEnd().split('\n');
    assert.equal(lines[lines.length - 3], '[00:12.3] WAIT 5s → reply after 2s');
    assert.equal(lines[lines.length - 2], '[00:14.3] END (the caller answered: agent takes over)');
    const chinese = runSop(['simulate', 'line.sop', '-s', '无声电话', '-e', '沉默,回应@2秒'], { cwd: samples() });
    assert.equal(chinese.stdout, timed.stdout);
    const late = runSop(['simulate', 'line.sop', '-s', '无声电话', '-e', 'reply@6s'], { cwd: samples() });
    assert.equal(late.code, 2);
    assert.equal(late.stdout, '');
    const waitLine = lineOf(sample('greeting-and-line.sop'), '情景 无声电话') + 3;
    assert.match(late.stderr, new RegExp(`^sop simulate: --events: event 1 \\(reply@6s\\) comes after the 5s wait timed out at line\\.sop:${waitLine}:3$`, 'm'));
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no --situation', ['simulate', 'a.sop'], /^sop simulate: --situation ID is required: which situation to walk$/m],
    ['no script', ['simulate', '-s', 'greeting'], /^sop simulate: name the script, e\.g\. samples\/service\.sop$/m],
    [
      'a misspelt event',
      ['simulate', 'a.sop', '-s', 'greeting', '--events', 'silence,rely'],
      /^sop simulate: --events: unknown event "rely" — did you mean "reply"\? \(events: silence, reply, 沉默, 回应, reply@2s\)$/m,
    ],
    ['a timed silence', ['simulate', 'a.sop', '-s', 'greeting', '-e', 'silence@2s'], /^sop simulate: --events: "silence@2s": a silence lasts the whole wait/m],
    ['a reply with a bad time', ['simulate', 'a.sop', '-s', 'greeting', '-e', 'reply@2'], /^sop simulate: --events: "reply@2": "2" is no duration/m],
    ['a --var without =', ['simulate', 'a.sop', '-s', 'greeting', '--var', '姓氏'], /^sop simulate: --var "姓氏": write NAME=VALUE, e\.g\. --var 姓氏=王$/m],
    ['an unknown format', ['simulate', 'a.sop', '-s', 'greeting', '--format', 'jsn'], /^sop simulate: unknown format "jsn" — did you mean "json"\?/m],
    ['a bad --rule', ['simulate', 'a.sop', '-s', 'greeting', '--rule', 'dead-ends=off'], /unknown rule "dead-ends" — did you mean "dead-end"\?/],
  ];
  for (const [name, args, message] of usage) {
    it(`bad usage: ${name} (exit 2)`, () => {
      const result = runSop(args, { cwd: project({ 'a.sop': CLEAN }) });
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.ok(hasNoStackTrace(result.stderr));
    });
  }

  it('--help describes the command, and sop --help lists it', () => {
    const help = runSop(['simulate', '-h'], { cwd: ROOT });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: sop simulate /);
    assert.match(help.stdout, /--events LIST/);
    assert.match(help.stdout, /Exit status:/);
    assert.match(runSop(['--help'], { cwd: ROOT }).stdout, /^ {2}simulate /m);
  });
});

/**
 * `sop simulate`'s pure part: the transcript a user reads for the samples' standard
 * procedures, the clock, the caller's events, and the guard against calls that never end.
 */
import * as assert from 'node:assert/strict';
import {
  clock,
  parseCallerEvents,
  renderTranscript,
  simulateSituation,
  type CallerEvent,
  type Simulation,
} from '../../../server/src/language/simulate/index';
import { loadSample, loadTexts } from '../graph/load';

/** The transcript's lines without their clock, e.g. `WAIT 5s → silence`. */
function actions(simulation: Simulation): string[] {
  return renderTranscript(simulation)
    .trimEnd()
    .split('\n')
    .filter((line) => line.startsWith('['))
    .map((line) => line.replace(/^\[\d{2,}:\d{2}\.\d\] /, ''));
}

function lastLines(simulation: Simulation, count: number): string[] {
  return renderTranscript(simulation).trimEnd().split('\n').slice(-count);
}

async function simulateSample(file: string, situation: string, events: CallerEvent[]): Promise<Simulation> {
  const { program, displayPath } = await loadSample(file);
  return simulateSituation(program, situation, events, { displayPath });
}

async function simulateText(text: string, situation: string, events: CallerEvent[], maxSteps?: number): Promise<Simulation> {
  return simulateSituation(await loadTexts({ 'a.sop': text }), situation, events, { maxSteps });
}

describe('simulate: the samples', () => {
  it('silent call, silent caller: asks twice, says goodbye, pauses, then hangs up', async () => {
    const simulation = await simulateSample('greeting-and-line.sop', '无声电话', ['silence', 'silence', 'silence']);
    assert.deepEqual(actions(simulation), [
      'START 无声电话 "遇到无声电话"',
      'SAY "您好!请问有什么可以帮您?"',
      'WAIT 5s → silence',
      'SAY "您好,请问有什么可以帮您?"',
      'WAIT 5s → silence',
      'SAY "对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见!"',
      'WAIT 5s → silence',
      'HANGUP',
    ]);
    // The clock: each phrase its estimated speaking time, each silence the whole wait.
    const spoken = simulation.steps.reduce((sum, s) => sum + (s.type === 'say' ? s.estimatedMs : 0), 0);
    assert.equal(simulation.outcome.at, spoken + 3 * 5000);
    assert.equal(lastLines(simulation, 1)[0], `outcome: hangup at ${clock(spoken + 15000).slice(1, -1)}`);
    assert.match(renderTranscript(simulation), /^\[00:00\.0\] SAY "您好!请问有什么可以帮您\?"\n\[00:03\.8\] WAIT 5s → silence$/m);
  });

  it('silent call, the caller answers the second time: the agent takes over', async () => {
    const simulation = await simulateSample('greeting-and-line.sop', '无声电话', ['silence', 'reply']);
    assert.deepEqual(actions(simulation).slice(-2), ['WAIT 5s → reply', 'END (the caller answered: agent takes over)']);
    assert.equal(simulation.outcome.outcome, 'agent-takeover');
  });

  it('without events the caller stays silent, and the transcript says so', async () => {
    const simulation = await simulateSample('english-support.sop', 'silent_line', []);
    assert.deepEqual(
      actions(simulation).filter((a) => a.startsWith('WAIT')),
      ['WAIT 5s → silence (default)', 'WAIT 5s → silence (default)', 'WAIT 5s → silence (default)'],
    );
    assert.equal(simulation.outcome.outcome, 'hangup');
  });

  it('hold with consent: asks, the caller agrees, the line is held, then thanks the caller', async () => {
    const simulation = await simulateSample('service.sop', 'hold_for_lookup', ['reply']);
    assert.deepEqual(actions(simulation), [
      'START hold_for_lookup "请客户稍等"',
      'SAY "对不起,请您稍等片刻,好吗?"',
      'WAIT 5s → reply',
      'HOLD up to 2m',
      'SAY "对不起,让您久等了。"',
      'END (agent takes over)',
    ]);
    // A reply comes at once; the hold counts its whole maximum.
    const [say, wait, hold, thanks] = simulation.steps;
    assert.equal(wait.at, say.at + (say.type === 'say' ? say.estimatedMs : NaN));
    assert.equal(hold.at, wait.at);
    assert.equal(thanks.at, hold.at + 120_000);
    assert.match(renderTranscript(simulation), /^\[02:03\.8\] SAY "对不起,让您久等了。"$/m);
  });

  it('a complex complaint: note, promise, then the jump to the imported closing', async () => {
    const simulation = await simulateSample('complaints.sop', 'complaint_complex', ['silence', 'silence']);
    const lines = actions(simulation);
    assert.deepEqual(lines.slice(0, 7), [
      'START complaint_complex "无法当场答复的复杂投诉"',
      'NOTE "详细记录投诉内容,请客户留下联系方式,提交组长或主管处理;处理过程中主动告知客户进度"',
      'SAY "很抱歉,{姓氏}先生/小姐,多谢您反映的意见,我们会尽快向上级部门反映。"',
      'PROMISE 24h "在24小时之内给客户明确的答复"',
      'SAY "我们会在24小时之内给您明确的答复。"',
      'GOTO closing "通话结束"',
      'SAY "请问还有什么可以帮您?"',
    ]);
    const afterJump = simulation.steps[5];
    assert.equal(afterJump.situation, 'closing');
    assert.equal(afterJump.source.file, 'closing.sop', 'the step comes from the imported file');
    // closing's goodbye, then caller_stays asks once more and hangs up after its own goodbye.
    assert.ok(lines.includes('GOTO caller_stays "通话完毕客户仍未挂机"'));
    assert.deepEqual(lines.slice(-3), ['SAY "对不起,我挂线了。"', 'WAIT 5s → silence (default)', 'HANGUP']);
  });

  it('an escalation transfers to the queue', async () => {
    const simulation = await simulateSample('complaints.sop', 'complaint_escalate', []);
    assert.deepEqual(actions(simulation).slice(-1), ['TRANSFER 投诉处理组']);
    assert.equal(simulation.outcome.outcome, 'transfer');
    assert.match(lastLines(simulation, 1)[0], /^outcome: transferred to 投诉处理组 at 00:\d\d\.\d$/);
  });

  it('events the call never needed are reported', async () => {
    const simulation = await simulateSample('service.sop', 'staff_number', ['reply', 'silence', 'reply']);
    assert.equal(simulation.outcome.eventsUsed, 1);
    assert.equal(simulation.outcome.eventsUnused, 2);
    assert.equal(lastLines(simulation, 1)[0], 'note: 2 events were not used (the call ended first)');
  });
});

describe('simulate: phrases and steps as the script wrote them', () => {
  it('shows placeholders as {name} and literal braces escaped', async () => {
    const simulation = await simulateText('var 工号\nsituation a { say "工号{工号},写作\\{工号\\}" end }', 'a', []);
    assert.equal(actions(simulation)[1], 'SAY "工号{工号},写作\\{工号\\}"');
  });

  it('a hold without a limit, a promise without text, durations in their shortest form', async () => {
    const simulation = await simulateText(
      'situation a { say "稍等" wait 1.5s reply { hold say "久等了" promise 90m end } fallback goto a }',
      'a',
      ['reply'],
    );
    assert.deepEqual(actions(simulation).slice(2), ['WAIT 1.5s → reply', 'HOLD until the agent returns', 'SAY "久等了"', 'PROMISE 90m', 'END (agent takes over)']);
  });
});

describe('simulate: calls that never end', () => {
  const pingPong = [
    'situation a { say "a?" wait 5s reply end fallback goto b }',
    'situation b { say "b?" wait 5s reply end fallback goto a }',
  ].join('\n');

  it('a loop the caller’s silence keeps taking stops where it would repeat', async () => {
    const simulation = await simulateText(pingPong, 'a', ['silence']);
    assert.equal(simulation.outcome.outcome, 'loop');
    assert.deepEqual(simulation.outcome.loop, ['a', 'b', 'a']);
    // One whole round is shown: from the first step after the events ran out to its repeat.
    assert.deepEqual(actions(simulation), [
      'START a',
      'SAY "a?"',
      'WAIT 5s → silence',
      'GOTO b',
      'SAY "b?"',
      'WAIT 5s → silence (default)',
      'GOTO a',
      'SAY "a?"',
      'WAIT 5s → silence (default)',
    ]);
    assert.match(lastLines(simulation, 1)[0], /^outcome: stopped at 00:1\d\.\d: with the caller silent the call goes round a → b → a for ever$/);
  });

  it('a loop only begins once the given events have run out', async () => {
    const simulation = await simulateText(pingPong, 'a', ['silence', 'silence', 'silence', 'reply']);
    assert.equal(simulation.outcome.outcome, 'agent-takeover');
    assert.equal(simulation.outcome.eventsUsed, 4);
  });

  it('jumps that never speak or wait are caught too', async () => {
    const simulation = await simulateText('situation a { goto b }\nsituation b { goto a }', 'a', []);
    assert.equal(simulation.outcome.outcome, 'loop');
    assert.deepEqual(simulation.outcome.loop, ['a', 'b', 'a']);
  });

  it('stops after the step limit when the events keep the call going', async () => {
    const events: CallerEvent[] = Array.from({ length: 2000 }, () => 'reply');
    const text = 'situation a { say "again?" wait 5s reply goto a fallback { say "bye" wait 5s hangup } }';
    const simulation = await simulateText(text, 'a', events);
    assert.equal(simulation.outcome.outcome, 'step-limit');
    assert.equal(simulation.steps.length, 1000);
    assert.equal(lastLines(simulation, 2)[0], 'outcome: stopped after 1000 steps without reaching an end');
    const short = await simulateText(text, 'a', events, 10);
    assert.equal(short.steps.length, 10);
  });

  it('a dead end (a lint error the CLI refuses) ends the walk and says so', async () => {
    const simulation = await simulateText('situation a { say "x" }', 'a', []);
    assert.equal(simulation.outcome.outcome, 'dead-end');
    assert.deepEqual(actions(simulation).slice(-1), ['END (dead end: the situation ran out of steps)']);
  });
});

describe('simulate: the caller events and the clock', () => {
  const cases: Array<[string, CallerEvent[], string[]]> = [
    ['silence,reply', ['silence', 'reply'], []],
    ['沉默,回应,沉默', ['silence', 'reply', 'silence'], []],
    ['Silence, REPLY', ['silence', 'reply'], []],
    ['沉默,回应、silence reply', ['silence', 'reply', 'silence', 'reply'], []],
    ['', [], []],
    ['silence,,reply,', ['silence', 'reply'], []],
    ['slience,reply,toString', ['reply'], ['slience', 'toString']],
  ];
  for (const [text, events, invalid] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const parsed = parseCallerEvents(text);
      assert.deepEqual(
        parsed.events,
        events.map((event) => ({ event, afterMs: null })),
      );
      assert.deepEqual(parsed.invalid, invalid);
    });
  }

  const clocks: Array<[number, string]> = [
    [0, '[00:00.0]'],
    [2750, '[00:02.8]'],
    [59_960, '[01:00.0]'],
    [123_750, '[02:03.8]'],
    [3_600_000, '[60:00.0]'],
    [6_000_000, '[100:00.0]'],
  ];
  for (const [ms, text] of clocks) {
    it(`shows ${ms} ms as ${text}`, () => assert.equal(clock(ms), text));
  }
});

describe('simulate: placeholder values', () => {
  const script = 'var 姓氏, 工号\nsituation a { say "{姓氏}先生,工号{工号}为您服务" end }';

  it('speaks a filled placeholder with its value and keeps an unfilled one as {name}', async () => {
    const simulation = await simulateSituation(await loadTexts({ 'a.sop': script }), 'a', [], { vars: { 姓氏: '王' } });
    assert.equal(actions(simulation)[1], 'SAY "王先生,工号{工号}为您服务"');
    const say = simulation.steps[0];
    assert.ok(say.type === 'say');
    assert.equal(say.text, '王先生,工号{工号}为您服务');
    assert.deepEqual(say.spoken[0], { var: '姓氏', value: '王' });
    assert.deepEqual(say.spoken[2], { var: '工号', value: null });
  });

  it('times a filled phrase by its value: a one-character surname is shorter than the typical three', async () => {
    const program = await loadTexts({ 'a.sop': script });
    const unfilled = simulateSituation(program, 'a', []).steps[0];
    const filled = simulateSituation(program, 'a', [], { vars: new Map([['姓氏', '王']]) }).steps[0];
    assert.ok(unfilled.type === 'say' && filled.type === 'say');
    assert.equal(unfilled.estimatedMs - filled.estimatedMs, 2 * 250);
  });

  it('escapes braces in a value, so it never reads as a placeholder', async () => {
    const simulation = await simulateSituation(await loadTexts({ 'a.sop': script }), 'a', [], { vars: { 工号: '{8}' } });
    assert.equal(actions(simulation)[1], 'SAY "{姓氏}先生,工号\\{8\\}为您服务"');
  });
});

describe('simulate: caller reply timing', () => {
  const ask = 'situation a { say "您好" wait 5s reply { say "好的" end } fallback hangup }';

  it('parses timed replies, in Chinese too, and rejects a timed silence or a bad time', () => {
    const parsed = parseCallerEvents('reply@2s, 回应@1.5秒 沉默、reply');
    assert.deepEqual(parsed.events, [
      { event: 'reply', afterMs: 2000 },
      { event: 'reply', afterMs: 1500 },
      { event: 'silence', afterMs: null },
      { event: 'reply', afterMs: null },
    ]);
    const bad = parseCallerEvents('silence@2s,reply@2,rely');
    assert.deepEqual(
      bad.problems.map((p) => [p.word, p.kind]),
      [
        ['silence@2s', 'time'],
        ['reply@2', 'time'],
        ['rely', 'unknown'],
      ],
    );
    assert.deepEqual(bad.invalid, ['silence@2s', 'reply@2', 'rely']);
  });

  it('a reply 2 s into the wait moves the clock on by 2 s', async () => {
    const simulation = await simulateText(ask, 'a', ['reply']);
    const timed = simulateSituation(await loadTexts({ 'a.sop': ask }), 'a', [{ event: 'reply', afterMs: 2000 }]);
    assert.equal(timed.steps[2].at - simulation.steps[2].at, 2000);
    assert.equal(actions(timed)[2], 'WAIT 5s → reply after 2s');
    const wait = timed.steps[1];
    assert.ok(wait.type === 'wait');
    assert.equal(wait.replyAfterMs, 2000);
  });

  it('a reply later than the wait times out stops the walk with late-reply, at the wait', async () => {
    const simulation = simulateSituation(await loadTexts({ 'a.sop': ask }), 'a', ['silence', { event: 'reply', afterMs: 6000 }]);
    // The first silence takes the fallback and hangs up, so the late reply is never needed.
    assert.equal(simulation.outcome.outcome, 'hangup');
    const late = simulateSituation(await loadTexts({ 'a.sop': ask }), 'a', [{ event: 'reply', afterMs: 6000 }]);
    assert.equal(late.outcome.outcome, 'late-reply');
    assert.deepEqual(late.outcome.lateReply, { index: 0, afterMs: 6000 });
    assert.equal(late.outcome.wait?.timeoutMs, 5000);
    assert.match(renderTranscript(late), /^outcome: stopped at 00:00\.\d: event 1 \(reply@6s\) comes after the 5s wait timed out$/m);
    const onTime = simulateSituation(await loadTexts({ 'a.sop': ask }), 'a', [{ event: 'reply', afterMs: 5000 }]);
    assert.equal(onTime.outcome.outcome, 'agent-takeover', 'a reply exactly at the timeout still counts');
  });
});

describe('simulate: interactive mode', () => {
  it('stops at a wait once the events ran out, saying where and how long the wait is', async () => {
    const { program, displayPath } = await loadSample('greeting-and-line.sop');
    const first = simulateSituation(program, '无声电话', [], { displayPath, interactive: true });
    assert.equal(first.outcome.outcome, 'awaiting-caller');
    assert.deepEqual(actions(first), ['START 无声电话 "遇到无声电话"', 'SAY "您好!请问有什么可以帮您?"']);
    assert.equal(first.outcome.wait?.timeoutMs, 5000);
    assert.equal(first.outcome.wait?.source.file, 'greeting-and-line.sop');
    assert.equal(first.outcome.at, first.steps[0].type === 'say' ? first.steps[0].estimatedMs : NaN);
    assert.match(renderTranscript(first), /^outcome: waiting at 00:03\.8 for the caller \(the wait times out after 5s\)$/m);
    // One click more: the caller stays silent, and the walk stops at the next wait.
    const second = simulateSituation(program, '无声电话', ['silence'], { displayPath, interactive: true });
    assert.equal(second.outcome.outcome, 'awaiting-caller');
    assert.equal(second.steps.length, 3);
    const third = simulateSituation(program, '无声电话', ['silence', 'silence', 'silence'], { displayPath, interactive: true });
    assert.equal(third.outcome.outcome, 'hangup');
  });
});

/**
 * Script tests' pure part: reading a `*.sop-test.yaml` file with every mistake at its
 * place, checking it against the script, and judging a case's call against what it expects.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { compileProgram } from '../../../server/src/language/compile/compile';
import { LineIndex } from '../../../server/src/language/line-index';
import {
  checkTestFile,
  defaultScriptUri,
  readTestFile,
  runTestCase,
  scriptUriOf,
  testUriOf,
  type CaseResult,
} from '../../../server/src/language/script-test/index';
import { loadTexts, samplesDir } from '../graph/load';

const SCRIPT = [
  'var 姓氏',
  'situation ask {',
  '  say "您好,{姓氏}先生"',
  '  wait 5s',
  '  reply { say "好的,马上为您处理" end }',
  '  fallback {',
  '    say "请问还在吗?"',
  '    wait 5s',
  '    fallback { say "再见!" hangup }',
  '  }',
  '}',
  'situation angry {',
  '  say "我理解您的心情"',
  '  transfer "投诉处理组"',
  '}',
  '',
].join('\n');

/** `line:column` (1-based) of a span's start in `text`. */
function where(text: string, offset: number): string {
  const p = new LineIndex(text).positionAt(offset);
  return `${p.line + 1}:${p.character + 1}`;
}

async function run(yaml: string): Promise<CaseResult[]> {
  const read = readTestFile('/mem/a.sop-test.yaml', yaml);
  assert.deepEqual(read.findings, []);
  const compiled = compileProgram(await loadTexts({ 'a.sop': SCRIPT }), {});
  assert.deepEqual(checkTestFile(read.file, compiled, 'a.sop'), []);
  return read.file.cases.map((c) => runTestCase(compiled, c));
}

describe('script tests: reading a test file', () => {
  it('reads cases with events (list or text, timed, Chinese), vars, phrases, outcome and time', () => {
    const text = [
      'script: ./a.sop',
      'cases:',
      '  - name: silent',
      '    situation: ask',
      '    events: [silence, 回应@2秒]',
      '    vars: { 姓氏: 王 }',
      '    says: [您好]',
      '    never-says: 我不知道',
      '    outcome: { transfer: 投诉处理组 }',
      '    within: 30秒',
      '  - situation: angry',
      '    events: silence, reply@1.5s',
      '    outcome: hangup',
      '',
    ].join('\n');
    const { file, findings } = readTestFile('/mem/a.sop-test.yaml', text);
    assert.deepEqual(findings, []);
    assert.equal(file.script?.value, './a.sop');
    const [first, second] = file.cases;
    assert.equal(first.name, 'silent');
    assert.deepEqual(
      first.events.map((e) => e.value),
      [
        { event: 'silence', afterMs: null },
        { event: 'reply', afterMs: 2000 },
      ],
    );
    assert.deepEqual(first.vars.map((v) => [v.name, v.value]), [['姓氏', '王']]);
    assert.deepEqual(first.says.map((p) => p.value), ['您好']);
    assert.deepEqual(first.neverSays.map((p) => p.value), ['我不知道']);
    assert.deepEqual(first.outcome?.value, { kind: 'transfer', queue: '投诉处理组' });
    assert.equal(first.withinMs?.value, 30_000);
    assert.equal(where(text, first.situation.span.start), '4:16');
    assert.equal(second.name, 'angry', 'a case without a name is named after its situation');
    assert.equal(second.events[1].value.afterMs, 1500);
  });

  const mistakes: Array<[string, string, string, RegExp]> = [
    ['bad YAML', 'cases:\n  - situation: [a\n', '3:1', /^invalid YAML: /],
    ['not a mapping', '- a\n- b\n', '1:1', /is a mapping with "cases"/],
    ['no cases', 'script: a.sop\n', '1:1', /has no "cases"/],
    ['a misspelt key', 'cases:\n  - situation: a\n    sayz: [x]\n', '3:5', /unknown key "sayz" — did you mean "says"\?/],
    ['a case without situation', 'cases:\n  - name: x\n', '2:5', /has no "situation"/],
    ['a bad event', 'cases:\n  - situation: a\n    events: [silence, rely]\n', '3:23', /unknown event "rely"/],
    ['a timed silence', 'cases:\n  - situation: a\n    events: silence@2s\n', '3:13', /a silence lasts the whole wait/],
    ['a bad duration', 'cases:\n  - situation: a\n    within: 30\n', '3:13', /"30" is no duration/],
    ['a bad outcome', 'cases:\n  - situation: a\n    outcome: hangpu\n', '3:14', /did you mean "hangup"\?/],
    ['an empty phrase', 'cases:\n  - situation: a\n    says: [""]\n', '3:12', /an empty phrase/],
    ['a duplicate key', 'cases:\n  - situation: a\n    situation: b\n', '3:5', /^invalid YAML: .*[Uu]nique/],
  ];
  for (const [name, text, at, message] of mistakes) {
    it(`reports ${name} at its line and column`, () => {
      const { findings } = readTestFile('/mem/t.sop-test.yaml', text);
      assert.ok(findings.length > 0, 'a finding');
      assert.equal(findings[0].rule, 'script-test');
      assert.equal(where(text, findings[0].span.start), at);
      assert.match(findings[0].message, message);
    });
  }

  it('never throws on any text', () => {
    for (const text of ['', ':', '{', 'cases: 3', 'cases:\n  - 3', '\t\u0000', 'cases: [{situation: {a: 1}}]']) {
      assert.doesNotThrow(() => readTestFile('/mem/t.sop-test.yaml', text));
    }
  });

  it('finds the script beside the test file, or at its "script" path', () => {
    assert.equal(defaultScriptUri('/w/service.sop-test.yaml'), '/w/service.sop');
    assert.equal(testUriOf('/w/service.sop'), '/w/service.sop-test.yaml');
    const { file } = readTestFile('/w/tests/x.sop-test.yaml', 'script: ../scripts/y.sop\ncases: []\n');
    assert.equal(scriptUriOf(file), '/w/scripts/y.sop');
  });

  it('an unknown situation, goto target or variable is reported where the test names it', async () => {
    const text = 'cases:\n  - situation: aks\n  - situation: ask\n    outcome: { goto: nowhere }\n    vars: { 姓: 王 }\n';
    const read = readTestFile('/mem/a.sop-test.yaml', text);
    const findings = checkTestFile(read.file, compileProgram(await loadTexts({ 'a.sop': SCRIPT }), {}), 'a.sop');
    assert.deepEqual(
      findings.map((f) => [where(text, f.span.start), f.message]),
      [
        ['2:16', 'no situation "aks" in a.sop or the files it imports — did you mean "ask"?'],
        ['4:14', 'no situation "nowhere" in a.sop or the files it imports'],
        ['5:13', 'no variable "姓" is declared with var in a.sop or the files it imports — did you mean "姓氏"?'],
      ],
    );
  });
});

describe('script tests: judging a call', () => {
  it('passes a case whose phrases, outcome and time all hold', async () => {
    const [result] = await run('cases:\n  - situation: ask\n    events: silence, silence\n    vars: {姓氏: 王}\n    says: [王先生, 还在吗, 再见]\n    outcome: hangup\n    within: 20s\n');
    assert.equal(result.status, 'passed', JSON.stringify(result.failures));
  });

  it('expected phrases must come in order; two parts of one phrase may follow each other', async () => {
    const [inOrder, swapped] = await run('cases:\n  - situation: ask\n    says: [您好, 先生, 再见]\n  - situation: ask\n    says: [再见, 您好]\n');
    assert.equal(inOrder.status, 'passed');
    assert.equal(swapped.status, 'failed');
    assert.deepEqual(swapped.failures.map((f) => f.message), ['expected "您好" to be said after "再见", but it was not']);
    // The diff shows the missing phrase where it was expected: after the goodbye.
    const expectedOnly = swapped.diff.filter((l) => l.kind === 'expected').map((l) => l.text);
    assert.deepEqual(expectedOnly, ['SAY "…您好…"']);
    const lines = swapped.expected.trimEnd().split('\n');
    assert.match(lines[lines.indexOf('SAY "…您好…"') - 1], /^\[\d\d:\d\d\.\d\] SAY "再见!"$/);
    assert.ok(!swapped.actual.includes('…您好…'));
  });

  it('a phrase that must never be said fails the case, with when it was said', async () => {
    const [result] = await run('cases:\n  - situation: ask\n    never-says: [再见]\n');
    assert.equal(result.status, 'failed');
    assert.match(result.failures[0].message, /^"再见" must never be said, but was at 00:\d\d\.\d: "再见!"$/);
    assert.deepEqual(result.diff.filter((l) => l.kind === 'actual').map((l) => l.text.replace(/^\[[^\]]+\] /, '')), ['SAY "再见!"']);
  });

  it('a wrong outcome or a late one fails, and the diff shows both outcome lines', async () => {
    const [wrong, late, queue, reached] = await run(
      [
        'cases:',
        '  - situation: ask',
        '    outcome: { transfer: 投诉处理组 }',
        '  - situation: ask',
        '    outcome: hangup',
        '    within: 10s',
        '  - situation: angry',
        '    outcome: { transfer: 别的组 }',
        '  - situation: ask',
        '    events: [reply@2s]',
        '    outcome: agent-takeover',
        '    within: 10s',
        '',
      ].join('\n'),
    );
    assert.match(wrong.failures[0].message, /^expected a transfer to 投诉处理组, but it hung up at 00:\d\d\.\d$/);
    assert.deepEqual(wrong.diff.slice(-2).map((l) => l.kind), ['expected', 'actual']);
    assert.equal(wrong.diff[wrong.diff.length - 2].text, 'outcome: transferred to 投诉处理组');
    assert.match(late.failures[0].message, /^expected a hang-up within 10s, but it happened at 00:\d\d\.\d$/);
    assert.equal(late.diff[late.diff.length - 2].text, 'outcome: hangup within 10s');
    assert.match(queue.failures[0].message, /^expected a transfer to 别的组, but it was transferred to 投诉处理组 at /);
    assert.equal(reached.status, 'passed');
  });

  it('a goto outcome checks the jump, and its time is the jump', async () => {
    const script = 'situation a {\n  say "您好"\n  wait 5s\n  reply end\n  fallback goto b\n}\nsituation b {\n  say "再见"\n  hangup\n}\n';
    const compiled = compileProgram(await loadTexts({ 'a.sop': script }), {});
    const read = readTestFile('/mem/a.sop-test.yaml', 'cases:\n  - situation: a\n    outcome: {goto: b}\n    within: 7s\n  - situation: a\n    events: reply\n    outcome: {goto: b}\n');
    const [jumps, stays] = read.file.cases.map((c) => runTestCase(compiled, c));
    assert.equal(jumps.status, 'passed', JSON.stringify(jumps.failures));
    assert.equal(stays.status, 'failed');
    assert.match(stays.failures[0].message, /^expected a goto b, but the call never went there \(the agent took over at /);
  });

  it('a call that never ends fails even without an outcome', async () => {
    const script = 'situation a {\n  say "喂?"\n  wait 5s\n  reply end\n  fallback goto a\n}\n';
    const compiled = compileProgram(await loadTexts({ 'a.sop': script }), {});
    const read = readTestFile('/mem/a.sop-test.yaml', 'cases:\n  - situation: a\n');
    const [result] = read.file.cases.map((c) => runTestCase(compiled, c));
    assert.equal(result.status, 'failed');
    assert.match(result.failures[0].message, /^the call never ends properly: stopped at .* goes round a → a for ever$/);
  });

  it('a reply later than its wait is an error of the case, at the event', async () => {
    const text = 'cases:\n  - situation: ask\n    events: [reply@6s]\n';
    const [result] = await run(text);
    assert.equal(result.status, 'error');
    assert.equal(where(text, result.failures[0].span.start), '3:14');
    assert.match(result.failures[0].message, /^reply@6s comes after the 5s wait timed out/);
  });
});

describe('script tests: the shipped schema and samples', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schema/sop-test.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const samples = fs.readdirSync(samplesDir).filter((name) => name.endsWith('.sop-test.yaml'));

  it('samples ship with tests', () => {
    assert.ok(samples.length >= 3, samples.join(', '));
  });

  for (const name of samples) {
    it(`${name} is valid by the reader and by the JSON Schema`, () => {
      const read = readTestFile(`/samples/${name}`, fs.readFileSync(path.join(samplesDir, name), 'utf8'));
      assert.deepEqual(read.findings, []);
      assert.ok(validate(read.data), JSON.stringify(validate.errors));
    });
  }

  it('the schema rejects what the reader rejects', () => {
    for (const text of ['cases:\n  - situation: a\n    sayz: x\n', 'cases:\n  - name: x\n', 'cases:\n  - situation: a\n    outcome: hangpu\n', 'cases:\n  - situation: a\n    events: [rely]\n', 'cases:\n  - situation: a\n    within: "30"\n']) {
      const read = readTestFile('/mem/t.sop-test.yaml', text);
      assert.ok(read.findings.length > 0, text);
      assert.equal(validate(read.data), false, text);
    }
  });
});

describe('script tests: numbers written as YAML numbers', () => {
  it('a phrase, a name or a value written as a number is its text as written', async () => {
    const read = readTestFile('/mem/a.sop-test.yaml', 'cases:\n  - name: 007\n    situation: ask\n    vars: { 姓氏: 1024 }\n    says: [1024]\n');
    assert.deepEqual(read.findings, []);
    const [testCase] = read.file.cases;
    assert.equal(testCase.name, '007');
    assert.equal(testCase.vars[0].value, '1024');
    assert.equal(testCase.says[0].value, '1024');
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../schema/sop-test.schema.json'), 'utf8')) as object;
    assert.ok(new Ajv({ strict: false }).validate(schema, read.data));
    const compiled = compileProgram(await loadTexts({ 'a.sop': SCRIPT }), {});
    assert.equal(runTestCase(compiled, testCase).status, 'passed');
  });
});

import { strict as assert } from 'node:assert';
import { completeAt, type CompletionEntry, type CompletionOptions } from '../../../server/src/language/index';
import { applyEdits, programOf } from './cursor';

interface Case {
  name: string;
  /** The first file is the one edited; `|` marks the cursor. */
  files: Record<string, string>;
  options?: CompletionOptions;
  /** Labels that must be offered. */
  includes?: string[];
  /** Labels that must not be offered. */
  excludes?: string[];
  /** The labels offered first, in order (by sort text). */
  first?: string[];
  /** Nothing is offered. */
  empty?: true;
  /** Accepting `label` turns the first file into `result` (without the `|`). */
  accept?: { label: string; result: string };
}

const STEPS = ['say', 'wait', 'note', 'promise', 'hold', 'goto', 'transfer', 'hangup', 'end'];

const CASES: Case[] = [
  {
    name: 'offers step keywords inside a situation body, not declarations',
    files: { 'a.sop': 'situation a {\n  say "hi"\n  |\n}\n' },
    includes: STEPS,
    excludes: ['situation', 'var', 'import', 'script', 'reply', 'fallback', 'when', '说'],
  },
  {
    name: 'offers `when` only before the first step',
    files: { 'a.sop': 'situation a "A" {\n  |\n}\n' },
    includes: ['when', 'say'],
  },
  {
    name: 'offers declarations at the top level',
    files: { 'a.sop': 'var name\n|\n' },
    includes: ['situation', 'var', 'import'],
    excludes: ['say', 'wait', 'script', 'version'],
  },
  {
    name: 'offers the header fields that may still follow',
    files: { 'a.sop': 'script "Support"\n|' },
    includes: ['version', 'locale', 'situation'],
    excludes: ['script', 'say'],
  },
  {
    name: 'offers declarations after a closed situation',
    files: { 'a.sop': 'situation a {\n  end\n}\n|' },
    includes: ['situation', 'var', 'import'],
    excludes: ['say', 'script'],
  },
  {
    name: 'offers reply and fallback first right after a wait',
    files: { 'a.sop': 'situation a {\n  say "hi"\n  wait 5s\n  |\n}\n' },
    first: ['reply', 'fallback'],
    includes: STEPS,
  },
  {
    name: 'offers only fallback after a wait that has a reply',
    files: { 'a.sop': 'situation a {\n  say "hi"\n  wait 5s\n  reply end\n  |\n}\n' },
    first: ['fallback'],
    excludes: ['reply'],
  },
  {
    name: 'offers neither branch after a wait that has its fallback',
    files: { 'a.sop': 'situation a {\n  say "hi"\n  wait 5s\n  fallback {\n    hangup\n  }\n  |\n}\n' },
    includes: STEPS,
    excludes: ['reply', 'fallback'],
  },
  {
    name: 'offers steps as the body of a fallback written without braces',
    files: { 'a.sop': 'situation a {\n  wait 5s fallback |\n}\n' },
    includes: STEPS,
    excludes: ['reply', 'fallback', 'when'],
  },
  {
    name: 'keeps the Chinese spelling of a Chinese-spelled file',
    files: { 'a.sop': '情景 a {\n  说 “您好”\n  等待 5秒\n  |\n}\n' },
    first: ['回应', '兜底'],
    includes: ['说', '等待', '转到', '挂机'],
    excludes: ['say', 'wait', 'reply'],
  },
  {
    name: 'follows the spelling most keywords of the file use',
    files: { 'a.sop': '情景 a {\n  say “您好”\n  等待 5秒\n  兜底 挂机\n}\n情景 b {\n  |\n}\n' },
    includes: ['说', '触发'],
    excludes: ['say', 'when'],
  },
  {
    name: 'switches to the other spelling when the writer types it',
    files: { 'a.sop': '情景 a {\n  说 “您好”\n  wa|\n}\n' },
    includes: ['wait'],
    excludes: ['等待'],
    accept: { label: 'wait', result: '情景 a {\n  说 “您好”\n  wait \n}\n' },
  },
  {
    name: 'completes a half-typed keyword in a situation that does not parse',
    files: { 'a.sop': 'situation a {\n  say "Hello?"\n  wait 5s\n  fal|' },
    first: ['reply', 'fallback'],
    accept: { label: 'fallback', result: 'situation a {\n  say "Hello?"\n  wait 5s\n  fallback ' },
  },
  {
    name: 'offers situation ids after goto, across imports, with their titles',
    files: {
      'a.sop': 'import "lib/closing.sop"\nsituation a "Greeting" {\n  goto |\n}\n',
      'lib/closing.sop': 'situation closing "通话结束" {\n  say "再见!"\n  wait 5s\n  hangup\n}\n',
    },
    includes: ['closing', 'a'],
    first: ['closing'],
    excludes: STEPS,
    accept: { label: 'closing', result: 'import "lib/closing.sop"\nsituation a "Greeting" {\n  goto closing\n}\n' },
  },
  {
    name: 'offers situation ids after 转到 in a broken situation',
    files: { 'a.sop': '情景 甲 {\n  说 “您好”\n  sya "x"\n  转到 乙|\n}\n情景 乙乙 { 结束 }\n' },
    includes: ['乙乙', '甲'],
    accept: { label: '乙乙', result: '情景 甲 {\n  说 “您好”\n  sya "x"\n  转到 乙乙\n}\n情景 乙乙 { 结束 }\n' },
  },
  {
    name: 'offers the variables of the whole program inside { in a string',
    files: {
      'a.sop': 'import "b.sop"\nvar 姓氏\nsituation a {\n  say "您好,{|"\n}\n',
      'b.sop': 'var 工号\nsituation b { end }\n',
    },
    includes: ['姓氏', '工号'],
    excludes: STEPS,
    accept: { label: '工号', result: 'import "b.sop"\nvar 姓氏\nsituation a {\n  say "您好,{工号}"\n}\n' },
  },
  {
    name: 'does not add a second closing brace',
    files: { 'a.sop': 'var name, company\nsituation a {\n  say "Hi {na|}"\n}\n' },
    accept: { label: 'name', result: 'var name, company\nsituation a {\n  say "Hi {name}"\n}\n' },
  },
  {
    name: 'reads the variables of a prelude that does not parse',
    files: { 'a.sop': 'var 姓氏, 工号\nversion\nsituation a {\n  say “{|”\n}\n' },
    includes: ['姓氏', '工号'],
  },
  {
    name: 'offers no variables after an escaped brace',
    files: { 'a.sop': 'var name\nsituation a {\n  say "\\{|"\n}\n' },
    excludes: ['name'],
  },
  {
    name: 'offers durations after wait in the file\'s units',
    files: { 'a.sop': 'situation a {\n  say "hi"\n  wait |\n}\n' },
    first: ['5s', '10s', '30s'],
    excludes: STEPS,
  },
  {
    name: 'offers Chinese units in a Chinese-spelled file',
    files: { 'a.sop': '情景 a {\n  说 “您好”\n  等待 |\n}\n' },
    first: ['5秒', '10秒', '30秒'],
  },
  {
    name: 'gives typed digits a unit',
    files: { 'a.sop': 'situation a {\n  wait 15|\n}\n' },
    first: ['15s', '15m', '15h'],
    accept: { label: '15s', result: 'situation a {\n  wait 15s\n}\n' },
  },
  {
    name: 'offers hours after promise',
    files: { 'a.sop': 'situation a {\n  promise |\n}\n' },
    includes: ['24h'],
  },
  {
    name: 'offers standard phrasings after say, quoted, in the file\'s language',
    files: { 'a.sop': 'locale "zh-CN"\nsituation a {\n  say |\n}\n' },
    includes: ['对不起,请您稍等片刻,好吗?', '感谢您的来电,若有问题请再次来电,再见!'],
    excludes: ['Thank you for holding.', 'say'],
    accept: {
      label: '对不起,让您久等了。',
      result: 'locale "zh-CN"\nsituation a {\n  say "对不起,让您久等了。"\n}\n',
    },
  },
  {
    name: 'offers English phrasings in an English script',
    files: { 'a.sop': 'locale "en-US"\nsituation a {\n  say "Hello?"\n  wait 5s\n  say |\n}\n' },
    includes: ['Thank you for holding.', 'Would you mind holding for a moment?'],
    excludes: ['对不起,让您久等了。'],
  },
  {
    name: 'fills an empty say string with a phrase, in its quote style',
    files: { 'a.sop': '情景 a {\n  说 “|”\n}\n' },
    accept: { label: '对不起,请您原谅。', result: '情景 a {\n  说 “对不起,请您原谅。”\n}\n' },
  },
  {
    name: 'closes an unclosed say string',
    files: { 'a.sop': 'situation a {\n  say "您好|\n}\n' },
    accept: { label: '您好,请问有什么可以帮您?', result: 'situation a {\n  say "您好,请问有什么可以帮您?"\n}\n' },
  },
  {
    name: 'leaves out phrasings the configured lexicon bans',
    files: { 'a.sop': 'locale "zh-CN"\nsituation a {\n  say |\n}\n' },
    options: { isBanned: (phrase) => phrase.includes('稍等') },
    includes: ['对不起,让您久等了。'],
    excludes: ['对不起,请您稍等片刻,好吗?'],
  },
  {
    name: 'offers the program\'s tags after tags',
    files: { 'a.sop': 'situation a tags 投诉 { end }\nsituation b tags |' },
    includes: ['投诉'],
  },
  {
    name: 'offers tags after the situation header',
    files: { 'a.sop': 'situation a "A" |' },
    includes: ['tags'],
    excludes: ['say'],
  },
  { name: 'offers nothing in a comment', files: { 'a.sop': 'situation a {\n  # goto |\n}\n' }, empty: true },
  { name: 'offers nothing in a note', files: { 'a.sop': 'situation a {\n  note "ask |"\n}\n' }, empty: true },
  { name: 'offers nothing where a new name is written', files: { 'a.sop': 'situation |' }, empty: true },
  {
    name: 'offers no keywords when a space was typed between words',
    files: { 'a.sop': 'situation a {\n  say "hi" |\n}\n' },
    options: { triggerCharacter: ' ' },
    empty: true,
  },
  {
    name: 'offers situation ids when a space was typed after goto',
    files: { 'a.sop': 'situation a {\n  goto |\n}\n' },
    options: { triggerCharacter: ' ' },
    includes: ['a'],
  },
  {
    name: 'offers no phrasings while a phrase is being typed',
    files: { 'a.sop': 'situation a {\n  say "Hello, |"\n}\n' },
    options: { triggerCharacter: ' ' },
    empty: true,
  },
];

function labels(entries: CompletionEntry[]): string[] {
  return entries.map((e) => e.label);
}

describe('completion', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { program, uri, offset } = await programOf(c.files);
      const entries = completeAt(program, uri, offset, c.options);
      const offered = labels(entries);
      if (c.empty) assert.deepEqual(offered, []);
      for (const label of c.includes ?? []) assert.ok(offered.includes(label), `${label} missing from ${offered.join(', ')}`);
      for (const label of c.excludes ?? []) assert.ok(!offered.includes(label), `${label} offered: ${offered.join(', ')}`);
      if (c.first) {
        const sorted = labels([...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)));
        assert.deepEqual(sorted.slice(0, c.first.length), c.first);
      }
      if (c.accept) {
        const entry = entries.find((e) => e.label === c.accept!.label);
        assert.ok(entry, `${c.accept.label} not offered: ${offered.join(', ')}`);
        assert.equal(applyEdits(program.root.text, [entry]), c.accept.result);
      }
    });
  }

  it('shows a situation\'s title and where it is defined', async () => {
    const { program, uri, offset } = await programOf({
      'a.sop': 'import "closing.sop"\nsituation a {\n  goto |\n}\n',
      'closing.sop': 'situation closing "通话结束" tags 收尾 {\n  when "客户没有其他问题"\n  end\n}\n',
    });
    const closing = completeAt(program, uri, offset).find((e) => e.label === 'closing')!;
    assert.equal(closing.detail, '通话结束');
    assert.match(closing.documentation ?? '', /客户没有其他问题/);
    assert.match(closing.documentation ?? '', /收尾/);
    assert.match(closing.documentation ?? '', /closing\.sop/);
  });

  it('asks to complete again after keywords that take an argument', async () => {
    const { program, uri, offset } = await programOf({ 'a.sop': 'situation a {\n  |\n}\n' });
    const entries = completeAt(program, uri, offset);
    assert.equal(entries.find((e) => e.label === 'goto')?.retrigger, true);
    assert.equal(entries.find((e) => e.label === 'goto')?.newText, 'goto ');
    assert.equal(entries.find((e) => e.label === 'hangup')?.newText, 'hangup');
    assert.equal(entries.find((e) => e.label === 'hangup')?.retrigger, undefined);
  });
});

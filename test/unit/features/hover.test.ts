import { strict as assert } from 'node:assert';
import { hoverAt, type Finding } from '../../../server/src/language/index';
import { createPhraseMatcher } from '../../../server/src/language/lexicon';
import { programOf, textAt } from './cursor';

interface Case {
  name: string;
  files: Record<string, string>;
  /** Text the hover must contain (each), or `null` for no hover. */
  shows: RegExp[] | null;
  /** The text the hover is about. */
  on?: string;
}

const CLOSING = 'situation closing "通话结束" tags 收尾, 通用 {\n  when "客户没有其他问题"\n  say "再见!"\n  wait 5s\n  hangup\n}\n';

const CASES: Case[] = [
  {
    name: 'shows a situation\'s title, tags and trigger on its id',
    files: { 'a.sop': CLOSING.replace('closing', 'clo|sing') },
    shows: [/`closing` — 通话结束/, /Tags: 收尾, 通用/, /When: 客户没有其他问题/],
    on: 'closing',
  },
  {
    name: 'shows the imported situation a goto names, and where it is defined',
    files: { 'a.sop': 'import "closing.sop"\nsituation a {\n  goto closing|\n}\n', 'closing.sop': `\n\n${CLOSING}` },
    shows: [/通话结束/, /When: 客户没有其他问题/, /Defined in `closing\.sop`, line 3/],
    on: 'closing',
  },
  {
    name: 'says when a goto names no situation',
    files: { 'a.sop': 'situation a {\n  goto nowhere|\n}\n' },
    shows: [/No situation `nowhere`/],
  },
  {
    name: 'reads a duration in seconds',
    files: { 'a.sop': 'situation a {\n  wait 5|s\n}\n' },
    shows: [/`5s` — 5 seconds$/],
    on: '5s',
  },
  {
    name: 'reads minutes with their seconds',
    files: { 'a.sop': 'situation a {\n  hold 1.5分钟|\n}\n' },
    shows: [/1\.5 minutes \(90 seconds\)/],
  },
  {
    name: 'reads a promise in hours',
    files: { 'a.sop': 'situation a {\n  promise 2|4h "答复"\n}\n' },
    shows: [/24 hours \(86400 seconds\)/],
  },
  {
    name: 'estimates how long a phrase takes to say',
    files: { 'a.sop': 'situation a {\n  say "对不起,让您|久等了。"\n}\n' },
    // 8 characters at 250 ms, a clause pause and a sentence pause: 2.75 s.
    shows: [/about 2\.8 seconds \(10 characters\)/],
    on: '"对不起,让您久等了。"',
  },
  {
    name: 'explains a banned phrasing and what to say instead',
    files: { 'a.sop': 'situation a {\n  say "这个问题我不|知道。"\n}\n' },
    shows: [/Banned phrasing.*我不知道.*shuts the caller out/, /Say instead: “我帮您查询一下” or “我会尽快为您确认”/],
    on: '我不知道',
  },
  {
    name: 'shows a variable and where it is declared',
    files: { 'a.sop': 'import "b.sop"\nsituation a {\n  say "您好,{姓|氏}先生"\n  note "{姓氏}"\n}\n', 'b.sop': 'var 姓氏\n' },
    shows: [/variable\*\* `姓氏` — declared with `var` in `b\.sop`; used in 2 placeholders/],
    on: '姓氏',
  },
  {
    name: 'gives a keyword\'s other spelling and meaning',
    files: { 'a.sop': '情景 a {\n  说 “您好”\n  等待 5秒\n  兜|底 挂机\n}\n' },
    shows: [/\*\*兜底\*\* · fallback — What to do when the caller stayed silent/],
  },
  { name: 'shows nothing on blank space', files: { 'a.sop': 'situation a {\n |\n  end\n}\n' }, shows: null },
];

describe('hover', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { program, uri, offset } = await programOf(c.files);
      const hover = hoverAt(program, uri, offset);
      if (c.shows === null) return assert.equal(hover, undefined);
      assert.ok(hover, 'no hover');
      for (const pattern of c.shows) assert.match(hover.markdown, pattern);
      if (c.on) assert.equal(textAt(program.root, hover.span), c.on);
    });
  }

  it('explains phrasings of the configured lexicon', async () => {
    const { program, uri, offset } = await programOf({ 'a.sop': 'situation a {\n  say "真的没办|法"\n}\n' });
    const matcher = createPhraseMatcher([
      { id: 'no-way', phrase: '没办法', message: '给出可行的下一步', reason: 'leaves the caller stuck', suggest: ['我来帮您想办法'], severity: 'warning' },
    ]);
    const hover = hoverAt(program, uri, offset, { matcher });
    assert.match(hover?.markdown ?? '', /“没办法”: leaves the caller stuck/);
    assert.match(hover?.markdown ?? '', /我来帮您想办法/);
  });

  it('does not call a suppressed phrasing banned', async () => {
    const { program, uri, offset } = await programOf({ 'a.sop': 'situation a {\n  say "我不知|道"\n}\n' });
    const findings: Finding[] = [];
    const hover = hoverAt(program, uri, offset, { findings });
    assert.doesNotMatch(hover?.markdown ?? '', /Banned/);
    assert.match(hover?.markdown ?? '', /speaking time/);
  });
});

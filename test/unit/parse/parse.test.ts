import { strict as assert } from 'node:assert';
import { EN, LineIndex, parseSop, SopParser, type SayStep, type Situation, type SopFile, type WaitStep } from '../../../server/src/language/index';

function situations(file: SopFile): Situation[] {
  return file.decls.filter((d): d is Situation => d.kind === 'situation');
}

function textOf(file: SopFile, span: { start: number; end: number }): string {
  return file.text.slice(span.start, span.end);
}

describe('parser', () => {
  it('parses the spec example with both keyword spellings and both quote styles', () => {
    const file = parseSop(
      'a.sop',
      [
        'script "客户服务中心规范用语"',
        'version "2.1"',
        'locale "zh-CN"',
        'var 姓氏, 工号',
        '情景 closing "通话结束" 标签 收尾、通用 {',
        '  触发 “客户说没有问题了”',
        '  说 “感谢您的来电,{姓氏}先生,再见!”',
        '  等待 5秒',
        '  挂机',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(file.errors, []);
    assert.equal(file.header.script?.value.value, '客户服务中心规范用语');
    assert.equal(file.header.locale?.value.value, 'zh-CN');
    const [closing] = situations(file);
    assert.equal(closing.id.name, 'closing');
    assert.equal(closing.keyword.spelling, 'zh');
    assert.deepEqual(closing.tags.map((t) => t.name), ['收尾', '通用']);
    assert.equal(closing.when?.text.quote, 'cjk');
    assert.deepEqual(closing.steps.map((s) => s.kind), ['say', 'wait', 'hangup']);
    const say = closing.steps[0] as SayStep;
    assert.deepEqual(say.text.placeholders.map((p) => p.name), ['姓氏']);
    assert.equal(textOf(file, say.text.placeholders[0].span), '{姓氏}');
    assert.equal((closing.steps[1] as WaitStep).duration.ms, 5000);
  });

  it('reads every duration unit in milliseconds', () => {
    const units: [string, number][] = [
      ['300ms', 300], ['3毫秒', 3], ['1.5s', 1500], ['5秒', 5000], ['2m', 120000],
      ['2分钟', 120000], ['24h', 86400000], ['1小时', 3600000], ['1d', 86400000], ['2天', 172800000],
    ];
    for (const [raw, ms] of units) {
      const file = parseSop('d.sop', `situation s { say "x" wait ${raw} fallback hangup }`);
      assert.deepEqual(file.errors, [], raw);
      const wait = situations(file)[0].steps[1] as WaitStep;
      assert.equal(wait.duration.ms, ms, raw);
      assert.equal(wait.duration.raw, raw);
    }
  });

  it('handles escapes, braces that are not placeholders, BOM, CRLF and full-width spaces', () => {
    const text = '\ufeffvar a\r\nsituation s {\r\n\u3000say "x \\"q\\" \\{a\\} {a} { b"\r\n  end\r\n}\r\n';
    const file = parseSop('e.sop', text);
    assert.deepEqual(file.errors, []);
    const say = situations(file)[0].steps[0] as SayStep;
    assert.equal(say.text.value, 'x "q" {a} {a} { b');
    assert.deepEqual(say.text.placeholders.map((p) => textOf(file, p.span)), ['{a}']);
  });

  it('keeps keywords that start an identifier out of the keyword set', () => {
    const file = parseSop('i.sop', 'situation sayHello { goto 说明 }\nsituation 说明 { end }');
    assert.deepEqual(file.errors, []);
    assert.deepEqual(situations(file).map((s) => s.id.name), ['sayHello', '说明']);
  });

  it('reports one syntax error per broken situation and keeps every intact one', () => {
    const text = [
      'situation a {', '  sya "hi"', '  end', '}',
      'situation b {', '  say "fine"', '  end', '}',
      'situation c {', '  wait 5', '  end', '}',
      'situation d {', '  say "fine"', '  end', '}',
      'situation e {', '  say "open', '  end', '}',
    ].join('\n');
    const file = parseSop('r.sop', text);
    assert.equal(file.errors.length, 3);
    const all = situations(file);
    assert.deepEqual(all.map((s) => s.id.name), ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(all.map((s) => s.hasErrors), [true, false, true, false, true]);
    assert.deepEqual(all[0].steps.map((s) => s.kind), ['end'], 'a keeps the steps around the bad line');
  });

  it('reports only the first problem of a situation with several bad lines', () => {
    const file = parseSop('two.sop', 'situation a {\n  sya "hi"\n  wait 5\n  end\n}\nsituation b {\n  hangpu\n}');
    assert.deepEqual(
      file.errors.map((e) => textOf(file, e.span)),
      ['sya', 'hangpu'],
    );
  });

  const messages: [string, string, string][] = [
    ['situation a {\n  sya "hi"\n  end\n}', 'unknown step "sya" — did you mean "say"?', 'sya'],
    ['situation a {\n  say "x"\n  wait 5\n  hangup\n}', 'wait needs a duration such as 5s or 5秒 ("5" has no unit)', '5'],
    ['situation a {\n  say "x"\n  wait 5sec fallback hangup\n}', '"sec" is not a unit', '5sec'],
    ['situation a {\n  say "unterminated\n  end\n}', 'unterminated string: add the closing quote before the end of the line', '"unterminated'],
    ['situation a {\n  say "x"\n  end\n\nsituation b { end }', 'missing "}" for the situation opened at line 1', 'd'],
    ['情景 a {\n  等待5秒 兜底 挂机\n}', 'put a space after "等待"', '等待5秒'],
    ['situation a {\n  say 你好\n  end\n}', 'say needs a quoted text', '你好'],
    ['situation a {\n  end\n}\nsay "x"', '"say" cannot be used outside a situation', 'say'],
    ['situation say { end }', '"say" is a keyword and cannot be used as a name here', 'say'],
    ['situation a {\n  say "a\\qb"\n  end\n}', 'unknown escape "\\q" in a string', '\\q'],
    ['situation {\n  end\n}', 'situation needs a name here', '{'],
    ['script "x"\nversion 2\nsituation a { end }', 'version needs a quoted text', '2'],
    ['locale "x"\nversion "2"\nsituation a { end }', 'header fields come first, in the order script, version, locale', 'version'],
  ];
  for (const [text, message, at] of messages) {
    it(`explains: ${message}`, () => {
      const file = parseSop('m.sop', text);
      assert.equal(file.errors.length, 1, JSON.stringify(file.errors));
      const shown = EN.format(file.errors[0].message);
      assert.ok(shown.includes(message), shown);
      assert.equal(textOf(file, file.errors[0].span), at);
    });
  }

  it('never throws on junk', () => {
    const junk = ['', '}', '{{{{', '"', 'situation', 'situation {', '\u0000\u0001\uffff', '情景 情景 情景', 'situation a { wait 5s fallback { wait 5s fallback {', '#'.repeat(1000)];
    for (let i = 0; i < 200; i++) {
      junk.push(Array.from({ length: 40 }, (_, j) => String.fromCharCode(((i * 7919 + j * 104729) % 0x3000) + 32)).join(''));
    }
    for (const text of junk) {
      const file = parseSop('j.sop', text);
      for (const e of file.errors) assert.ok(e.span.start >= 0 && e.span.end <= text.length, text);
    }
  });

  it('reuses unchanged situations when re-parsing an edited document', () => {
    const parser = new SopParser();
    const text = 'situation a { say "1" end }\nsituation b { say "2" end }\nsituation c { say "3" end }\n';
    const first = situations(parser.parse('c.sop', text));
    const edited = text.replace('"2"', '"two"');
    const second = situations(parser.parse('c.sop', edited));
    assert.equal(second[0], first[0], 'a is the same object');
    assert.notEqual(second[1], first[1]);
    assert.equal(second[2].id.name, 'c');
    assert.equal(textOf({ text: edited } as SopFile, second[2].id.span), 'c', 'c moved by the edit');
  });
});

describe('positions', () => {
  it('counts columns in UTF-16 code units after CJK and astral characters', () => {
    const text = 'situation s {\n  say "𠮷野家 {x}"\n  sya\n}\nvar x';
    const file = parseSop('p.sop', text);
    const index = new LineIndex(text);
    const say = situations(file)[0].steps[0] as SayStep;
    const placeholder = say.text.placeholders[0];
    // "  say "𠮷野家 " — 𠮷 is two UTF-16 code units, so `{` sits at character 12.
    assert.deepEqual(index.positionAt(placeholder.span.start), { line: 1, character: 12 });
    assert.deepEqual(index.positionAt(file.errors[0].span.start), { line: 2, character: 2 });
    assert.equal(index.offsetAt({ line: 1, character: 12 }), placeholder.span.start);
  });

  it('treats CRLF and lone CR as line breaks', () => {
    const index = new LineIndex('a\r\nb\rc\nd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(7), { line: 3, character: 0 });
    assert.equal(index.lineEnd(0), 1);
  });
});

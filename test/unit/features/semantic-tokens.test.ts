import { strict as assert } from 'node:assert';
import { semanticTokensOf, SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../../../server/src/language/index';
import { fileOf, textAt } from './cursor';

const TEXT = [
  'var 姓氏',
  'situation closing "通话结束" tags 收尾 {',
  '  say "再见,{姓氏}先生!"',
  '  等待 5秒',
  '  goto closing',
  '}',
].join('\n');

describe('semantic tokens', () => {
  it('tells declared situation ids from referenced ones, and marks variables, placeholders, keywords, durations and tags', () => {
    const file = fileOf('a.sop', TEXT);
    const rendered = semanticTokensOf(file).map((t) => `${textAt(file, t.span)}:${t.type}${t.modifiers.map((m) => `+${m}`).join('')}`);
    assert.deepEqual(rendered, [
      'var:keyword',
      '姓氏:variable+declaration',
      'situation:keyword',
      'closing:function+declaration',
      'tags:keyword',
      '收尾:type',
      'say:keyword',
      '{姓氏}:parameter',
      '等待:keyword',
      '5秒:number',
      'goto:keyword',
      'closing:function',
    ]);
  });

  it('keeps to the requested range', () => {
    const file = fileOf('a.sop', TEXT);
    const start = TEXT.indexOf('  goto');
    const rendered = semanticTokensOf(file, { start, end: TEXT.length }).map((t) => textAt(file, t.span));
    assert.deepEqual(rendered, ['goto', 'closing']);
  });

  it('colours every situation of a long script, in order', () => {
    // More situations than one batch of the stepwise computation holds.
    const text = Array.from({ length: 250 }, (_, i) => `situation s${i} {\n  wait ${i}s\n  goto s${i}\n}`).join('\n');
    const file = fileOf('a.sop', text);
    const tokens = semanticTokensOf(file);
    assert.equal(tokens.length, 250 * 6);
    assert.ok(tokens.every((t, i) => i === 0 || tokens[i - 1].span.end <= t.span.start));
    assert.deepEqual(
      tokens.slice(-6).map((t) => `${textAt(file, t.span)}:${t.type}`),
      ['situation:keyword', 's249:function', 'wait:keyword', '249s:number', 'goto:keyword', 's249:function'],
    );
    const start = text.indexOf('situation s120');
    assert.deepEqual(
      semanticTokensOf(file, { start, end: start + 9 }).map((t) => textAt(file, t.span)),
      ['situation'],
    );
  });

  it('has a legend naming every type and modifier it uses', () => {
    assert.deepEqual([...SEMANTIC_TOKEN_TYPES], ['keyword', 'function', 'variable', 'parameter', 'number', 'type']);
    assert.deepEqual([...SEMANTIC_TOKEN_MODIFIERS], ['declaration']);
  });
});

import { strict as assert } from 'node:assert';
import { outlineOf, workspaceSituations, type OutlineSymbol } from '../../../server/src/language/index';
import { fileOf, textAt } from './cursor';

/** The outline as indented lines: `name (kind) [detail]`. */
function render(symbols: OutlineSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name} (${s.step ?? s.kind})${s.detail ? ` [${s.detail}]` : ''}`,
    ...render(s.children, depth + 1),
  ]);
}

const SCRIPT = [
  'import "closing.sop"',
  'var 姓氏, 工号',
  'situation silent_call "遇到无声电话" {',
  '  say "您好!请问有什么可以帮您?"',
  '  wait 5s',
  '  reply end',
  '  fallback {',
  '    say "对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见!"',
  '    wait 5s',
  '    hangup',
  '  }',
  '}',
  '情景 投诉 {',
  '  承诺 24小时 "给您明确的答复"',
  '  静音 2m',
  '  转到 closing',
  '}',
].join('\n');

describe('document symbols', () => {
  it('outlines situations with their steps, a wait\'s branches nested under it', () => {
    assert.deepEqual(render(outlineOf(fileOf('a.sop', SCRIPT))), [
      'closing.sop (import) [import]',
      '姓氏 (variable)',
      '工号 (variable)',
      'silent_call (situation) [遇到无声电话]',
      '  say 您好!请问有什么可以帮您? (say)',
      '  wait 5s (wait)',
      '    reply (branch)',
      '      end (end)',
      '    fallback (branch)',
      '      say 对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见! (say)',
      '      wait 5s (wait)',
      '      hangup (hangup)',
      '投诉 (situation)',
      '  承诺 24小时 (promise) [给您明确的答复]',
      '  静音 2m (hold)',
      '  转到 closing (goto)',
    ]);
  });

  it('selects the id of a situation inside its whole range', () => {
    const file = fileOf('a.sop', SCRIPT);
    const situation = outlineOf(file).find((s) => s.kind === 'situation')!;
    assert.equal(textAt(file, situation.selectionSpan), 'silent_call');
    assert.ok(textAt(file, situation.span).startsWith('situation silent_call'));
    assert.ok(textAt(file, situation.span).endsWith('}'));
  });

  it('lists only the declarations when the steps would make the outline too long', () => {
    const file = fileOf('a.sop', SCRIPT);
    assert.equal(render(outlineOf(file)).length, 16);
    assert.deepEqual(render(outlineOf(file, 15)), [
      'closing.sop (import) [import]',
      '姓氏 (variable)',
      '工号 (variable)',
      'silent_call (situation) [遇到无声电话]',
      '投诉 (situation)',
    ]);
    assert.deepEqual(render(outlineOf(file, 2)), ['closing.sop (import) [import]', '姓氏 (variable)']);
  });

  it('keeps the steps that parsed in a broken situation', () => {
    const file = fileOf('a.sop', 'situation a "A" {\n  say "hi"\n  sya "oops"\n  wait 5s\n');
    assert.deepEqual(render(outlineOf(file)), ['a (situation) [A]', '  say hi (say)', '  wait 5s (wait)']);
  });
});

describe('workspace symbols', () => {
  const files = [
    fileOf('a.sop', 'situation silent_call "遇到无声电话" { end }\nsituation complaint "投诉" { end }\n'),
    fileOf('lib/closing.sop', 'situation closing "通话结束" { end }\n'),
  ];

  it('lists every situation for an empty query, with its file', () => {
    assert.deepEqual(
      workspaceSituations(files, '').map((s) => `${s.name}:${s.container}:${s.detail}`),
      ['silent_call:a.sop:遇到无声电话', 'complaint:a.sop:投诉', 'closing:closing.sop:通话结束'],
    );
  });

  it('matches the query\'s characters in order in the id or the title', () => {
    assert.deepEqual(workspaceSituations(files, 'slc').map((s) => s.name), ['silent_call']);
    assert.deepEqual(workspaceSituations(files, 'CLOS').map((s) => s.name), ['closing']);
    assert.deepEqual(workspaceSituations(files, '通话').map((s) => s.name), ['closing']);
    assert.deepEqual(workspaceSituations(files, 'zz').map((s) => s.name), []);
  });

  it('lists a file given twice once', () => {
    assert.equal(workspaceSituations([...files, files[1]], 'closing').length, 1);
  });
});

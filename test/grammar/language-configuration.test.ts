/**
 * Editor behaviour from `language-configuration.json`: the file must be plain JSON VS Code
 * can read, and its patterns must do what a script writer expects when typing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './load-grammar';

type Pattern = string | { pattern: string; flags?: string };

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { markers: { start: string; end: string } };
  wordPattern: Pattern;
  indentationRules: { increaseIndentPattern: Pattern; decreaseIndentPattern: Pattern };
  onEnterRules: { beforeText: Pattern; afterText?: Pattern; action: { indent: string } }[];
}

const config = JSON.parse(
  readFileSync(join(repoRoot, 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/** Builds a pattern the way VS Code does: a string has no flags, an object brings its own. */
function toRegExp(pattern: Pattern, extraFlags = ''): RegExp {
  return typeof pattern === 'string'
    ? new RegExp(pattern, extraFlags)
    : new RegExp(pattern.pattern, (pattern.flags ?? '') + extraFlags);
}

/** The word VS Code would select by double-click at `column` (0-based), as in `getWordAtText`. */
function wordAt(line: string, column: number): string | undefined {
  for (const match of line.matchAll(toRegExp(config.wordPattern, 'g'))) {
    const start = match.index ?? 0;
    if (start <= column && column <= start + match[0].length) return match[0];
  }
  return undefined;
}

/** The indent action of the first Enter rule that matches, or undefined. */
function enterAction(before: string, after: string): string | undefined {
  const rule = config.onEnterRules.find(
    (r) => toRegExp(r.beforeText).test(before) && (!r.afterText || toRegExp(r.afterText).test(after)),
  );
  return rule?.action.indent;
}

describe('language configuration', () => {
  it('toggles comments with # and matches braces', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}']]);
  });

  it('closes braces and both kinds of quotes, but not quotes inside strings or comments', () => {
    const pairs = new Map(config.autoClosingPairs.map((p) => [p.open, p]));
    assert.equal(pairs.get('{')?.close, '}');
    for (const [open, close] of [['"', '"'], ['“', '”']]) {
      assert.equal(pairs.get(open)?.close, close, `${open} is not auto-closed`);
      assert.deepEqual([...(pairs.get(open)?.notIn ?? [])].sort(), ['comment', 'string']);
    }
  });

  it('surrounds a selection with braces and both kinds of quotes', () => {
    for (const pair of [['{', '}'], ['"', '"'], ['“', '”']]) {
      assert.ok(config.surroundingPairs.some((p) => p[0] === pair[0] && p[1] === pair[1]), `no ${pair.join('')}`);
    }
  });

  it('folds # region … # endregion', () => {
    assert.ok(toRegExp(config.folding.markers.start).test('  # region 投诉处理'));
    assert.ok(toRegExp(config.folding.markers.end).test('  # endregion'));
    assert.ok(!toRegExp(config.folding.markers.start).test('  say "region"'));
  });

  const words: [string, number, string][] = [
    ['goto complaint-2', 8, 'complaint-2'],
    ['情景 无声电话 “遇到无声电话” {', 4, '无声电话'],
    ['var 姓氏, 工号', 9, '工号'],
    ['say "对不起,{姓氏}先生"', 10, '姓氏'],
    ['wait 1.5s', 6, '1.5s'],
    ['等待 5秒', 4, '5秒'],
    ['situation silent_call {', 12, 'silent_call'],
  ];
  for (const [line, column, word] of words) {
    it(`selects "${word}" as one word in ${JSON.stringify(line)}`, () => {
      assert.equal(wordAt(line, column), word);
    });
  }

  const increase = toRegExp(config.indentationRules.increaseIndentPattern);
  const opening = [
    'situation silent_call "遇到无声电话" tags 线路 {',
    '情景 结束通话 “通话结束” {  # 结束语',
    '  fallback {',
    '  reply { hold 2m say "对不起,让您久等了。" } fallback {',
    '  say "{姓氏}先生" wait 5s fallback {',
  ];
  const notOpening = ['  say "{姓氏}先生"', '  reply { end }', '  # 注意 {', '  say "左花括号 {"', '  say “左花括号 {”', '}'];
  for (const line of opening) {
    it(`indents after ${JSON.stringify(line)}`, () => {
      assert.ok(increase.test(line));
      assert.equal(enterAction(line, ''), 'indent');
      assert.equal(enterAction(line, '}'), 'indentOutdent');
    });
  }
  for (const line of notOpening) {
    it(`does not indent after ${JSON.stringify(line)}`, () => {
      assert.ok(!increase.test(line));
      assert.equal(enterAction(line, ''), undefined);
    });
  }

  it('outdents a line that starts with }', () => {
    const decrease = toRegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(decrease.test('  }'));
    assert.ok(decrease.test('} # 结束'));
    assert.ok(!decrease.test('  say "}"'));
  });
});

import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatFile, type FormatResult } from '../../../server/src/language/format/format';
import { parseSop } from '../../../server/src/language/parse';
import { commentsOf, repoRoot, shapeOf, sopFilesUnder } from './equivalence';

const fixturesDir = path.join(repoRoot, 'test/fixtures/format');

function format(text: string): FormatResult {
  return formatFile(parseSop('test.sop', text));
}

/** The formatted text, failing the test when the formatter refused. */
function formatted(text: string): string {
  const result = format(text);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.text;
}

function lines(...rows: string[]): string {
  return rows.map((r) => `${r}\n`).join('');
}

function relative(file: string): string {
  return path.relative(repoRoot, file).split(path.sep).join('/');
}

describe('formatter', () => {
  describe('fixture pairs (NAME.sop formats to NAME.formatted.sop)', () => {
    const inputs = sopFilesUnder(fixturesDir).filter((f) => !f.endsWith('.formatted.sop'));
    it('has fixtures to check', () => assert.ok(inputs.length >= 5));
    for (const input of inputs) {
      const name = path.basename(input, '.sop');
      const expectedFile = path.join(fixturesDir, `${name}.formatted.sop`);
      it(`formats ${name}.sop`, () => {
        assert.ok(existsSync(expectedFile), `missing ${relative(expectedFile)}`);
        const expected = readFileSync(expectedFile, 'utf8');
        const result = format(readFileSync(input, 'utf8'));
        assert.ok(result.ok, result.ok ? '' : result.reason);
        assert.equal(result.text, expected);
        assert.equal(result.changed, true, 'the messy input should need formatting');
      });
      it(`leaves ${name}.formatted.sop as it is`, () => {
        const text = readFileSync(expectedFile, 'utf8');
        assert.deepEqual(format(text), { ok: true, text, changed: false });
      });
    }
  });

  describe('every script of the repository: same tree, same comments, idempotent', () => {
    const files = [...sopFilesUnder(path.join(repoRoot, 'test')), ...sopFilesUnder(path.join(repoRoot, 'samples'))];
    it('finds the repository scripts', () => assert.ok(files.length > 10));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const before = parseSop(file, text);
      if (before.errors.length > 0) {
        it(`leaves ${relative(file)} untouched because it has syntax errors`, () => {
          const result = formatFile(before);
          assert.equal(result.ok, false);
          assert.match(result.ok ? '' : result.reason, /^not formatted: syntax error at \d+:\d+ \(.+\)$/);
        });
        continue;
      }
      it(`formats ${relative(file)} safely`, () => {
        const once = formatted(text);
        const after = parseSop(file, once);
        assert.deepEqual(after.errors, [], 'the formatted text parses');
        assert.deepEqual(shapeOf(after), shapeOf(before), 'the syntax tree is the same apart from positions');
        assert.deepEqual(commentsOf(after), commentsOf(before), 'the comments are the same, in the same order');
        const twice = formatFile(after);
        assert.deepEqual(twice, { ok: true, text: once, changed: false }, 'formatting again changes nothing');
      });
    }
  });

  describe('files with syntax errors', () => {
    it('are left untouched, naming the first error with its line and column', () => {
      const text = lines('situation a {', '  say "a"', '  wait 5', '}', 'situation b {', '  sya "x"', '}');
      assert.deepEqual(format(text), {
        ok: false,
        reason: 'not formatted: syntax error at 3:8 (wait needs a duration such as 5s or 5秒 ("5" has no unit))',
      });
    });

    it('count columns in UTF-16 units after Chinese text', () => {
      const result = format(lines('situation 无声 { 说 “您好”', '  说 “没有结尾', '}'));
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, /^not formatted: syntax error at 2:5 \(unterminated string/);
    });
  });

  describe('layout', () => {
    it('puts one step on each line, indented by two spaces per block', () => {
      assert.equal(
        formatted('situation a { say "a" wait 5s fallback { say "b" wait 5s hangup } }'),
        lines('situation a {', '  say "a"', '  wait 5s', '  fallback {', '    say "b"', '    wait 5s', '    hangup', '  }', '}'),
      );
    });

    it('keeps a braceless branch on one line and indents the branches of a wait inside it', () => {
      assert.equal(
        formatted('situation a { wait 5s reply end fallback wait 3s fallback goto a }'),
        lines('situation a {', '  wait 5s', '  reply end', '  fallback wait 3s', '    fallback goto a', '}'),
      );
    });

    it('keeps each keyword in the spelling the author used, even when they are mixed', () => {
      assert.equal(
        formatted('情景 a { say “您好” 等待 5秒 fallback 挂机 }'),
        lines('情景 a {', '  say “您好”', '  等待 5秒', '  fallback 挂机', '}'),
      );
    });

    it('copies strings and durations exactly, escapes included', () => {
      assert.equal(
        formatted('situation a { say   "引号\\"\\{x\\}" promise 1.50天 “”  end }'),
        lines('situation a {', '  say "引号\\"\\{x\\}"', '  promise 1.50天 “”', '  end', '}'),
      );
    });

    it('writes ASCII commas as ", " and keeps full-width and enumeration commas without spaces', () => {
      assert.equal(formatted('var a ,b,c'), lines('var a, b, c'));
      assert.equal(formatted('变量 姓氏 ， 工号 、部门'), lines('变量 姓氏，工号、部门'));
      assert.equal(formatted('situation a tags x ,y、 z { end }'), lines('situation a tags x, y、z {', '  end', '}'));
    });

    it('puts exactly one blank line between situations and after the declarations', () => {
      assert.equal(
        formatted('script "s"\nvar a\nsituation a { end }\n\n\n\nsituation b { end } situation c { end }'),
        lines('script "s"', 'var a', '', 'situation a {', '  end', '}', '', 'situation b {', '  end', '}', '', 'situation c {', '  end', '}'),
      );
    });

    it('keeps one of the blank lines an author put between steps, but none after "{" or before "}"', () => {
      assert.equal(
        formatted('situation a {\n\n\n  say "a"\n\n\n\n  say "b"\n\n}'),
        lines('situation a {', '  say "a"', '', '  say "b"', '}'),
      );
    });

    it('never puts a blank line between a wait and its branches', () => {
      assert.equal(
        formatted('situation a {\n  wait 5s\n\n  reply end\n\n  fallback end\n}'),
        lines('situation a {', '  wait 5s', '  reply end', '  fallback end', '}'),
      );
    });

    it('leaves an empty file empty', () => {
      assert.deepEqual(format(''), { ok: true, text: '', changed: false });
      assert.deepEqual(format('\n\n  \n'), { ok: true, text: '', changed: true });
    });
  });

  describe('comments', () => {
    it('keeps an end-of-line comment on its code line with one space before "#"', () => {
      assert.equal(
        formatted('situation a {   # open\n  say "a" say "b"      # after b   \n  end\n}'),
        lines('situation a { # open', '  say "a"', '  say "b" # after b', '  end', '}'),
      );
    });

    it('indents an own-line comment like the code below it, and like the body above a "}"', () => {
      assert.equal(
        formatted('situation a {\n# before say\nsay "a" wait 5s fallback {\n# in the fallback\nhangup\n# last in the fallback\n}\n# last\n}'),
        lines(
          'situation a {',
          '  # before say',
          '  say "a"',
          '  wait 5s',
          '  fallback {',
          '    # in the fallback',
          '    hangup',
          '    # last in the fallback',
          '  }',
          '  # last',
          '}',
        ),
      );
    });

    it('breaks a line where a comment sits between its tokens, continuing one level deeper', () => {
      assert.equal(
        formatted('situation a {\n  wait 5s fallback # silence\n goto a\n}'),
        lines('situation a {', '  wait 5s', '  fallback # silence', '    goto a', '}'),
      );
    });

    it('keeps a suppression comment directly above the step it suppresses', () => {
      assert.equal(
        formatted('situation a { say "a"\n# sop-disable-next-line long-phrase\nsay "b" end }'),
        lines('situation a {', '  say "a"', '  # sop-disable-next-line long-phrase', '  say "b"', '  end', '}'),
      );
    });

    it('puts the blank line between situations above the comments that introduce the next one', () => {
      assert.equal(
        formatted('situation a { end } # after a\n# about b\nsituation b { end }'),
        lines('situation a {', '  end', '} # after a', '', '# about b', 'situation b {', '  end', '}'),
      );
    });
  });

  describe('line endings and BOM', () => {
    it('keeps CRLF line endings and a leading BOM', () => {
      assert.equal(
        formatted('\ufeffsituation a { # c\r\n say "a" end }'),
        '\ufeffsituation a { # c\r\n  say "a"\r\n  end\r\n}\r\n',
      );
    });

    it('ends the file with exactly one line break', () => {
      assert.equal(formatted('var a\n\n\n'), 'var a\n');
      assert.equal(formatted('var a'), 'var a\n');
    });

    it('writes a file with bare CR line breaks with LF, keeping every comment', () => {
      assert.equal(
        formatted('# a\r# b\rsituation x {\r say "a" # c\r end\r}\r'),
        lines('# a', '# b', 'situation x {', '  say "a" # c', '  end', '}'),
      );
    });
  });
});

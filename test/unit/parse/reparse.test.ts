/**
 * Re-parsing an edited document with the parser of its previous version (what the editor
 * does on every keystroke) gives exactly the tree of a fresh parse, whatever the edits:
 * pieces before the edit are reused, pieces after it are moved, the rest is matched again.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScript } from '../../../bench/generate';
import { LineIndex, lineIndexOf, parseSop, SopParser, type Situation, type SopFile } from '../../../server/src/language';
import { situationIdentity } from '../../../server/src/language/parse';
import { INSERTIONS, randomEdits } from '../../support/random-edits';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');

/** Edits that also move piece boundaries: situation lines made and unmade, broken lines. */
const SPLITTING = [...INSERTIONS, 'situation', '情景 q {\n  说 “好”\n  结束\n}\n', '}\n', '# sop-disable\n', 'sya "x"\n', '\r', '“'];

const sources: [string, string][] = [
  ...readdirSync(SAMPLES)
    .filter((name) => name.endsWith('.sop'))
    .map((name): [string, string] => [name, readFileSync(join(SAMPLES, name), 'utf8')]),
  ['generated 120 lines', generateScript(120)],
  ['CRLF', generateScript(60).replace(/\n/g, '\r\n')],
  ['a situation on the first line', 'situation a { say "1" end }\nsituation b { say "2" end } situation c { end }\n'],
  ['broken situations', 'var x\nsituation a {\n  sya "1"\n  wait 5s\n}\nsituation b {\n  say "2\n}\nsituation c {\n  say "{x}"\n'],
  ['empty', ''],
];

function situations(file: SopFile): Situation[] {
  return file.decls.filter((d): d is Situation => d.kind === 'situation');
}

describe('re-parsing edited documents', () => {
  for (const [name, text] of sources) {
    it(`gives the tree of a fresh parse after each of 60 edits of ${name}`, () => {
      const parser = new SopParser();
      assert.deepStrictEqual(parser.parse('r.sop', text), parseSop('r.sop', text));
      let step = 0;
      for (const edited of randomEdits(text, 60, name.length + 7, SPLITTING)) {
        step++;
        assert.deepStrictEqual(parser.parse('r.sop', edited), parseSop('r.sop', edited), `after edit ${step}`);
      }
    });
  }

  it('gives the tree of a fresh parse after deleting or inserting at every offset of a small script', () => {
    const text = 'var x\nsituation a {\n  say "{x}"\n  end\n}\n  情景 b { 结束 }\n# note\nsituation c { sya } situation d { end }\n';
    const parser = new SopParser();
    for (let at = 0; at <= text.length; at++) {
      for (const edited of [text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + '\n' + text.slice(at), text.slice(0, at) + 's' + text.slice(at)]) {
        // From the original each time, so every edit is made against the same earlier parse.
        parser.parse('r.sop', text);
        assert.deepStrictEqual(parser.parse('r.sop', edited), parseSop('r.sop', edited), JSON.stringify(edited));
      }
    }
  });

  it('keeps the line table of each edited version exact, whatever the line breaks', () => {
    const parser = new SopParser();
    const text = 'situation a {\r\n  say "1"\r  end\n}\r\n\nsituation b { end }\r';
    let previous = parser.parse('l.sop', text);
    lineIndexOf(previous);
    for (const edited of randomEdits(text, 300, 3, ['\r', '\n', '\r\n', 'x', 'situation c {}\n'])) {
      const file = parser.parse('l.sop', edited);
      const derived = lineIndexOf(file);
      const fresh = new LineIndex(edited);
      assert.equal(derived.lineCount, fresh.lineCount, JSON.stringify(edited));
      for (let line = 0; line < fresh.lineCount; line++) assert.equal(derived.lineStart(line), fresh.lineStart(line), JSON.stringify(edited));
      previous = file;
    }
    assert.ok(previous);
  });

  it('gives the tree of a fresh parse when a parse in steps was abandoned half-way', () => {
    const parser = new SopParser();
    const text = generateScript(300);
    parser.parse('r.sop', text);
    const edited = text.replace('s4 ', 's4x ').replace('s30 ', 's30y ');
    const steps = parser.parseInSteps('r.sop', edited);
    for (let i = 0; i < 2; i++) steps.next();
    steps.return(undefined as never);
    const again = edited.replace('s20 ', 's20z ');
    assert.deepStrictEqual(parser.parse('r.sop', again), parseSop('r.sop', again));
  });

  it('moves the situations after an edit, keeping their identity, and keeps those before it', () => {
    const parser = new SopParser();
    const text = 'situation a { say "1" end }\nsituation b { say "2" end }\nsituation c { say "3" end }\n';
    const [a, b, c] = situations(parser.parse('c.sop', text));
    const [a2, b2, c2] = situations(parser.parse('c.sop', text.replace('"2"', '"two"')));
    assert.equal(a2, a, 'a is the same object');
    assert.notEqual(situationIdentity(b2), situationIdentity(b), 'b was matched again');
    assert.notEqual(c2, c, 'c moved: a new tree');
    assert.equal(c2.span.start, c.span.start + 2);
    assert.equal(situationIdentity(c2), situationIdentity(c), 'c has the same text');
    assert.equal(c.span.start, text.indexOf('situation c'), 'the old tree is not changed');
  });
});

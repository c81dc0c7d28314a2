/**
 * The server's own copy of open documents (`lsp/text-document.ts`) against the LSP
 * library's `TextDocument`, which is the reference for how an editor's changes apply:
 * after every batch of random changes both must hold the same text and agree on every
 * position.
 */
import { strict as assert } from 'node:assert';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sopTextDocuments } from '../../../server/src/lsp/text-document';

const PIECES = ['x', '好', '\n', '\r\n', '\r', 'say "您好"\n', '𠮷', '', '  '];

/** A deterministic pseudo-random source. */
function randomSource(seed: number): (n: number) => number {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
}

function assertSame(ours: ReturnType<typeof sopTextDocuments.create>, reference: TextDocument, what: string): void {
  const text = reference.getText();
  assert.equal(ours.getText(), text, what);
  assert.equal(ours.lineCount, reference.lineCount, what);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset), `${what}: positionAt(${offset})`);
  }
  for (let line = -1; line <= reference.lineCount; line++) {
    for (const character of [-1, 0, 1, 2, 5, 100]) {
      const position = { line, character };
      assert.equal(ours.offsetAt(position), reference.offsetAt(position), `${what}: offsetAt(${line}:${character})`);
    }
    assert.deepEqual(ours.getLineRange(line), reference.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), reference.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
  }
}

describe('open documents', () => {
  it('apply incremental and whole-text changes as the LSP library does, whatever the line breaks', () => {
    const initial = 'situation a {\r\n  say "1"\r  end\n}\r\n\n';
    let reference = TextDocument.create('file:///a.sop', 'sop', 1, initial);
    let ours = sopTextDocuments.create('file:///a.sop', 'sop', 1, initial);
    const next = randomSource(7);
    for (let version = 2; version < 1000; version++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      // Several changes in one notification, each relative to the text the previous left.
      let text = reference.getText();
      let lines = reference.lineCount;
      const count = 1 + next(3);
      for (let i = 0; i < count; i++) {
        if (next(40) === 0) {
          text = PIECES[next(PIECES.length)].repeat(1 + next(3));
          lines = TextDocument.create('file:///t.sop', 'sop', 0, text).lineCount;
          changes.push({ text });
          continue;
        }
        // Positions may lie past a line's end. (Not past the last line: the library's own
        // line table goes wrong there, though its text is right.)
        const position = () => ({ line: next(lines), character: next(8) });
        const [a, b] = [position(), position()];
        const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
        changes.push({ range: { start, end }, text: PIECES[next(PIECES.length)] });
        const applied = TextDocument.update(TextDocument.create('file:///t.sop', 'sop', 0, text), [changes[changes.length - 1]], 0);
        text = applied.getText();
        lines = applied.lineCount;
      }
      reference = TextDocument.update(reference, changes, version);
      ours = sopTextDocuments.update(ours, changes, version);
      assert.equal(ours.version, version);
      assertSame(ours, reference, `version ${version}`);
    }
  });
});

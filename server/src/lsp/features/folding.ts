/** `textDocument/foldingRange` over `foldingRegionsOf` (situations, branches, comment runs). */
import {
  FoldingRangeKind,
  type Connection,
  type FoldingRange,
  type FoldingRangeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { foldingRegionsOf } from '../../language';
import type { ServerState } from '../state';

export const capabilities: ServerCapabilities = { foldingRangeProvider: true };

export function register(connection: Connection, state: ServerState): void {
  connection.onFoldingRanges(
    state.guard(
      'Folding ranges',
      async (params: FoldingRangeParams): Promise<FoldingRange[]> => {
        const file = await state.getFile(params.textDocument.uri);
        if (!file) return [];
        return foldingRegionsOf(file).map((region) => ({
          startLine: region.startLine,
          endLine: region.endLine,
          ...(region.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
        }));
      },
      [],
    ),
  );
}

/**
 * `textDocument/foldingRange` over `foldingRegionsInSteps` (situations, branches, comment
 * runs), computed in slices: the editor asks as soon as it shows a document.
 */
import {
  FoldingRangeKind,
  type Connection,
  type FoldingRange,
  type FoldingRangeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { foldingRegionsInSteps } from '../../language';
import { runInSlices } from '../slices';
import type { ServerState } from '../state';

export const capabilities: ServerCapabilities = { foldingRangeProvider: true };

export function register(connection: Connection, state: ServerState): void {
  connection.onFoldingRanges(
    state.guard(
      'Folding ranges',
      async (params: FoldingRangeParams, token): Promise<FoldingRange[]> => {
        const file = await state.getFile(params.textDocument.uri);
        const regions = file && (await runInSlices(foldingRegionsInSteps(file), () => token.isCancellationRequested));
        if (!regions) return [];
        return regions.map((region) => ({
          startLine: region.startLine,
          endLine: region.endLine,
          ...(region.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
        }));
      },
      [],
    ),
  );
}

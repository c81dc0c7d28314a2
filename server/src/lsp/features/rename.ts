/**
 * `textDocument/prepareRename` and `textDocument/rename` over the language layer's rename
 * (see `language/features/rename.ts`). A refused rename answers with an error whose
 * message the editor shows ("There is already a situation named …").
 */
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type ServerCapabilities,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { prepareRenameAt, renameAt } from '../../language';
import { toOffset, toRange } from '../convert';
import type { ServerState } from '../state';
import { fileIn, filesAround, indexOf } from './shared';

export const capabilities: ServerCapabilities = { renameProvider: { prepareProvider: true } };

export function register(connection: Connection, state: ServerState): void {
  connection.onPrepareRename(
    state.guard(
      'Prepare rename',
      async (params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> => {
        const file = await state.getFile(params.textDocument.uri);
        if (!file) return null;
        const index = indexOf(file);
        const result = prepareRenameAt(file, toOffset(index, params.position), state.services.messages);
        if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
        return { range: toRange(index, result.span), placeholder: result.name };
      },
      null,
    ),
  );

  connection.onRenameRequest(
    state.guard(
      'Rename',
      async (params: RenameParams, token): Promise<WorkspaceEdit | null> => {
        const uri = params.textDocument.uri;
        const program = await state.getProgram(uri);
        if (!program) return null;
        const offset = toOffset(indexOf(program.root), params.position);
        const files = await filesAround(state, program, offset, token);
        const result = renameAt(program.root, offset, params.newName, files, state.services.messages);
        if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
        const changes: Record<string, TextEdit[]> = {};
        for (const [target, edits] of result.edits) {
          const file = fileIn(files, target);
          if (!file) continue;
          const index = indexOf(file);
          changes[target] = edits.map((edit) => ({ range: toRange(index, edit.span), newText: edit.newText }));
        }
        return { changes };
      },
      null,
    ),
  );
}

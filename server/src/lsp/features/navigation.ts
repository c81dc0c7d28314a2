/**
 * `textDocument/definition` and `textDocument/references` over the language layer's
 * navigation (see `language/features/navigation.ts`), across every file of the program
 * and the open documents that import it.
 */
import type { Connection, DefinitionParams, Location, ReferenceParams, ServerCapabilities } from 'vscode-languageserver';
import { definitionsAt, referencesAt, type Location as SopLocation, type SopFile } from '../../language';
import { toOffset, toRange } from '../convert';
import type { ServerState } from '../state';
import { fileIn, filesAround, indexOf } from './shared';

export const capabilities: ServerCapabilities = { definitionProvider: true, referencesProvider: true };

export function register(connection: Connection, state: ServerState): void {
  connection.onDefinition(
    state.guard(
      'Go to definition',
      async (params: DefinitionParams): Promise<Location[]> => {
        const uri = params.textDocument.uri;
        const program = await state.getProgram(uri);
        if (!program) return [];
        const offset = toOffset(indexOf(program.root), params.position);
        const found = definitionsAt(program, uri, offset);
        // An imported file that is not open is not in the program's files under its own
        // name when it failed to load; such a location has no text and points at its start.
        return found.map((location) => toLocation(location, program.files.get(location.uri)));
      },
      [],
    ),
  );

  connection.onReferences(
    state.guard(
      'Find references',
      async (params: ReferenceParams, token): Promise<Location[]> => {
        const uri = params.textDocument.uri;
        const program = await state.getProgram(uri);
        if (!program) return [];
        const offset = toOffset(indexOf(program.root), params.position);
        const files = await filesAround(state, program, offset, token);
        const found = referencesAt(program.root, offset, files, params.context.includeDeclaration);
        return found.map((location) => toLocation(location, fileIn(files, location.uri)));
      },
      [],
    ),
  );
}

function toLocation(location: SopLocation, file: SopFile | undefined): Location {
  const range = file ? toRange(indexOf(file), location.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { uri: location.uri, range };
}

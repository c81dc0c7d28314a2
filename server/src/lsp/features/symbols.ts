/**
 * `textDocument/documentSymbol` (the outline: situations with their steps) and
 * `workspace/symbol` (the situations of every open document and the files they import),
 * over `language/features/symbols.ts`.
 */
import {
  SymbolKind,
  type Connection,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type ServerCapabilities,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { outlineOf, workspaceSituations, type OutlineSymbol, type SopFile, type StepKind } from '../../language';
import { toRange } from '../convert';
import { runInSlices } from '../slices';
import type { ServerState } from '../state';
import { indexOf } from './shared';

export const capabilities: ServerCapabilities = { documentSymbolProvider: true, workspaceSymbolProvider: true };

const STEP_KINDS: Record<StepKind, SymbolKind> = {
  say: SymbolKind.String,
  note: SymbolKind.String,
  transfer: SymbolKind.String,
  wait: SymbolKind.Event,
  hold: SymbolKind.Event,
  promise: SymbolKind.Event,
  goto: SymbolKind.Function,
  hangup: SymbolKind.Operator,
  end: SymbolKind.Operator,
};

export function register(connection: Connection, state: ServerState): void {
  connection.onDocumentSymbol(
    state.guard(
      'Document symbols',
      async (params: DocumentSymbolParams, token): Promise<DocumentSymbol[]> => {
        const file = await state.getFile(params.textDocument.uri);
        if (!file) return [];
        return (await runInSlices(convertInSteps(file, outlineOf(file)), () => token.isCancellationRequested)) ?? [];
      },
      [],
    ),
  );

  connection.onWorkspaceSymbol(
    state.guard(
      'Workspace symbols',
      async (params: WorkspaceSymbolParams, token): Promise<SymbolInformation[]> => {
        const files = new Map<string, SopFile>();
        for (const uri of state.openUris()) {
          if (token.isCancellationRequested) break;
          if (!uri.endsWith('.sop')) continue;
          const program = await state.getProgram(uri);
          for (const [key, file] of program?.files ?? []) if (!files.has(key)) files.set(key, file);
        }
        return workspaceSituations(files.values(), params.query).map((entry) => ({
          name: entry.detail ? `${entry.name} — ${entry.detail}` : entry.name,
          kind: SymbolKind.Function,
          containerName: entry.container,
          location: { uri: entry.uri, range: toRange(indexOf(files.get(entry.uri)!), entry.span) },
        }));
      },
      [],
    ),
  );
}

/**
 * The outline in LSP's terms, pausing between batches: the editor asks for it as soon as
 * it shows a document, and a large one's outline holds thousands of situations.
 */
function* convertInSteps(file: SopFile, symbols: readonly OutlineSymbol[]): Generator<void, DocumentSymbol[], void> {
  const out: DocumentSymbol[] = [];
  for (let i = 0; i < symbols.length; i++) {
    out.push(toDocumentSymbol(file, symbols[i]));
    if ((i + 1) % 200 === 0) yield;
  }
  return out;
}

function toDocumentSymbol(file: SopFile, symbol: OutlineSymbol): DocumentSymbol {
  const index = indexOf(file);
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: kindOf(symbol),
    range: toRange(index, symbol.span),
    selectionRange: toRange(index, symbol.selectionSpan),
    children: symbol.children.map((child) => toDocumentSymbol(file, child)),
  };
}

function kindOf(symbol: OutlineSymbol): SymbolKind {
  switch (symbol.kind) {
    case 'situation':
      return SymbolKind.Function;
    case 'variable':
      return SymbolKind.Variable;
    case 'import':
      return SymbolKind.Module;
    case 'branch':
      return SymbolKind.Object;
    case 'step':
      return symbol.step ? STEP_KINDS[symbol.step] : SymbolKind.Null;
  }
}

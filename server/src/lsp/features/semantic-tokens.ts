/**
 * `textDocument/semanticTokens/full` and `/range` over `semanticTokensOf`; the legend is
 * the language layer's (`SEMANTIC_TOKEN_TYPES`, `SEMANTIC_TOKEN_MODIFIERS`, documented in
 * `language/features/semantic-tokens.ts`).
 */
import {
  SemanticTokensBuilder,
  type Connection,
  type SemanticTokens,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokensOf, type SopFile, type Span } from '../../language';
import { toSpan } from '../convert';
import type { ServerState } from '../state';
import { indexOf } from './shared';

export const capabilities: ServerCapabilities = {
  semanticTokensProvider: {
    legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] },
    full: true,
    range: true,
  },
};

export function register(connection: Connection, state: ServerState): void {
  connection.languages.semanticTokens.on(
    state.guard(
      'Semantic tokens',
      async (params: SemanticTokensParams): Promise<SemanticTokens> => {
        const file = await state.getFile(params.textDocument.uri);
        return file ? encode(file) : { data: [] };
      },
      { data: [] },
    ),
  );
  connection.languages.semanticTokens.onRange(
    state.guard(
      'Semantic tokens (range)',
      async (params: SemanticTokensRangeParams): Promise<SemanticTokens> => {
        const file = await state.getFile(params.textDocument.uri);
        return file ? encode(file, toSpan(indexOf(file), params.range)) : { data: [] };
      },
      { data: [] },
    ),
  );
}

function encode(file: SopFile, range?: Span): SemanticTokens {
  const index = indexOf(file);
  const builder = new SemanticTokensBuilder();
  for (const token of semanticTokensOf(file, range)) {
    const start = index.positionAt(token.span.start);
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    builder.push(start.line, start.character, token.span.end - token.span.start, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
  }
  return builder.build();
}

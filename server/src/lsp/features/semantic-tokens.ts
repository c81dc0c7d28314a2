/**
 * `textDocument/semanticTokens/full` and `/range` over `semanticTokensInSteps`; the legend
 * is the language layer's (`SEMANTIC_TOKEN_TYPES`, `SEMANTIC_TOKEN_MODIFIERS`, documented
 * in `language/features/semantic-tokens.ts`). The editor asks for a whole document's
 * tokens as soon as it shows it, so they are computed and encoded in slices: a 50,000-line
 * script has about 70,000 tokens.
 */
import {
  SemanticTokensBuilder,
  type Connection,
  type SemanticTokens,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES, semanticTokensInSteps, type SemanticToken, type SopFile, type Span } from '../../language';
import { runInSlices } from '../slices';
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
      async (params: SemanticTokensParams, token): Promise<SemanticTokens> => {
        const file = await state.getFile(params.textDocument.uri);
        const encoded = file && (await runInSlices(encodeInSteps(file), () => token.isCancellationRequested));
        return encoded ?? { data: [] };
      },
      { data: [] },
    ),
  );
  connection.languages.semanticTokens.onRange(
    state.guard(
      'Semantic tokens (range)',
      async (params: SemanticTokensRangeParams, token): Promise<SemanticTokens> => {
        const file = await state.getFile(params.textDocument.uri);
        const encoded = file && (await runInSlices(encodeInSteps(file, toSpan(indexOf(file), params.range)), () => token.isCancellationRequested));
        return encoded ?? { data: [] };
      },
      { data: [] },
    ),
  );
}

/** How many tokens are encoded between two pauses. */
const TOKENS_PER_STEP = 2_000;

function* encodeInSteps(file: SopFile, range?: Span): Generator<void, SemanticTokens, void> {
  const tokens: SemanticToken[] = yield* semanticTokensInSteps(file, range);
  const index = indexOf(file);
  const builder = new SemanticTokensBuilder();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const start = index.positionAt(token.span.start);
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    builder.push(start.line, start.character, token.span.end - token.span.start, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
    if ((i + 1) % TOKENS_PER_STEP === 0) yield;
  }
  return builder.build();
}

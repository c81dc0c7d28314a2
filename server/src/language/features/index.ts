/**
 * The editor features of the language layer: pure functions over a `SopFile` or a
 * `Program` and document offsets, returning plain data. The language server's
 * `lsp/features/*` modules only convert positions and shapes; a CLI or another editor
 * could use these as they are.
 */
export { completeAt, type CompletionEntry, type CompletionKind, type CompletionOptions } from './completion';
export { analyzeCursor, type CursorAnalysis, type CursorContext } from './completion-context';
export { hoverAt, type HoverInfo, type HoverOptions } from './hover';
export { definitionsAt, referencesAt, occurrencesOf, symbolAt, declaringUris, type Location, type NamedSymbol, type Occurrence } from './navigation';
export { prepareRenameAt, renameAt, checkNewName, type PrepareRenameResult, type RenameResult } from './rename';
export { MAX_OUTLINE_SYMBOLS, outlineOf, workspaceSituations, type OutlineKind, type OutlineSymbol, type WorkspaceSituation } from './symbols';
export { foldingRegionsInSteps, foldingRegionsOf, type FoldingRegion } from './folding';
export {
  semanticTokensInSteps,
  semanticTokensOf,
  SEMANTIC_TOKEN_TYPES,
  SEMANTIC_TOKEN_MODIFIERS,
  type SemanticToken,
  type SemanticTokenType,
  type SemanticTokenModifier,
} from './semantic-tokens';
export { importLinksOf, type ImportLinkInfo } from './links';
export { STANDARD_PHRASES, standardPhrases, type StandardPhrase } from './standard-phrases';
export { detectStyle, type WritingStyle } from './style';
export { targetAt, type Target } from './target';
export { situationLensesOf, type SituationLens } from './lenses';

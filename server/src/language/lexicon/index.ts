/** The lexicon of banned phrasings and the matcher that finds them. */
export type { LexiconEntry, LexiconExamples, PhraseMatch, PhraseMatcher } from './types';
export { createPhraseMatcher, PHRASE_GROUP } from './matcher';
export { compilePattern } from './pattern';
export { normalizeText, normalizePhrase } from './normalize';
export { recommendedLexicon } from './recommended';

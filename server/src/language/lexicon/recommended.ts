/**
 * The built-in lexicon (preset `recommended`): the banned phrasings of the training
 * material, kept as data in `recommended.json` so reviewers can read and extend it without
 * reading code. Each entry's examples double as its tests.
 */
import type { Severity } from '../finding';
import data from './recommended.json';
import type { LexiconEntry } from './types';

type RawEntry = Omit<LexiconEntry, 'severity' | 'suggest'> & { severity?: string; suggest?: string[] };

export const recommendedLexicon: readonly LexiconEntry[] = (data as RawEntry[]).map((raw) => ({
  ...raw,
  suggest: raw.suggest ?? [],
  severity: (raw.severity ?? 'error') as Severity,
}));

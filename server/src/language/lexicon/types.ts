/**
 * The lexicon of banned phrasings, as the `banned-phrase` rule and `sop.config.json` see it.
 */
import type { Severity } from '../finding';
import type { LocalizedText } from '../i18n/messages';

export interface LexiconExamples {
  /** Phrasings the entry must flag. */
  match: string[];
  /** Phrasings it must leave alone, typically the material's standard phrasings. */
  noMatch: string[];
}

export interface LexiconEntry {
  /** Stable id, e.g. `i-dont-know`; a user entry with a built-in id replaces that entry. */
  id: string;
  /** A literal phrasing, matched after normalisation. Exactly one of `phrase`/`pattern`. */
  phrase?: string;
  /** An RE2 pattern, run on normalised text in linear time. */
  pattern?: string;
  /** What to do instead; shown as the finding's message, in the reader's language. */
  message: LocalizedText;
  /** Why the phrasing hurts, for docs and hovers, in the reader's language. */
  reason?: LocalizedText;
  /**
   * Replacements offered as quick fixes; `""` offers to delete the phrasing. They are
   * words said to the caller, so a per-locale one is picked by the script's language
   * (its `locale` header), not by the reader's.
   */
  suggest: LocalizedText[];
  severity: Severity;
  examples?: LexiconExamples;
}

/** One banned phrasing found in a text; offsets are UTF-16 offsets into that text. */
export interface PhraseMatch {
  entry: LexiconEntry;
  start: number;
  end: number;
}

export interface PhraseMatcher {
  /** Every banned phrasing in `text`, ordered by position. */
  find(text: string): PhraseMatch[];
}

/**
 * The approved standard phrasings (规范用语) that completion offers after `say`. They are
 * data (`standard-phrases.json`), taken from the training material
 * (`/work/shared/material/001_*.txt`, its OCR slips corrected: "关心您" → "帮您",
 * "很愧疚" → "很抱歉") and the spec's examples, each with an English counterpart for
 * English scripts. Tests check every one passes the built-in lexicon and the phrase-length
 * limit, so completing a phrase never creates a finding.
 */
import data from './standard-phrases.json';

export interface StandardPhrase {
  /** Stable id, e.g. `hold-consent`. */
  id: string;
  /** What the phrase is for, in Chinese and English (shown beside the completion). */
  topic: string;
  /** Where in the material it comes from. */
  source: string;
  zh: string;
  en: string;
}

export const STANDARD_PHRASES: readonly StandardPhrase[] = data;

/** The phrases in one language, in the order of a call (greeting first, goodbye last). */
export function standardPhrases(language: 'zh' | 'en'): Array<{ phrase: StandardPhrase; text: string }> {
  return STANDARD_PHRASES.map((phrase) => ({ phrase, text: phrase[language] }));
}

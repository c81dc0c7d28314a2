/**
 * A deliberately simple, deterministic estimate of how long a phrase takes to say. Agent
 * tools show it beside each phrase and the simulator uses it for its timed transcript; it
 * only has to be plausible and stable, never to depend on a voice or a machine. The model
 * is documented in `docs/output-format.md`; change both together.
 */
import type { TextPart } from './types';

/** One Chinese (or Japanese/Korean) character: about 4 characters a second. */
export const MS_PER_CJK_CHAR = 250;
/** One word of an alphabetic language: about 2.5 words a second. */
export const MS_PER_WORD = 400;
/** A pause at a comma, `、`, a semicolon or a colon (full-width or ASCII). */
export const MS_CLAUSE_PAUSE = 250;
/** A pause at `。`, `…`, a full stop, an exclamation or a question mark (full-width or ASCII). */
export const MS_SENTENCE_PAUSE = 500;
/** A placeholder in a phrase with CJK text: a typical value (a surname, a number) of 3 characters. */
export const MS_PLACEHOLDER_CJK = 3 * MS_PER_CJK_CHAR;
/** A placeholder in an alphabetic phrase: a typical value of 2 words. */
export const MS_PLACEHOLDER_WORDS = 2 * MS_PER_WORD;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// Marks between two letters or digits of a word ("don't", "e-mail", "3.50", "1,000") do not
// start a new word.
const WORD_JOINER = /['\u2019.,-]/u;
// After these, an ASCII mark is inside a word or a number, not a pause.
const ASCII_WORD_CHAR = /[A-Za-z0-9/]/;
// Written as escapes so the full-width marks cannot be mistaken for (or edited into) ASCII.
const FULL_WIDTH_PAUSES: Record<string, number> = {
  '\uFF0C': MS_CLAUSE_PAUSE, // ，
  '\u3001': MS_CLAUSE_PAUSE, // 、
  '\uFF1B': MS_CLAUSE_PAUSE, // ；
  '\uFF1A': MS_CLAUSE_PAUSE, // ：
  '\u3002': MS_SENTENCE_PAUSE, // 。
  '\uFF01': MS_SENTENCE_PAUSE, // ！
  '\uFF1F': MS_SENTENCE_PAUSE, // ？
  '\u2026': MS_SENTENCE_PAUSE, // …
};
const ASCII_PAUSES: Record<string, number> = {
  ',': MS_CLAUSE_PAUSE,
  ';': MS_CLAUSE_PAUSE,
  ':': MS_CLAUSE_PAUSE,
  '.': MS_SENTENCE_PAUSE,
  '!': MS_SENTENCE_PAUSE,
  '?': MS_SENTENCE_PAUSE,
};

/** The estimated speaking time of a phrase, in milliseconds. */
export function estimateSpeakingMs(parts: readonly TextPart[]): number {
  const hasCjk = parts.some((part) => 'text' in part && CJK.test(part.text));
  const placeholderMs = hasCjk ? MS_PLACEHOLDER_CJK : MS_PLACEHOLDER_WORDS;
  let total = 0;
  for (const part of parts) {
    total += 'var' in part ? placeholderMs : estimateTextMs(part.text);
  }
  return total;
}

function estimateTextMs(text: string): number {
  const chars = [...text];
  let total = 0;
  let inWord = false;
  // A run of pause marks ("!!", "……", "?!") is one pause: the longest of them.
  let pause = 0;
  chars.forEach((char, i) => {
    const next = chars[i + 1];
    const pauseMs = pauseOf(char, next);
    if (pauseMs > 0) {
      pause = Math.max(pause, pauseMs);
      inWord = false;
      return;
    }
    if (/\s/u.test(char) && pause > 0) return;
    total += pause;
    pause = 0;
    if (CJK.test(char)) {
      total += MS_PER_CJK_CHAR;
      inWord = false;
    } else if (WORD_CHAR.test(char)) {
      if (!inWord) total += MS_PER_WORD;
      inWord = true;
    } else if (!(inWord && WORD_JOINER.test(char) && next !== undefined && WORD_CHAR.test(next))) {
      inWord = false;
    }
  });
  return total + pause;
}

/**
 * The pause a punctuation mark makes. Chinese text is often typed with ASCII marks
 * ("您好!请问"), so those pause too — unless an ASCII letter, digit or `/` follows them,
 * which keeps `3.50`, `1,000` and `Mr./Ms.` free of pauses inside them.
 */
function pauseOf(char: string, next: string | undefined): number {
  const fullWidth = FULL_WIDTH_PAUSES[char];
  if (fullWidth) return fullWidth;
  const ascii = ASCII_PAUSES[char];
  if (!ascii) return 0;
  return next !== undefined && ASCII_WORD_CHAR.test(next) ? 0 : ascii;
}

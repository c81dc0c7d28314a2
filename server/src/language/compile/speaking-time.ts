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
const SPACE = /\s/u;
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

// What the estimate needs to know of a character, as bits of one number.
const NONE = 0;
const IS_SPACE = 1 << 0;
const IS_CJK = 1 << 1;
const IS_WORD_CHAR = 1 << 2;
const IS_WORD_JOINER = 1 << 3;
const IS_ASCII_WORD_CHAR = 1 << 4;
const FULL_WIDTH_PAUSE = 1 << 5;
const ASCII_PAUSE = 1 << 6;
/** With one of the two pauses: a sentence pause rather than a clause pause. */
const SENTENCE = 1 << 7;
/** Outside the Basic Multilingual Plane: two UTF-16 code units. */
const ASTRAL = 1 << 8;

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

/**
 * The estimate of a literal run, one character (code point) at a time. Each character's
 * traits come from `traitsOf`, so the regular expressions above run once per distinct
 * character rather than several times per character of every phrase.
 */
function estimateTextMs(text: string): number {
  let total = 0;
  let inWord = false;
  // A run of pause marks ("!!", "……", "?!") is one pause: the longest of them.
  let pause = 0;
  let at = 0;
  let traits = text.length > 0 ? traitsOf(text.codePointAt(0)!) : NONE;
  while (at < text.length) {
    at += traits & ASTRAL ? 2 : 1;
    // The next character's traits; NONE past the end.
    const next = at < text.length ? traitsOf(text.codePointAt(at)!) : NONE;
    const pauseMs = pauseOf(traits, next);
    if (pauseMs > 0) {
      pause = Math.max(pause, pauseMs);
      inWord = false;
    } else if (!(traits & IS_SPACE && pause > 0)) {
      total += pause;
      pause = 0;
      if (traits & IS_CJK) {
        total += MS_PER_CJK_CHAR;
        inWord = false;
      } else if (traits & IS_WORD_CHAR) {
        if (!inWord) total += MS_PER_WORD;
        inWord = true;
      } else if (!(inWord && traits & IS_WORD_JOINER && next & IS_WORD_CHAR)) {
        inWord = false;
      }
    }
    traits = next;
  }
  return total + pause;
}

/**
 * The pause a punctuation mark makes. Chinese text is often typed with ASCII marks
 * ("您好!请问"), so those pause too — unless an ASCII letter, digit or `/` follows them,
 * which keeps `3.50`, `1,000` and `Mr./Ms.` free of pauses inside them.
 */
function pauseOf(traits: number, next: number): number {
  if (traits & FULL_WIDTH_PAUSE) return traits & SENTENCE ? MS_SENTENCE_PAUSE : MS_CLAUSE_PAUSE;
  if (!(traits & ASCII_PAUSE) || next & IS_ASCII_WORD_CHAR) return 0;
  return traits & SENTENCE ? MS_SENTENCE_PAUSE : MS_CLAUSE_PAUSE;
}

/** The traits of each character met so far, by code point (few distinct ones per script). */
const knownTraits = new Map<number, number>();

function traitsOf(codePoint: number): number {
  let traits = knownTraits.get(codePoint);
  if (traits === undefined) {
    traits = classify(String.fromCodePoint(codePoint));
    knownTraits.set(codePoint, traits);
  }
  return traits;
}

/** The traits of one character, by the same expressions and tables the model is written in. */
function classify(char: string): number {
  let traits = NONE;
  if (SPACE.test(char)) traits |= IS_SPACE;
  if (CJK.test(char)) traits |= IS_CJK;
  if (WORD_CHAR.test(char)) traits |= IS_WORD_CHAR;
  if (WORD_JOINER.test(char)) traits |= IS_WORD_JOINER;
  if (ASCII_WORD_CHAR.test(char)) traits |= IS_ASCII_WORD_CHAR;
  const fullWidth = FULL_WIDTH_PAUSES[char];
  const ascii = ASCII_PAUSES[char];
  if (fullWidth) traits |= FULL_WIDTH_PAUSE | (fullWidth === MS_SENTENCE_PAUSE ? SENTENCE : 0);
  else if (ascii) traits |= ASCII_PAUSE | (ascii === MS_SENTENCE_PAUSE ? SENTENCE : 0);
  if (char.length > 1) traits |= ASTRAL;
  return traits;
}

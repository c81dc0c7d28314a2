/**
 * The text the lexicon is matched against. Writers mix full-width and half-width
 * punctuation, put spaces between characters and copy phrasings from traditional-character
 * material; none of that should decide whether "我们公司的规定就是这样的" is caught. So
 * phrases and scripts are both folded to one form, and every folded character remembers
 * where it came from so a finding can point at the author's own text.
 */
import { foldHanVariant } from './han-variants';

/** Folded text plus, per folded UTF-16 unit, the original unit it came from. */
export interface NormalizedText {
  text: string;
  /**
   * `origins[i]` is the offset in the original of the unit folded unit `i` came from (it
   * ends one unit later: folding works unit by unit). Undefined when that is `i` itself,
   * as it is for most phrases: no blank was dropped and nothing expanded.
   */
  origins: number[] | undefined;
}

/** The offset in the original text of the unit that folded unit `unit` came from. */
export function originOf(normalized: NormalizedText, unit: number): number {
  return normalized.origins === undefined ? unit : normalized.origins[unit];
}

// CJK and typographic punctuation folded to the ASCII mark a writer means by it. The
// enumeration comma and the ideographic full stop fold like their Latin counterparts.
const punctuation: Record<string, string> = {
  '、': ',',
  '，': ',',
  '﹐': ',',
  '。': '.',
  '｡': '.',
  '．': '.',
  '！': '!',
  '？': '?',
  '：': ':',
  '；': ';',
  '（': '(',
  '）': ')',
  '“': '"',
  '”': '"',
  '„': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '【': '[',
  '】': ']',
  '—': '-',
  '–': '-',
  '～': '~',
  '〜': '~',
  '…': '...',
  '⋯': '...',
};

/** True for the characters matching drops: ASCII and Unicode spaces, tabs, line breaks. */
export function isIgnorable(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f
  );
}

/**
 * The folded form of one UTF-16 unit: `""` for ignorable spaces, usually one unit, and
 * three dots for an ellipsis.
 */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (isIgnorable(code)) return '';
  const mark = punctuation[ch];
  if (mark !== undefined) return mark;
  // Full-width ASCII (U+FF01–U+FF5E) is the half-width character shifted by 0xFEE0.
  const ascii = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  if (ascii >= 0x41 && ascii <= 0x5a) return String.fromCharCode(ascii + 0x20);
  if (ascii !== code) return String.fromCharCode(ascii);
  return String.fromCharCode(foldHanVariant(code));
}

// Every phrase of a script is folded on each lint, so each unit's folded form is computed
// once per process (a script uses a few thousand distinct characters at most).
const foldedUnits = new Map<number, string>();

/** The folded form of one UTF-16 unit (see `foldChar`), computed once per process. */
export function foldUnit(code: number): string {
  let folded = foldedUnits.get(code);
  if (folded === undefined) {
    folded = foldChar(String.fromCharCode(code));
    foldedUnits.set(code, folded);
  }
  return folded;
}

/**
 * The same per unit, as a number: the unit it folds to, plus one (0: not computed yet;
 * `MANY`: it is dropped or becomes more than one unit). Reading a table entry is what
 * folding a phrase costs per unit.
 */
export const singleUnits = new Int32Array(0x10000);
export const MANY = -1;

/** The unit `code` folds to plus one, or `MANY` when it folds to none or several (`foldUnit`). */
export function singleUnit(code: number): number {
  let known = singleUnits[code];
  if (known === 0) {
    const folded = foldUnit(code);
    known = folded.length === 1 ? folded.charCodeAt(0) + 1 : MANY;
    singleUnits[code] = known;
  }
  return known;
}

/** How many units `String.fromCharCode` is given at once (it takes them as arguments). */
const CHUNK = 4096;

/** Folds `text`, keeping for each folded unit the original unit it came from. */
export function normalizeText(text: string): NormalizedText {
  // Most phrases fold unit for unit, and many (simplified characters, ASCII marks) are
  // already folded: then the text is its own folded form.
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (singleUnit(code) !== code + 1) break;
    i++;
  }
  if (i === text.length) return { text, origins: undefined };
  const units: number[] = [];
  for (let k = 0; k < i; k++) units.push(text.charCodeAt(k));
  let origins: number[] | undefined;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const single = singleUnit(code);
    if (single !== MANY) {
      units.push(single - 1);
      if (origins !== undefined) origins.push(i);
      continue;
    }
    const folded = foldUnit(code);
    if (origins === undefined) origins = Array.from({ length: units.length }, (_, k) => k);
    for (let k = 0; k < folded.length; k++) {
      units.push(folded.charCodeAt(k));
      origins.push(i);
    }
  }
  let out = '';
  for (let k = 0; k < units.length; k += CHUNK) out += String.fromCharCode(...units.slice(k, k + CHUNK));
  return { text: out, origins };
}

/** The folded form of `text` alone, for phrases that need no way back. */
export function normalizePhrase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text.charCodeAt(i));
  return out;
}

/** True for the marks a pattern match is trimmed of at either end (after folding). */
export function isPunctuation(ch: string): boolean {
  return /^[,.!?:;()"'<>[\]~\-]$/.test(ch);
}

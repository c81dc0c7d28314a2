/**
 * The text the lexicon is matched against. Writers mix full-width and half-width
 * punctuation, put spaces between characters and copy phrasings from traditional-character
 * material; none of that should decide whether "我们公司的规定就是这样的" is caught. So
 * phrases and scripts are both folded to one form, and every folded character remembers
 * where it came from so a finding can point at the author's own text.
 */
import { foldHanVariant } from './han-variants';

/** Folded text plus, per folded UTF-16 unit, the original range it came from. */
export interface NormalizedText {
  text: string;
  /** `starts[i]` is the offset in the original of the character folded unit `i` came from. */
  starts: number[];
  /** `ends[i]` is the offset just past that original character. */
  ends: number[];
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

/** Folds `text`, keeping for each folded unit the original range it came from. */
export function normalizeText(text: string): NormalizedText {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const folded = foldChar(text[i]);
    for (let k = 0; k < folded.length; k++) {
      starts.push(i);
      ends.push(i + 1);
    }
    out += folded;
  }
  return { text: out, starts, ends };
}

/** The folded form of `text` alone, for phrases that need no way back. */
export function normalizePhrase(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

/** True for the marks a pattern match is trimmed of at either end (after folding). */
export function isPunctuation(ch: string): boolean {
  return /^[,.!?:;()"'<>[\]~\-]$/.test(ch);
}

/**
 * Lexicon patterns, compiled for RE2 (the `re2js` port). Patterns come from users'
 * configuration files, and a backtracking engine can take exponential time on a pattern
 * such as `(a+)+$`; RE2 matches in time linear in the text, which is why it rejects the
 * features that need backtracking (backreferences, lookaround).
 */
import { msg, type Msg } from '../i18n/messages';
import { RE2JS } from 're2js';
import { foldChar } from './normalize';

export type CompiledPattern = { ok: true; regex: RE2JS } | { ok: false; message: Msg };

// Features people reach for that RE2 cannot run in linear time; RE2's own messages for
// them ("invalid named capture") do not say so.
const unsupported: Array<[RegExp, Msg]> = [
  [/\(\?<?[=!]/, msg('pattern.lookaround')],
  [/\\[1-9]/, msg('pattern.backreference')],
];

const regexMeta = new Set('\\.+*?()|[]{}^$-');

function escapeFolded(folded: string): string {
  let out = '';
  for (const ch of folded) out += regexMeta.has(ch) ? `\\${ch}` : ch;
  return out;
}

/**
 * Rewrites the literal characters of `source` the way text is normalised before matching
 * (full-width and CJK punctuation to ASCII, spaces dropped, traditional characters folded),
 * so a pattern written with `，` still matches. ASCII is left alone: it carries the
 * pattern's syntax, and letter case is handled by matching case-insensitively.
 */
export function normalizePattern(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length) {
      const escaped = source[i + 1];
      i++;
      // An escaped non-ASCII character is just that character; RE2 would reject the escape.
      out += escaped.charCodeAt(0) < 0x80 ? ch + escaped : escapeFolded(foldChar(escaped));
      continue;
    }
    if (ch === ' ' || ch === '\t') continue;
    out += ch.charCodeAt(0) < 0x80 ? ch : escapeFolded(foldChar(ch));
  }
  return out;
}

/** Compiles a lexicon pattern, or says in one sentence why it cannot be used. */
export function compilePattern(source: string): CompiledPattern {
  for (const [test, message] of unsupported) {
    if (test.test(source)) return { ok: false, message };
  }
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(normalizePattern(source), RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: msg('pattern.invalid', { detail: detail.replace(/^error parsing regexp: /, '') }) };
  }
  if (regex.test('')) return { ok: false, message: msg('pattern.matches-empty') };
  return { ok: true, regex };
}

/**
 * String literals as the compiled output needs them. `StringLit.value` keeps placeholders as
 * `{name}`, which cannot be told apart from an escaped literal `\{name\}`; an IVR that fills
 * in variables needs the two kept apart, so speech is emitted as `parts` cut at the
 * placeholders the parser recognised.
 */
import type { StringLit } from '../ast';
import type { TextPart } from './types';

/** The literal runs and variables of a string, in order; adjacent literals are merged. */
export function textParts(lit: StringLit): TextPart[] {
  // Both quote styles open with a single UTF-16 code unit, so `raw` starts one unit in.
  const rawStart = lit.span.start + 1;
  const parts: TextPart[] = [];
  let cursor = 0;
  const pushText = (raw: string) => {
    const text = lit.quote === 'ascii' ? raw.replace(/\\(.)/g, '$1') : raw;
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && 'text' in last) last.text += text;
    else parts.push({ text });
  };
  for (const placeholder of lit.placeholders) {
    const at = placeholder.span.start - rawStart;
    pushText(lit.raw.slice(cursor, at));
    parts.push({ var: placeholder.name });
    cursor = placeholder.span.end - rawStart;
  }
  pushText(lit.raw.slice(cursor));
  return parts;
}

/** The variables a string uses, each once, in order of first use. */
export function variablesOf(lit: StringLit | undefined): string[] {
  if (!lit) return [];
  return [...new Set(lit.placeholders.map((p) => p.name))];
}

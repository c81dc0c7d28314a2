/**
 * The pieces of VoiceXML that the document writer and the noinput-ladder writer share:
 * names, prompt text, durations, jumps and the catch-all grammars of a field.
 */
import type { TextPart } from '../compile/types';
import { asciiName } from './names';
import { attributes, escapeText, type XmlLines } from './xml';

/**
 * `silent_call/3/fallback/1` → `silent_call$3$fallback$1` (`$` is never in a script's ids).
 * Names are ASCII (see `asciiName`): the W3C schema's name pattern, as xmllint applies it,
 * refuses Chinese letters.
 */
export function itemName(nodeId: string): string {
  return asciiName(nodeId, '$');
}

/** A script variable as an ECMAScript variable of the document. */
export function variableName(name: string): string {
  return asciiName(name, '$');
}

/** A jump to another item of the same form. */
export function go(target: string): string {
  return `<goto${attributes({ nextitem: itemName(target) })}/>`;
}

/** A phrase as prompt content: literal runs escaped, variables as `<value expr="…"/>`. */
export function promptText(parts: readonly TextPart[]): string {
  return parts.map((part) => ('var' in part ? `<value${attributes({ expr: variableName(part.var) })}/>` : escapeText(part.text))).join('');
}

/** VoiceXML's CSS2 time: whole seconds as `5s`, anything else in milliseconds. */
export function vxmlDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

const DTMF_KEYS = [...'0123456789*#'].map((key) => `<item>${key}</item>`).join('');

/**
 * Any speech or any key is an answer: the caller spoke, so the agent (or the reply body)
 * goes on. Rule ids are XML ids (no `$`, no `.`), unique in the whole document, hence
 * named after the item.
 */
export function writeGrammars(out: XmlLines, name: string): void {
  const rule = name.replace(/\$/g, '__');
  out.line(3, `<grammar mode="voice" version="1.0" root="${rule}__speech"><rule id="${rule}__speech"><ruleref special="GARBAGE"/></rule></grammar>`);
  out.line(3, `<grammar mode="dtmf" version="1.0" root="${rule}__key"><rule id="${rule}__key"><one-of>${DTMF_KEYS}</one-of></rule></grammar>`);
}

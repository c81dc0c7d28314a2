/**
 * The phrase table (`--target phrases`): every distinct spoken phrase once, for voice
 * talent to record and translators to translate, as CSV (UTF-8 with a BOM, so Excel opens
 * Chinese correctly; CRLF line ends, as RFC 4180 and Excel expect) and XLIFF 2.0.
 *
 * A phrase's id is the IVR node id of its first use (`silent_call/3/fallback/1`): it comes
 * from the structure, so an edit in another situation, or below the phrase, never changes
 * it. The same text said in several places is one phrase; the other places are listed.
 */
import type { SayNode, SourcePosition, TextPart } from '../compile/types';
import type { ExportContext } from './context';
import type { ExportedFile } from './types';
import { attributes, escapeText, XmlLines } from './xml';

const COLUMNS = ['id', 'situation', 'file', 'line', 'column', 'text', 'placeholders', 'seconds', 'also_at'];

export interface Phrase {
  id: string;
  situation: string;
  source: SourcePosition;
  text: string;
  parts: TextPart[];
  placeholders: string[];
  seconds: number;
  alsoAt: string[];
}

export function collectPhrases(context: ExportContext): Phrase[] {
  const byText = new Map<string, Phrase>();
  // Program order (not start-first): the table follows the script as its writer reads it.
  for (const situation of Object.keys(context.compiled.ivr.situations)) {
    for (const [id, node] of context.nodesOf(situation)) {
      if (node.type !== 'say') continue;
      const key = JSON.stringify((node as SayNode).parts);
      const known = byText.get(key);
      if (known) {
        known.alsoAt.push(id);
        continue;
      }
      byText.set(key, {
        id,
        situation,
        source: context.shown(node.source),
        text: node.text,
        parts: node.parts,
        placeholders: [...new Set(node.parts.flatMap((p) => ('var' in p ? [p.var] : [])))],
        seconds: Math.round(node.estimatedMs / 100) / 10,
        alsoAt: [],
      });
    }
  }
  return [...byText.values()];
}

export function exportPhrases(context: ExportContext): ExportedFile[] {
  const phrases = collectPhrases(context);
  return [
    { extension: '.phrases.csv', content: phrasesCsv(phrases) },
    { extension: '.phrases.xlf', content: phrasesXliff(context, phrases) },
  ];
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function phrasesCsv(phrases: readonly Phrase[]): string {
  const rows = [COLUMNS.join(',')];
  for (const p of phrases) {
    rows.push(
      [p.id, p.situation, p.source.file, p.source.line, p.source.column, p.text, p.placeholders.join(' '), p.seconds.toFixed(1), p.alsoAt.join(' ')]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** An XLIFF unit id is an NMTOKEN, which has no `/`; script ids never hold a `.`. */
export function unitId(phraseId: string): string {
  return phraseId.replace(/\//g, '.');
}

export function phrasesXliff(context: ExportContext, phrases: readonly Phrase[]): string {
  const out = new XmlLines();
  const file = context.displayPath(context.program.root.uri);
  out.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  out.line(0, `<xliff${attributes({ xmlns: 'urn:oasis:names:tc:xliff:document:2.0', version: '2.0', srcLang: context.compiled.script.locale ?? 'und' })}>`);
  out.line(1, `<file${attributes({ id: 'f1', original: file })}>`);
  for (const p of phrases) {
    out.line(2, `<unit${attributes({ id: unitId(p.id), name: p.id })}>`);
    out.line(3, '<notes>');
    out.line(4, `<note${attributes({ category: 'situation' })}>${escapeText(p.situation)}</note>`);
    out.line(4, `<note${attributes({ category: 'location' })}>${escapeText(`${p.source.file}:${p.source.line}:${p.source.column}`)}</note>`);
    out.line(4, `<note${attributes({ category: 'seconds' })}>${p.seconds.toFixed(1)}</note>`);
    out.line(3, '</notes>');
    let n = 0;
    const source = p.parts
      .map((part) => ('var' in part ? `<ph${attributes({ id: `ph${++n}`, disp: `{${part.var}}`, equiv: `{${part.var}}` })}/>` : escapeText(part.text)))
      .join('');
    out.line(3, `<segment><source>${source}</source></segment>`);
    out.line(2, '</unit>');
  }
  out.line(1, '</file>');
  out.line(0, '</xliff>');
  return out.toString();
}

/**
 * Hover: what the thing under the cursor means. A situation id or `goto` target shows the
 * situation's title, tags and trigger; a duration reads as seconds or minutes; a phrase
 * shows how long it takes to say (the compiler's model, so the hover and the compiled
 * output agree); a banned phrasing shows why it is banned and what to say instead; a
 * keyword shows its other spelling and what it does.
 */
import type { Span, StringLit } from '../ast';
import { estimateSpeakingMs } from '../compile/speaking-time';
import { textParts } from '../compile/text';
import type { Finding } from '../finding';
import { spell } from '../keywords';
import { createPhraseMatcher } from '../lexicon/matcher';
import { recommendedLexicon } from '../lexicon/recommended';
import type { PhraseMatch, PhraseMatcher } from '../lexicon/types';
import { LineIndex } from '../line-index';
import { basenameOf, resolveImport } from '../paths';
import type { Program } from '../program';
import { describeDuration, describeSeconds } from './describe';
import { keywordHelp } from './keyword-help';
import { EN, type Messages } from '../i18n/messages';
import { occurrencesOf } from './navigation';
import { targetAt, type Target } from './target';

export interface HoverInfo {
  /** What the hover is about; the editor highlights it. */
  span: Span;
  /** The hover text, as Markdown. */
  markdown: string;
}

export interface HoverOptions {
  /** The lexicon to explain banned phrasings with (the script's configuration); built-in by default. */
  matcher?: PhraseMatcher;
  /**
   * The document's current findings. When given, a phrasing is explained as banned only
   * where a `banned-phrase` finding reports it, so a suppressed or disabled rule is honoured.
   */
  findings?: readonly Finding[];
  /** The reader's language (English by default). */
  messages?: Messages;
}

let builtInMatcher: PhraseMatcher | undefined;

export function hoverAt(program: Program, uri: string, offset: number, options: HoverOptions = {}): HoverInfo | undefined {
  const file = program.files.get(uri);
  if (!file) return undefined;
  const target = targetAt(file, offset);
  if (!target) return undefined;
  const messages = options.messages ?? EN;
  switch (target.kind) {
    case 'situation':
      return { span: target.span, markdown: describeSituation(program, uri, target.name, messages) };
    case 'variable':
      return { span: target.span, markdown: describeVariable(program, uri, target.name, messages) };
    case 'duration': {
      const { duration } = target;
      return { span: duration.span, markdown: `\`${duration.raw}\` — ${describeDuration(duration.ms, duration, messages)}` };
    }
    case 'keyword': {
      const other = spell(target.name, target.keyword.spelling === 'en' ? 'zh' : 'en');
      const written = spell(target.name, target.keyword.spelling);
      return { span: target.keyword.span, markdown: `**${written}** · ${other} — ${keywordHelp(target.name, messages)}` };
    }
    case 'import': {
      const resolved = resolveImport(uri, target.path.value);
      const found = program.imports.find((i) => i.from === uri && i.uri === resolved)?.found;
      const key = found === false ? 'hover.import.not-found' : 'hover.import';
      return { span: target.path.span, markdown: messages.t(key, { file: basenameOf(resolved), uri: resolved }) };
    }
    case 'string':
      return describeString(target, offset, options, messages);
    case 'tag':
      return undefined;
  }
}

function describeSituation(program: Program, uri: string, name: string, messages: Messages): string {
  const entries = program.situations.get(name) ?? [];
  if (entries.length === 0) return messages.t('hover.situation.none', { name });
  const { situation, uri: definedIn } = entries[0];
  const lines = [`**situation** \`${name}\`${situation.title ? ` — ${situation.title.value}` : ''}`];
  if (situation.tags.length > 0) lines.push(messages.t('hover.tags', { tags: situation.tags.map((t) => t.name).join(', ') }));
  if (situation.when) lines.push(messages.t('hover.when', { when: situation.when.text.value }));
  if (definedIn !== uri) {
    const text = program.files.get(definedIn)?.text ?? '';
    const line = new LineIndex(text).positionAt(situation.id.span.start).line + 1;
    lines.push(messages.t('hover.defined-in.line', { file: basenameOf(definedIn), line: String(line) }));
  }
  if (entries.length > 1) lines.push(messages.t('hover.situation.duplicate', { count: entries.length }));
  return lines.join('  \n');
}

function describeVariable(program: Program, uri: string, name: string, messages: Messages): string {
  const occurrences = occurrencesOf(program.files.values(), { kind: 'variable', name });
  const declarations = occurrences.filter((o) => o.declaration);
  const uses = occurrences.length - declarations.length;
  const where = declarations.length === 0 ? 'none' : declarations[0].uri === uri ? 'here' : 'elsewhere';
  const file = declarations.length > 0 ? basenameOf(declarations[0].uri) : '';
  return messages.t('hover.variable', { name, where, file, uses, n: String(uses) });
}

function describeString(
  target: Extract<Target, { kind: 'string' }>,
  offset: number,
  options: HoverOptions,
  messages: Messages,
): HoverInfo | undefined {
  const { string, step } = target;
  if (step?.kind === 'say' || step?.kind === 'promise') {
    const banned = bannedAt(string, offset, options, messages);
    if (banned) return banned;
  }
  if (step?.kind !== 'say') return undefined;
  const ms = estimateSpeakingMs(textParts(string));
  const chars = [...string.value].length;
  return {
    span: string.span,
    markdown: messages.t('hover.speaking-time', { time: describeSeconds(ms, messages), chars, n: String(chars) }),
  };
}

function bannedAt(string: StringLit, offset: number, options: HoverOptions, messages: Messages): HoverInfo | undefined {
  builtInMatcher ??= createPhraseMatcher(recommendedLexicon);
  const matcher = options.matcher ?? builtInMatcher;
  // The matcher runs on the raw text between the quotes; both quotes are one code unit wide.
  const base = string.span.start + 1;
  const reported = (match: PhraseMatch) =>
    !options.findings ||
    options.findings.some((f) => f.rule === 'banned-phrase' && f.span.start === base + match.start && f.span.end === base + match.end);
  const match = matcher.find(string.raw).find((m) => base + m.start <= offset && offset <= base + m.end && reported(m));
  if (!match) return undefined;
  const phrase = string.raw.slice(match.start, match.end);
  const { entry } = match;
  const lines = [messages.t('hover.banned', { phrase, reason: entry.reason ?? entry.message })];
  const suggestions = entry.suggest.map((s) => messages.text(s)).filter((s) => s !== '');
  if (suggestions.length > 0) {
    const quoted = suggestions.map((s) => messages.t('hover.banned.quoted', { text: s }));
    lines.push(messages.t('hover.banned.say-instead', { suggestions: { list: quoted, separator: 'list.or' } }));
  } else if (entry.suggest.length > 0) lines.push(messages.t('hover.banned.remove'));
  return { span: { start: base + match.start, end: base + match.end }, markdown: lines.join('  \n') };
}

/**
 * Completion: what the writer may type at the cursor, written the way the file is
 * written. Keywords come in the file's dominant spelling, durations in its units and
 * phrases in its language and quote style; only what the grammar allows at the cursor is
 * offered (see `completion-context.ts`, which also makes this work on half-typed text).
 */
import type { Span, Spelling } from '../ast';
import { estimateSpeakingMs } from '../compile/speaking-time';
import { parseDuration } from '../duration';
import { KEYWORDS, spell, type KeywordName } from '../keywords';
import { quoteString } from '../lint/edits';
import { declaredVariables } from '../lint/model';
import type { Program } from '../program';
import { basenameOf } from '../paths';
import { analyzeCursor, type CursorContext } from './completion-context';
import { describeDuration, describeSeconds } from './describe';
import { keywordHelp } from './keyword-help';
import { EN, type Messages } from '../i18n/messages';
import { standardPhrases } from './standard-phrases';
import { detectStyle, type WritingStyle } from './style';
import { situationsIn } from './walk';

export type CompletionKind = 'keyword' | 'situation' | 'variable' | 'duration' | 'phrase' | 'tag';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** A short line shown beside the label (a situation's title, a phrase's topic). */
  detail?: string;
  /** Markdown shown when the entry is selected. */
  documentation?: string;
  /** The text that replaces `span` when the entry is accepted. */
  newText: string;
  span: Span;
  /** What the editor filters on, when it differs from the label. */
  filterText?: string;
  /** Orders entries; the editor sorts by it rather than by label. */
  sortText: string;
  /** True when completing again right after this entry helps (after `goto `, `wait `, `say `). */
  retrigger?: boolean;
}

export interface CompletionOptions {
  /** Leaves out standard phrasings the configured lexicon bans (the built-in one bans none). */
  isBanned?(phrase: string): boolean;
  /**
   * The character whose typing asked for completion (absent when the writer asked, or
   * typed a word). A space only completes an argument (`goto |`, `wait |`, `say |`), `{`
   * only a placeholder and a quote only a new phrase, so prose typed in a string or
   * between words does not keep opening lists.
   */
  triggerCharacter?: string;
  /** The reader's language for details and documentation (English by default). */
  messages?: Messages;
}

const TRIGGERED: Record<string, ReadonlyArray<CursorContext['kind']>> = {
  ' ': ['situation-id', 'duration', 'phrase', 'tag'],
  '\u3000': ['situation-id', 'duration', 'phrase', 'tag'],
  '{': ['variable'],
  '"': ['phrase-in-string'],
  '“': ['phrase-in-string'],
};

/** Keywords that take an argument completion can offer, so the list reopens after them. */
const RETRIGGER = new Set<KeywordName>(['say', 'wait', 'goto', 'hold', 'promise', 'tags']);
/** Keywords written alone; every other keyword is followed by a space. */
const BARE = new Set<KeywordName>(['hangup', 'end']);

const DURATIONS: Record<'wait' | 'hold' | 'promise', number[]> = {
  wait: [5000, 10_000, 30_000],
  hold: [30_000, 60_000, 120_000],
  promise: [2 * 3_600_000, 24 * 3_600_000],
};

export function completeAt(program: Program, uri: string, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  const file = program.files.get(uri);
  if (!file) return [];
  const { context, replace, prefix } = analyzeCursor(file.text, offset);
  const trigger = options.triggerCharacter;
  if (trigger !== undefined && TRIGGERED[trigger] && (!TRIGGERED[trigger].includes(context.kind) || (context.kind === 'phrase-in-string' && prefix !== ''))) {
    return [];
  }
  const style = detectStyle(file);
  const messages = options.messages ?? EN;
  const span = { start: replace.start, end: replace.end };
  // A keyword gets its trailing space unless one is already there (a line break is not one:
  // `goto` then Enter would leave the cursor where no situation id can be completed).
  const followedByBlank = /^[ \t\u3000]/.test(file.text.slice(replace.end, replace.end + 1));
  switch (context.kind) {
    case 'keywords':
      return keywordEntries(context, style, prefix, span, followedByBlank, messages);
    case 'situation-id':
      return situationEntries(program, uri, context.current, span, messages);
    case 'duration':
      return durationEntries(context.after, style, prefix, span, messages);
    case 'phrase':
      return phraseEntries(style, options, (text) => quoteString(text, style.quote), span, messages);
    case 'phrase-in-string': {
      const close = context.closed ? '' : context.quote === 'ascii' ? '"' : '”';
      const inner = (text: string) => quoteString(text, context.quote).slice(1, -1) + close;
      // What the writer has started to type tells the language best.
      const language = /\p{Script=Han}/u.test(prefix) ? 'zh' : /[a-z]/i.test(prefix) ? 'en' : style.language;
      return phraseEntries({ ...style, language }, options, inner, span, messages);
    }
    case 'variable':
      return variableEntries(program, file.text, context.closed, span, messages);
    case 'tag':
      return tagEntries(program, span);
    case 'none':
      return [];
  }
}

/**
 * Keywords in the file's spelling. A writer who types the start of the other spelling
 * (`wa` in a Chinese-spelled file) gets that spelling instead: they chose it.
 */
function keywordEntries(
  context: Extract<CursorContext, { kind: 'keywords' }>,
  style: WritingStyle,
  prefix: string,
  span: Span,
  followedByBlank: boolean,
  messages: Messages,
): CompletionEntry[] {
  const other: Spelling = style.spelling === 'en' ? 'zh' : 'en';
  const matches = (spelling: Spelling) => context.allowed.some((k) => spell(k, spelling).startsWith(prefix));
  const spelling = prefix && !matches(style.spelling) && matches(other) ? other : style.spelling;
  return context.allowed.map((name, index) => {
    const word = spell(name, spelling);
    const preferred = context.preferred.includes(name);
    return {
      label: word,
      kind: 'keyword' as const,
      detail: `${word} · ${spell(name, spelling === 'en' ? 'zh' : 'en')}`,
      documentation: keywordHelp(name, messages),
      newText: BARE.has(name) || followedByBlank ? word : `${word} `,
      span,
      sortText: `${preferred ? 0 : 1}${String(index).padStart(2, '0')}`,
      ...(RETRIGGER.has(name) ? { retrigger: true } : {}),
    };
  });
}

function situationEntries(program: Program, uri: string, current: string | undefined, span: Span, messages: Messages): CompletionEntry[] {
  const entries: CompletionEntry[] = [];
  for (const [id, definitions] of program.situations) {
    const { situation, uri: definedIn } = definitions[0];
    const lines: string[] = [];
    if (situation.when) lines.push(messages.t('completion.when', { when: situation.when.text.value }));
    if (situation.tags.length > 0) lines.push(messages.t('completion.tags', { tags: situation.tags.map((t) => t.name).join(', ') }));
    if (definedIn !== uri) lines.push(messages.t('hover.defined-in', { file: basenameOf(definedIn) }));
    entries.push({
      label: id,
      kind: 'situation',
      detail: situation.title?.value ?? (definedIn !== uri ? basenameOf(definedIn) : undefined),
      documentation: lines.join('  \n') || undefined,
      newText: id,
      span,
      // Jumping to the situation the cursor is in is rarely meant, so it comes last.
      sortText: `${id === current ? 1 : 0}${id}`,
    });
  }
  return entries;
}

function durationEntries(after: 'wait' | 'hold' | 'promise', style: WritingStyle, prefix: string, span: Span, messages: Messages): CompletionEntry[] {
  const texts = DURATIONS[after].map((ms) => writeDuration(ms, style.units));
  // Digits already typed get each unit, so `15` completes to `15s`, `15m`, `15h`.
  if (/^\d+(\.\d+)?$/.test(prefix)) {
    const units = style.units === 'zh' ? ['秒', '分钟', '小时'] : ['s', 'm', 'h'];
    texts.unshift(...units.map((unit) => prefix + unit).filter((t) => !texts.includes(t)));
  }
  return texts.map((text, index) => ({
    label: text,
    kind: 'duration' as const,
    detail: describeDuration(parseDuration(text) ?? 0, { amount: parseFloat(text), unit: text.replace(/^[\d.]+/, '') }, messages),
    newText: text,
    span,
    sortText: String(index).padStart(2, '0'),
  }));
}

/** `5000` → `5s` or `5秒`; whole units only (the table above holds whole values). */
function writeDuration(ms: number, units: Spelling): string {
  const table: Array<[number, string, string]> = [
    [3_600_000, 'h', '小时'],
    [60_000, 'm', '分钟'],
    [1000, 's', '秒'],
  ];
  for (const [size, en, zh] of table) {
    if (ms % size === 0) return `${ms / size}${units === 'zh' ? zh : en}`;
  }
  return `${ms}${units === 'zh' ? '毫秒' : 'ms'}`;
}

function phraseEntries(
  style: WritingStyle,
  options: CompletionOptions,
  write: (text: string) => string,
  span: Span,
  messages: Messages,
): CompletionEntry[] {
  return standardPhrases(style.language)
    .filter(({ text }) => !options.isBanned?.(text))
    .map(({ phrase, text }, index) => ({
      label: text,
      kind: 'phrase' as const,
      detail: phrase.topic,
      documentation: messages.t('completion.phrase', { source: phrase.source, time: describeSeconds(estimateSpeakingMs([{ text }]), messages) }),
      newText: write(text),
      span,
      filterText: text,
      sortText: String(index).padStart(2, '0'),
    }));
}

function variableEntries(program: Program, text: string, closed: boolean, span: Span, messages: Messages): CompletionEntry[] {
  const names = declaredVariables(program);
  // A prelude that does not parse declares nothing in the AST; read its `var` lines directly.
  for (const name of scanVarNames(text)) names.add(name);
  return [...names].sort().map((name) => ({
    label: name,
    kind: 'variable' as const,
    detail: messages.t('completion.variable'),
    newText: closed ? name : `${name}}`,
    span,
    sortText: name,
  }));
}

const VAR_LINE = new RegExp(`^[ \\t]*(?:var|${KEYWORDS.var})[ \\t\\u3000]+([^\\n\\r#]*)`, 'gmu');
const IDENT = /^[\p{L}_][\p{L}0-9_-]*$/u;

function scanVarNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VAR_LINE)) {
    for (const part of match[1].split(/[,，、]/)) {
      const name = part.trim();
      if (IDENT.test(name)) names.push(name);
    }
  }
  return names;
}

function tagEntries(program: Program, span: Span): CompletionEntry[] {
  const tags = new Set<string>();
  for (const file of program.files.values()) {
    for (const situation of situationsIn(file)) for (const tag of situation.tags) tags.add(tag.name);
  }
  return [...tags].sort().map((tag) => ({ label: tag, kind: 'tag' as const, newText: tag, span, sortText: tag }));
}

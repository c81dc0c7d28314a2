/**
 * The `lexicon` array of `sop.config.json`: the team's own banned phrasings, added to the
 * built-in ones. An entry with a built-in id replaces that entry, and
 * `{ "id": "…", "severity": "off" }` switches a built-in entry off.
 */
import type { Node } from 'jsonc-parser';
import type { Span } from '../ast';
import type { Severity } from '../finding';
import { msg, type LocalizedText, type Msg } from '../i18n/messages';
import { createPhraseMatcher } from '../lexicon/matcher';
import { normalizePhrase } from '../lexicon/normalize';
import { compilePattern } from '../lexicon/pattern';
import { recommendedLexicon } from '../lexicon/recommended';
import type { LexiconEntry, LexiconExamples } from '../lexicon/types';
import { ConfigReport, describe, openingOf, propertiesOf, spanOf, type JsonProperty } from './json-nodes';
import { didYouMean } from './nearest';

const ENTRY_KEYS = ['id', 'phrase', 'pattern', 'message', 'reason', 'suggest', 'severity', 'examples'];
const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint'];

/** The lexicon in force: the built-in entries (if extended) with the user's merged in. */
export function readLexicon(node: Node | undefined, includeRecommended: boolean, report: ConfigReport): LexiconEntry[] {
  const builtIn = includeRecommended ? [...recommendedLexicon] : [];
  if (!node) return builtIn;
  if (node.type !== 'array') {
    report.at(node, msg('config.lexicon.not-array', { value: describe(node) }));
    return builtIn;
  }
  const user: LexiconEntry[] = [];
  const replaced = new Set<string>();
  const seenIds = new Set<string>();
  (node.children ?? []).forEach((entryNode, index) => {
    const result = readEntry(entryNode, index, report);
    if (!result) return;
    if (seenIds.has(result.id)) {
      report.error(result.idSpan, msg('config.lexicon.duplicate-id', { id: result.id }));
      return;
    }
    seenIds.add(result.id);
    const isBuiltIn = recommendedLexicon.some((e) => e.id === result.id);
    if (result.entry === 'off') {
      if (!isBuiltIn) report.error(result.idSpan, msg('config.lexicon.off-not-built-in', { id: result.id, hint: didYouMean(result.id, recommendedLexicon.map((e) => e.id)) }));
      replaced.add(result.id);
      return;
    }
    if (isBuiltIn) replaced.add(result.id);
    user.push(result.entry);
  });
  return [...builtIn.filter((e) => !replaced.has(e.id)), ...user];
}

interface EntryResult {
  id: string;
  idSpan: Span;
  entry: LexiconEntry | 'off';
}

function readEntry(node: Node, index: number, report: ConfigReport): EntryResult | undefined {
  if (node.type !== 'object') {
    report.at(node, msg('config.lexicon.entry-not-object', { value: describe(node) }));
    return undefined;
  }
  const props = new Map<string, JsonProperty>();
  for (const property of propertiesOf(node, report)) {
    if (ENTRY_KEYS.includes(property.name)) props.set(property.name, property);
    else report.at(property.keyNode, msg('config.lexicon.unknown-key', { name: property.name, hint: didYouMean(property.name, ENTRY_KEYS), keys: ENTRY_KEYS.join(', ') }));
  }
  const value = (name: string): Node | undefined => props.get(name)?.valueNode;
  let ok = true;
  const fail: Fail = (at, message) => {
    report.error('type' in at ? spanOf(at) : at, message);
    ok = false;
  };
  const text = (name: string, required: boolean): string | undefined => {
    const v = value(name);
    if (!v) {
      if (required) fail(openingOf(node), msg('config.lexicon.needs', { name }));
      return undefined;
    }
    if (v.type === 'string' && v.value.trim() !== '') return v.value;
    fail(v, msg('config.lexicon.not-text', { name, value: describe(v) }));
    return undefined;
  };
  // A text a reader sees may be given per locale: { "zh-CN": "…", "en": "…" }.
  const localized = (name: string, required: boolean): LocalizedText | undefined => {
    const v = value(name);
    if (v?.type !== 'object') return text(name, required);
    return readLocalized(v, name, fail, false);
  };

  const idNode = value('id');
  const id = text('id', false) ?? `user-${index + 1}`;
  const idSpan = idNode ? spanOf(idNode) : openingOf(node);
  const severityNode = value('severity');
  let severity: Severity = 'error';
  if (severityNode) {
    if (severityNode.type === 'string' && severityNode.value === 'off' && idNode) {
      const others = [...props.keys()].filter((k) => k !== 'id' && k !== 'severity');
      for (const k of others) fail(props.get(k)!.keyNode, msg('config.lexicon.off-extra', { id }));
      return ok ? { id, idSpan, entry: 'off' } : undefined;
    }
    if (severityNode.type === 'string' && SEVERITIES.includes(severityNode.value)) severity = severityNode.value as Severity;
    else {
      const hint = severityNode.type === 'string' ? didYouMean(severityNode.value, SEVERITIES) : '';
      const off = severityNode.type === 'string' && severityNode.value === 'off' ? msg('config.lexicon.off-needs-id') : '';
      const value = severityNode.type === 'string' ? JSON.stringify(severityNode.value) : describe(severityNode);
      fail(severityNode, msg('config.lexicon.severity', { value, hint, off }));
    }
  }

  const phraseNode = value('phrase');
  const patternNode = value('pattern');
  let phrase: string | undefined;
  let pattern: string | undefined;
  if (phraseNode && patternNode) {
    fail(props.get('pattern')!.keyNode, msg('config.lexicon.both'));
  } else if (!phraseNode && !patternNode) {
    fail(openingOf(node), msg('config.lexicon.neither'));
  } else if (phraseNode) {
    phrase = text('phrase', true);
    if (phrase !== undefined && normalizePhrase(phrase) === '') fail(phraseNode, msg('config.lexicon.empty-phrase'));
  } else if (patternNode) {
    pattern = text('pattern', true);
    if (pattern !== undefined) {
      const compiled = compilePattern(pattern);
      if (!compiled.ok) fail(patternNode, compiled.message);
    }
  }
  const message = localized('message', true);
  const reason = localized('reason', false);
  const suggest = readSuggestions(value('suggest'), fail);
  const examples = readExamples(value('examples'), fail);
  if (!ok || message === undefined || (phrase === undefined && pattern === undefined)) return undefined;

  const entry: LexiconEntry = { id, message, suggest, severity };
  if (phrase !== undefined) entry.phrase = phrase;
  if (pattern !== undefined) entry.pattern = pattern;
  if (reason !== undefined) entry.reason = reason;
  if (examples) {
    entry.examples = examples.value;
    if (!checkExamples(entry, examples.nodes, report)) return undefined;
  }
  return { id, idSpan, entry };
}

type Fail = (at: Node | Span, message: Msg) => void;

/**
 * `{ "zh-CN": "…", "en": "…" }`: texts by locale tag. Tags are not limited to the
 * catalogs' languages (a team may write texts for a language SOP Studio does not speak
 * yet); the reader's locale picks one, English is the fallback.
 */
function readLocalized(node: Node, name: string, fail: Fail, allowEmpty: boolean): LocalizedText | undefined {
  const texts: Record<string, string> = {};
  let ok = true;
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const tag = String(keyNode?.value);
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(tag)) {
      fail(keyNode, msg('config.lexicon.not-locale-tag', { tag, name }));
      ok = false;
    } else if (valueNode?.type !== 'string' || (!allowEmpty && valueNode.value.trim() === '')) {
      fail(valueNode ?? keyNode, msg('config.lexicon.locale-text', { name, tag }));
      ok = false;
    } else texts[tag] = valueNode.value;
  }
  if (ok && Object.keys(texts).length === 0) {
    fail(node, msg('config.lexicon.no-texts', { name }));
    return undefined;
  }
  return ok ? texts : undefined;
}

function readSuggestions(node: Node | undefined, fail: Fail): LocalizedText[] {
  if (!node) return [];
  if (node.type !== 'array') {
    fail(node, msg('config.lexicon.suggest-not-array', { value: describe(node) }));
    return [];
  }
  const list: LocalizedText[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string') list.push(item.value);
    else if (item.type === 'object') {
      const texts = readLocalized(item, 'suggest', fail, true);
      if (texts) list.push(texts);
    }
    else fail(item, msg('config.lexicon.suggest-item', { value: describe(item) }));
  }
  return list;
}

interface ExampleNodes {
  value: LexiconExamples;
  nodes: { match: Node[]; noMatch: Node[] };
}

function readExamples(node: Node | undefined, fail: Fail): ExampleNodes | undefined {
  if (!node) return undefined;
  const result: ExampleNodes = { value: { match: [], noMatch: [] }, nodes: { match: [], noMatch: [] } };
  if (node.type !== 'object') {
    fail(node, msg('config.lexicon.examples-not-object', { value: describe(node) }));
    return undefined;
  }
  for (const property of node.children ?? []) {
    const [keyNode, listNode] = property.children ?? [];
    const key = String(keyNode?.value);
    if (key !== 'match' && key !== 'noMatch') {
      fail(keyNode, msg('config.lexicon.examples-key', { key }));
      continue;
    }
    if (!listNode || listNode.type !== 'array') {
      if (listNode) fail(listNode, msg('config.lexicon.examples-not-array', { key }));
      continue;
    }
    for (const item of listNode.children ?? []) {
      if (item.type !== 'string') fail(item, msg('config.lexicon.examples-item', { key, value: describe(item) }));
      else {
        result.value[key].push(item.value);
        result.nodes[key].push(item);
      }
    }
  }
  return result;
}

/** An entry's own examples are its tests: one that misbehaves is reported where it is written. */
function checkExamples(entry: LexiconEntry, nodes: ExampleNodes['nodes'], report: ConfigReport): boolean {
  const matcher = createPhraseMatcher([entry]);
  let ok = true;
  for (const node of nodes.match) {
    if (matcher.find(node.value).length > 0) continue;
    report.at(node, msg('config.lexicon.match-missed'));
    ok = false;
  }
  for (const node of nodes.noMatch) {
    if (matcher.find(node.value).length === 0) continue;
    report.at(node, msg('config.lexicon.nomatch-flagged'));
    ok = false;
  }
  return ok;
}

/**
 * The `lexicon` array of `sop.config.json`: the team's own banned phrasings, added to the
 * built-in ones. An entry with a built-in id replaces that entry, and
 * `{ "id": "…", "severity": "off" }` switches a built-in entry off.
 */
import type { Node } from 'jsonc-parser';
import type { Span } from '../ast';
import type { Severity } from '../finding';
import type { LocalizedText } from '../i18n/messages';
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
    report.at(node, `"lexicon" must be an array of entries, not ${describe(node)}`);
    return builtIn;
  }
  const user: LexiconEntry[] = [];
  const replaced = new Set<string>();
  const seenIds = new Set<string>();
  (node.children ?? []).forEach((entryNode, index) => {
    const result = readEntry(entryNode, index, report);
    if (!result) return;
    if (seenIds.has(result.id)) {
      report.error(result.idSpan, `lexicon id "${result.id}" is used twice; ids must be unique`);
      return;
    }
    seenIds.add(result.id);
    const isBuiltIn = recommendedLexicon.some((e) => e.id === result.id);
    if (result.entry === 'off') {
      if (!isBuiltIn) report.error(result.idSpan, `"severity": "off" switches off a built-in entry, and "${result.id}" is not one${didYouMean(result.id, recommendedLexicon.map((e) => e.id))}`);
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
    report.at(node, `a lexicon entry must be an object with "phrase" or "pattern" and "message", not ${describe(node)}`);
    return undefined;
  }
  const props = new Map<string, JsonProperty>();
  for (const property of propertiesOf(node, report)) {
    if (ENTRY_KEYS.includes(property.name)) props.set(property.name, property);
    else report.at(property.keyNode, `unknown lexicon entry key "${property.name}"${didYouMean(property.name, ENTRY_KEYS)} (keys: ${ENTRY_KEYS.join(', ')})`);
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
      if (required) fail(openingOf(node), `this lexicon entry needs a "${name}"`);
      return undefined;
    }
    if (v.type === 'string' && v.value.trim() !== '') return v.value;
    fail(v, `"${name}" must be a non-empty string, not ${describe(v)}`);
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
      for (const k of others) fail(props.get(k)!.keyNode, `an entry that switches "${id}" off takes only "id" and "severity"`);
      return ok ? { id, idSpan, entry: 'off' } : undefined;
    }
    if (severityNode.type === 'string' && SEVERITIES.includes(severityNode.value)) severity = severityNode.value as Severity;
    else {
      const hint = severityNode.type === 'string' ? didYouMean(severityNode.value, SEVERITIES) : '';
      const off = severityNode.type === 'string' && severityNode.value === 'off' ? ' ("off" needs the "id" of a built-in entry)' : '';
      fail(severityNode, `${severityNode.type === 'string' ? JSON.stringify(severityNode.value) : describe(severityNode)} is not a lexicon severity: use error, warning, info or hint${hint}${off}`);
    }
  }

  const phraseNode = value('phrase');
  const patternNode = value('pattern');
  let phrase: string | undefined;
  let pattern: string | undefined;
  if (phraseNode && patternNode) {
    fail(props.get('pattern')!.keyNode, 'give either "phrase" or "pattern", not both');
  } else if (!phraseNode && !patternNode) {
    fail(openingOf(node), 'this lexicon entry needs a "phrase" (literal text) or a "pattern" (RE2 pattern)');
  } else if (phraseNode) {
    phrase = text('phrase', true);
    if (phrase !== undefined && normalizePhrase(phrase) === '') fail(phraseNode, 'the phrase is empty once spaces are ignored');
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

type Fail = (at: Node | Span, message: string) => void;

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
      fail(keyNode, `"${tag}" is not a locale tag: use tags such as "zh-CN" and "en" as the keys of "${name}"`);
      ok = false;
    } else if (valueNode?.type !== 'string' || (!allowEmpty && valueNode.value.trim() === '')) {
      fail(valueNode ?? keyNode, `"${name}"."${tag}" must be a non-empty string`);
      ok = false;
    } else texts[tag] = valueNode.value;
  }
  if (ok && Object.keys(texts).length === 0) {
    fail(node, `"${name}" needs at least one text, e.g. { "zh-CN": "…", "en": "…" }`);
    return undefined;
  }
  return ok ? texts : undefined;
}

function readSuggestions(node: Node | undefined, fail: Fail): LocalizedText[] {
  if (!node) return [];
  if (node.type !== 'array') {
    fail(node, `"suggest" must be an array of replacement strings, not ${describe(node)}`);
    return [];
  }
  const list: LocalizedText[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string') list.push(item.value);
    else if (item.type === 'object') {
      const texts = readLocalized(item, 'suggest', fail, true);
      if (texts) list.push(texts);
    }
    else fail(item, `"suggest" must hold strings (use "" to offer deleting the phrase), not ${describe(item)}`);
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
    fail(node, `"examples" must be an object { "match": [...], "noMatch": [...] }, not ${describe(node)}`);
    return undefined;
  }
  for (const property of node.children ?? []) {
    const [keyNode, listNode] = property.children ?? [];
    const key = String(keyNode?.value);
    if (key !== 'match' && key !== 'noMatch') {
      fail(keyNode, `unknown "examples" key "${key}": use "match" and "noMatch"`);
      continue;
    }
    if (!listNode || listNode.type !== 'array') {
      if (listNode) fail(listNode, `"${key}" must be an array of strings`);
      continue;
    }
    for (const item of listNode.children ?? []) {
      if (item.type !== 'string') fail(item, `"${key}" must hold strings, not ${describe(item)}`);
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
    report.at(node, 'this "match" example is not flagged by its entry: fix the example or the entry');
    ok = false;
  }
  for (const node of nodes.noMatch) {
    if (matcher.find(node.value).length === 0) continue;
    report.at(node, 'this "noMatch" example is flagged by its entry: fix the example or the entry');
    ok = false;
  }
  return ok;
}

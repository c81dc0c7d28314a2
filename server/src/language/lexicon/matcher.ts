/**
 * Finds banned phrasings in a phrase. Literal entries go through one Aho–Corasick
 * automaton (one pass per phrase however large the lexicon); pattern entries through RE2
 * (linear in the phrase). Both run on normalised text, and matches are mapped back to
 * offsets in the text the caller passed in.
 *
 * A pattern is compiled and run only for the phrases that hold the characters it needs
 * (`required-chars.ts`): most phrases hold none, and compiling the lexicon's patterns for
 * RE2 alone cost a cold `sop check` of a clean script more than the rest of its lint.
 */
import { RE2JS, RE2Set } from 're2js';
import { AhoCorasick, type SearchCost } from './aho-corasick';
import { isPunctuation, normalizePhrase, normalizeText, originOf } from './normalize';
import { compilePattern, normalizePattern } from './pattern';
import { requiredChars } from './required-chars';
import { LexiconGate, literalRequirement, pickClauses, RequirementChecker } from './requirement-check';
import type { LexiconEntry, PhraseMatch, PhraseMatcher } from './types';

/** The named group that narrows a pattern's finding to part of its match. */
export const PHRASE_GROUP = 'phrase';

/** A match in normalised coordinates; `rank` is the entry's position in the lexicon. */
interface Candidate {
  rank: number;
  start: number;
  end: number;
}

export interface PhraseMatcherWithCost extends PhraseMatcher {
  /** Accumulated literal-automaton cost, for tests that check matching stays one pass. */
  readonly cost: SearchCost;
}

/** How many phrases' answers (and RE2 set answers) a matcher keeps (then it starts over). */
const MAX_PREFILTERED = 20_000;

/**
 * Builds the matcher for a lexicon once; reuse it for every phrase. Entries whose pattern
 * does not compile are skipped: the configuration loader has already reported them.
 * A match lying inside an occurrence of an `allow` phrase is never reported.
 */
export function createPhraseMatcher(entries: readonly LexiconEntry[], allow: readonly string[] = []): PhraseMatcherWithCost {
  const literalKeys: string[] = [];
  const literalRanks: number[] = [];
  const patterns: LazyPattern[] = [];
  entries.forEach((entry, rank) => {
    if (entry.phrase !== undefined) {
      const key = normalizePhrase(entry.phrase);
      if (key.length === 0) return;
      literalKeys.push(key);
      literalRanks.push(rank);
    } else if (entry.pattern !== undefined) {
      patterns.push({ rank, source: entry.pattern, compiled: undefined });
    }
  });
  // Patterns whose needs can be read are checked for them; the others (rare: `\w+…`) are
  // matched together by one RE2 set, as every pattern was before.
  const needs = patterns.map((p) => requiredChars(normalizePattern(p.source)));
  const checked = patterns.filter((_, i) => needs[i].length > 0);
  const checker = new RequirementChecker(needs.filter((need) => need.length > 0));
  const unchecked = patterns.filter((_, i) => needs[i].length === 0);
  // A text that holds what no entry needs is matched no further (most phrases of a script).
  const gate = unchecked.length === 0 ? new LexiconGate(pickClauses([...literalKeys.map(literalRequirement), ...needs.filter((need) => need.length > 0)])) : undefined;
  let prefilter: ((text: string) => number[]) | undefined;
  let usable: LazyPattern[] = [];
  const allowKeys = allow.map(normalizePhrase);
  // Allowed phrases share the automaton; their keys come after the entries' keys.
  const automaton = new AhoCorasick([...literalKeys, ...allowKeys]);
  const cost: SearchCost = { reads: 0, fallbacks: 0 };
  // The RE2 set's answers by phrase: it is the costly part of a lookup, and scripts repeat
  // their standard phrasings.
  const prefiltered = new Map<string, number[]>();

  // Which patterns a folded phrase may match: those whose characters it holds (one pass),
  // and those the set of patterns without a requirement matches.
  const patternsIn = (folded: string): LazyPattern[] => {
    const found: LazyPattern[] = [];
    for (const index of checker.satisfied(folded)) found.push(checked[index]);
    if (unchecked.length > 0) {
      if (!prefilter) {
        usable = unchecked.filter((p) => compiledOf(p) !== undefined);
        prefilter = createPrefilter(usable.map((p) => compiledOf(p)!.regex));
      }
      let indexes = prefiltered.get(folded);
      if (!indexes) {
        if (prefiltered.size >= MAX_PREFILTERED) prefiltered.clear();
        indexes = prefilter(folded);
        prefiltered.set(folded, indexes);
      }
      for (const index of indexes) found.push(usable[index]);
    }
    return found;
  };
  // What phrases that pass the gate match, by phrase: scripts repeat their standard
  // phrasings (a lint sees the same fallback greeting hundreds of times).
  const found = new Map<string, PhraseMatch[]>();

  function find(text: string): PhraseMatch[] {
    if (gate && !gate.passes(text)) return [];
    let matches = found.get(text);
    if (!matches) {
      if (found.size >= MAX_PREFILTERED) found.clear();
      matches = search(text);
      found.set(text, matches);
    }
    // A copy, so a caller that sorts or filters its result does not change the next one's.
    return matches.length === 0 ? [] : matches.slice();
  }

  function search(text: string): PhraseMatch[] {
    const normalized = normalizeText(text);
    const folded = normalized.text;
    const candidates: Candidate[] = [];
    const allowed: Array<{ start: number; end: number }> = [];
    for (const hit of automaton.search(folded, cost)) {
      if (hit.key < literalKeys.length) candidates.push({ rank: literalRanks[hit.key], start: hit.start, end: hit.end });
      else allowed.push(hit);
    }
    for (const pattern of patternsIn(folded)) {
      const compiled = compiledOf(pattern);
      if (!compiled) continue;
      const { regex, group } = compiled;
      const m = regex.matcher(folded);
      while (m.find()) {
        const span = group && m.start(group) >= 0 ? { start: m.start(group), end: m.end(group) } : { start: m.start(), end: m.end() };
        const trimmed = trimPunctuation(folded, span.start, span.end);
        if (trimmed) candidates.push({ rank: pattern.rank, ...trimmed });
      }
    }
    if (candidates.length === 0) return [];
    return selectMatches(candidates, allowed).map((c) => ({
      entry: entries[c.rank],
      start: originOf(normalized, c.start),
      end: originOf(normalized, c.end - 1) + 1,
    }));
  }

  return { find, cost };
}

/** A pattern entry, compiled when a phrase first may match it. */
interface LazyPattern {
  rank: number;
  source: string;
  /** Null when it does not compile (the configuration loader has reported why). */
  compiled: { regex: RE2JS; group?: string } | null | undefined;
}

function compiledOf(pattern: LazyPattern): { regex: RE2JS; group?: string } | undefined {
  if (pattern.compiled === undefined) {
    const result = compilePattern(pattern.source);
    // A group named `phrase` marks the phrasing inside the context the pattern needs.
    pattern.compiled = result.ok ? { regex: result.regex, group: PHRASE_GROUP in result.regex.namedGroups() ? PHRASE_GROUP : undefined } : null;
  }
  return pattern.compiled ?? undefined;
}

/**
 * Which patterns match a text at all. Most phrases match none, and one RE2 set answers
 * for every pattern in a single pass; only the patterns it names are then run to find
 * positions (which needs the slower capture-tracking engine).
 */
function createPrefilter(regexes: RE2JS[]): (text: string) => number[] {
  if (regexes.length === 0) return () => [];
  try {
    const set = new RE2Set(RE2Set.UNANCHORED, RE2JS.CASE_INSENSITIVE);
    for (const regex of regexes) set.add(regex.pattern());
    set.compile();
    return (text) => set.match(text);
  } catch {
    // A set can exceed RE2's memory budget where its patterns alone do not; test each then.
    return (text) => regexes.flatMap((regex, index) => (regex.test(text) ? [index] : []));
  }
}

/**
 * Narrows a pattern match to the phrasing itself: a pattern that needs context such as
 * "at the start or after a comma" should not make the finding cover that comma.
 */
function trimPunctuation(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = start;
  let e = end;
  while (s < e && isPunctuation(text[s])) s++;
  while (e > s && isPunctuation(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : undefined;
}

/**
 * Keeps the matches worth reporting: none inside an allowed phrase, no overlapping repeats
 * of one entry, and none that another entry's match already covers (the longer, more
 * specific phrasing wins; for the same text the later entry, so user entries win).
 */
function selectMatches(candidates: Candidate[], allowed: Array<{ start: number; end: number }>): Candidate[] {
  const inAllowed = (c: Candidate): boolean => allowed.some((a) => a.start <= c.start && c.end <= a.end);
  const sorted = candidates
    .filter((c) => !inAllowed(c))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: Candidate[] = [];
  const lastEndByRank = new Map<number, number>();
  for (const c of sorted) {
    if ((lastEndByRank.get(c.rank) ?? -1) > c.start) continue;
    lastEndByRank.set(c.rank, c.end);
    kept.push(c);
  }
  return kept.filter(
    (c) =>
      !kept.some(
        (o) =>
          o !== c &&
          o.rank !== c.rank &&
          o.start <= c.start &&
          c.end <= o.end &&
          (o.end - o.start > c.end - c.start || o.rank > c.rank),
      ),
  );
}

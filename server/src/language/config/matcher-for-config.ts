/**
 * One phrase matcher per loaded configuration. Building the automaton and compiling the
 * patterns costs more than matching a phrase, so every file linted under the same
 * configuration shares the matcher; and it is built when the first text is matched, not
 * before: compiling the built-in lexicon's patterns (RE2) takes ~10 ms, more than the
 * whole check of a small script that says nothing.
 */
import { createPhraseMatcher } from '../lexicon/matcher';
import type { PhraseMatcher } from '../lexicon/types';
import type { SopConfig } from './types';

const cache = new WeakMap<SopConfig, PhraseMatcher>();

/** The matcher for `config`'s lexicon and allow list (treat the config as immutable). */
export function matcherForConfig(config: SopConfig): PhraseMatcher {
  let matcher = cache.get(config);
  if (!matcher) {
    let built: PhraseMatcher | undefined;
    matcher = { find: (text) => (built ??= createPhraseMatcher(config.lexicon, config.allow)).find(text) };
    cache.set(config, matcher);
  }
  return matcher;
}

/**
 * One phrase matcher per loaded configuration. Building the automaton and compiling the
 * patterns costs more than matching a phrase, so every file linted under the same
 * configuration shares the matcher.
 */
import { createPhraseMatcher } from '../lexicon/matcher';
import type { PhraseMatcher } from '../lexicon/types';
import type { SopConfig } from './types';

const cache = new WeakMap<SopConfig, PhraseMatcher>();

/** The matcher for `config`'s lexicon and allow list (treat the config as immutable). */
export function matcherForConfig(config: SopConfig): PhraseMatcher {
  let matcher = cache.get(config);
  if (!matcher) {
    matcher = createPhraseMatcher(config.lexicon, config.allow);
    cache.set(config, matcher);
  }
  return matcher;
}

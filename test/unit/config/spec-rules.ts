/**
 * The rules of the spec's table, written down by hand from the spec so that
 * `registry-matches-spec.test.ts` can check the registry (`server/src/language/lint/registry.ts`)
 * against it.
 */
import type { RuleMeta } from '../../../server/src/language/rule-meta';

export const SPEC_RULES: RuleMeta[] = [
  { id: 'syntax', severity: 'error', description: 'The file does not match the grammar.' },
  { id: 'banned-phrase', severity: 'error', description: 'A say or promise text contains a banned phrasing from the lexicon.' },
  { id: 'missing-fallback', severity: 'error', description: 'A wait has no fallback and is not followed by hangup, transfer or goto.' },
  { id: 'dead-end', severity: 'error', description: "A situation's body does not end terminally." },
  {
    id: 'abrupt-hangup',
    severity: 'error',
    description: 'A hangup is not preceded by a goodbye say and a wait of at least hangupPause.',
    options: { hangupPause: { type: 'duration', default: 5000, description: 'The shortest wait between the goodbye and the hangup.' } },
  },
  { id: 'unknown-situation', severity: 'error', description: 'A goto names no situation of this file or its imports.' },
  { id: 'duplicate-situation', severity: 'error', description: 'Two situations share an id.' },
  { id: 'goto-cycle', severity: 'error', description: 'Situations jump to each other in a cycle that never speaks or waits.' },
  { id: 'undefined-variable', severity: 'error', description: 'A {placeholder} names no var.' },
  { id: 'unresolved-import', severity: 'error', description: 'An imported file does not exist or cannot be parsed.' },
  { id: 'hold-etiquette', severity: 'warning', description: 'A hold is not preceded by asking consent (say, wait) or not followed by a say.' },
  { id: 'unreachable-step', severity: 'warning', description: 'A step follows a terminal step in the same body.' },
  {
    id: 'wait-range',
    severity: 'warning',
    description: 'A wait is shorter than minWait or longer than maxWait.',
    options: {
      minWait: { type: 'duration', default: 1000, description: 'The shortest sensible wait.' },
      maxWait: { type: 'duration', default: 60_000, description: 'The longest sensible wait.' },
    },
  },
  {
    id: 'promise-window',
    severity: 'warning',
    description: 'A promise is longer than maxPromise.',
    options: { maxPromise: { type: 'duration', default: 86_400_000, description: 'The longest follow-up commitment allowed.' } },
  },
  {
    id: 'long-phrase',
    severity: 'warning',
    description: 'A say is longer than maxPhraseChars characters.',
    options: { maxPhraseChars: { type: 'number', default: 80, description: 'The longest phrase, in characters.' } },
  },
  { id: 'unused-variable', severity: 'hint', description: 'A var is never used.' },
  { id: 'unused-suppression', severity: 'hint', description: 'A suppression comment suppresses nothing.' },
];

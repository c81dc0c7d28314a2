/**
 * What a lint rule declares about itself. The configuration loader validates
 * `sop.config.json` against these declarations, the docs are checked against them, and
 * the SARIF printer reports them as rule metadata, so each rule states them once.
 */
import type { Severity } from './finding';

/** The kinds of value a rule option may take in `sop.config.json`. */
export type RuleOptionType = 'duration' | 'number' | 'boolean' | 'string';

export interface RuleOptionSpec {
  type: RuleOptionType;
  /** The default: durations are given in milliseconds, the rest as they are. */
  default: number | boolean | string;
  /** The catalog key (a `MessageKey`) of one sentence describing the option. */
  description: string;
}

export interface RuleMeta {
  /** The stable id, e.g. `missing-fallback`; also the rule's file name. */
  id: string;
  severity: Severity;
  /**
   * The catalog key (a `MessageKey`) of one sentence: what the rule checks. Typed as a
   * string so that hand-written metas (tests) can hold plain text; `test/unit/i18n`
   * checks that every registered rule's keys are in every catalog.
   */
  description: string;
  options?: Record<string, RuleOptionSpec>;
}

/** Options after defaults and configuration are merged: durations in milliseconds. */
export type RuleOptions = Record<string, number | boolean | string>;

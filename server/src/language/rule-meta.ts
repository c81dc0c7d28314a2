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
  description: string;
}

export interface RuleMeta {
  /** The stable id, e.g. `missing-fallback`; also the rule's file name. */
  id: string;
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
  options?: Record<string, RuleOptionSpec>;
}

/** Options after defaults and configuration are merged: durations in milliseconds. */
export type RuleOptions = Record<string, number | boolean | string>;

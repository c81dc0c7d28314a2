/**
 * The shape of a lint rule. A rule is a pure function of the semantic model and its
 * options; it returns reports, and the engine (`lint.ts`) adds the rule id, the configured
 * severity and the file, and applies suppressions.
 */
import type { SopFile, Span } from '../ast';
import type { SopConfig } from '../config';
import type { Fix, Severity } from '../finding';
import type { Program } from '../program';
import type { RuleMeta, RuleOptions } from '../rule-meta';

export interface RuleContext {
  program: Program;
  /** The file being linted (the program's root). */
  file: SopFile;
  /** This rule's options, defaults merged with the configuration. */
  options: RuleOptions;
  config: SopConfig;
}

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  /** Overrides the rule's configured severity (lexicon entries carry their own). */
  severity?: Severity;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Report[];
}

/**
 * The shape of a lint rule. A rule is a pure function of the semantic model and its
 * options; it returns reports, and the engine (`lint.ts`) adds the rule id, the configured
 * severity and the file, offers the suppression comment as a fix, and applies suppressions.
 */
import type { SopFile, Span } from '../ast';
import type { SopConfig } from '../config/types';
import type { Fix, Severity } from '../finding';
import type { Msg } from '../i18n/messages';
import type { Program } from '../program';
import type { RuleMeta, RuleOptions } from '../rule-meta';
import type { SuppressionOutcome } from './suppressions';

export interface RuleContext {
  program: Program;
  /** The file being linted (the program's root). */
  file: SopFile;
  /** This rule's options, defaults merged with the configuration. */
  options: RuleOptions;
  config: SopConfig;
  /**
   * The suppression comments of the file and what each suppressed; set only for rules
   * whose meta says `afterSuppressions` (they judge the other rules' results).
   */
  suppressions?: SuppressionOutcome;
}

/** A report's message and fix titles are catalog keys with arguments, rendered by the engine. */
export interface Report {
  span: Span;
  message: Msg;
  fixes?: Fix<Msg>[];
  /**
   * A severity of its own (a lexicon entry's); the engine never lets it be more severe
   * than the rule's configured level, so `"banned-phrase": "warning"` caps every entry.
   */
  severity?: Severity;
}

export interface Rule {
  meta: RuleMeta & {
    /** Runs after suppressions are applied, with `context.suppressions` set. */
    afterSuppressions?: boolean;
    /** Findings of this rule cannot be silenced by a suppression comment. */
    unsuppressible?: boolean;
    /**
     * The rule judges each situation on its own: its reports for a situation (spans and
     * fix edits inside that situation's lines) depend only on that situation's text, the
     * options and the configuration, and `check` on a file whose `decls` hold only some
     * situations reports exactly theirs. The engine then re-checks only the situations
     * that changed since the last run on the same document (`situation-cache.ts`).
     */
    perSituation?: boolean;
  };
  check(context: RuleContext): Report[];
}

/**
 * Every lint rule, in the order the spec's table lists them. A plain array: adding a rule
 * is adding its file and one line here; the configuration, the docs test and the SARIF
 * printer all read their ids and defaults from this list.
 */
import type { RuleMeta } from '../rule-meta';
import type { Rule } from './rule';
import { abruptHangup } from './rules/abrupt-hangup';
import { bannedPhrase } from './rules/banned-phrase';
import { deadEnd } from './rules/dead-end';
import { duplicateSituation } from './rules/duplicate-situation';
import { gotoCycle } from './rules/goto-cycle';
import { holdEtiquette } from './rules/hold-etiquette';
import { longPhrase } from './rules/long-phrase';
import { missingFallback } from './rules/missing-fallback';
import { promiseWindow } from './rules/promise-window';
import { syntax } from './rules/syntax';
import { undefinedVariable } from './rules/undefined-variable';
import { unknownSituation } from './rules/unknown-situation';
import { unreachableStep } from './rules/unreachable-step';
import { unresolvedImport } from './rules/unresolved-import';
import { unusedSuppression } from './rules/unused-suppression';
import { unusedVariable } from './rules/unused-variable';
import { waitRange } from './rules/wait-range';

export const RULES: readonly Rule[] = [
  syntax,
  bannedPhrase,
  missingFallback,
  deadEnd,
  abruptHangup,
  unknownSituation,
  duplicateSituation,
  gotoCycle,
  undefinedVariable,
  unresolvedImport,
  holdEtiquette,
  unreachableStep,
  waitRange,
  promiseWindow,
  longPhrase,
  unusedVariable,
  unusedSuppression,
];

/** What each rule declares about itself, for the configuration loader, docs and SARIF. */
export const RULE_METAS: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

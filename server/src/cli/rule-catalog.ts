/**
 * Every rule the CLI knows (for `--rule`, the configuration and SARIF's rule metadata):
 * the registry's rules, each describing itself once in its `meta`.
 */
import { RULES } from '../language/lint/registry';
import type { RuleMeta } from '../language/rule-meta';

export function allRuleMetas(): RuleMeta[] {
  return RULES.map((rule) => rule.meta);
}

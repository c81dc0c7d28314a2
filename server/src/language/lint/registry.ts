/**
 * Every lint rule, in the order the spec's table lists them. A plain array: adding a rule
 * is adding its file and one line here.
 */
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [];

/**
 * The steps `check` and `build` share: options common to both, finding the scripts,
 * running the lint session, and refusing to go on with a broken configuration.
 */
import { createSopServices, type SopServices } from '../../language';
import { RULE_METAS } from '../../language/lint/registry';
import type { RuleMeta } from '../../language/rule-meta';
import type { OptionSpec, ParsedArgs } from '../args';
import { ConfigLoader, parseRuleOverrides } from '../config-loader';
import { InputError } from '../errors';
import { collectScripts, type ScriptSet } from '../files';
import { compactLine } from '../formats/lines';
import type { Io } from '../io';
import type { LocatedFinding } from '../located';
import { lintScripts, type SessionResult } from '../session';

export const HELP_OPTION: OptionSpec = { name: 'help', kind: 'flag', short: 'h' };
export const LINT_OPTIONS: OptionSpec[] = [
  { name: 'quiet', kind: 'flag', short: 'q' },
  { name: 'rule', kind: 'list' },
];

export interface LintRun {
  services: SopServices;
  rules: RuleMeta[];
  scripts: ScriptSet;
  session: SessionResult;
}

/** Finds the scripts named by the arguments and lints them. */
export async function runLint(args: ParsedArgs, io: Io, command: string): Promise<LintRun> {
  const rules = [...RULE_METAS];
  const overrides = parseRuleOverrides(args.lists.get('rule') ?? [], rules, command);
  const scripts = findScripts(args.positionals, io);
  const services = createSopServices({ incremental: false });
  const loader = new ConfigLoader(rules, overrides, io.cwd);
  const session = await lintScripts(scripts.scripts, { services, loader, cwd: io.cwd });
  return { services, rules, scripts, session };
}

/** The scripts under the given paths (default: the current folder); none at all is an input error. */
export function findScripts(positionals: readonly string[], io: Io): ScriptSet {
  const inputs = positionals.length > 0 ? positionals : ['.'];
  const found = collectScripts(inputs, io.cwd);
  if (found.scripts.length === 0) {
    throw new InputError(`sop: no .sop files found in ${inputs.map((i) => `"${i}"`).join(', ')}`);
  }
  return found;
}

/**
 * Prints the configuration files' problems, each at its file:line:column, on stderr (the
 * findings' own format stays clean for the programs reading stdout). Returns true when the
 * configuration is broken and the command must stop.
 */
export function reportConfig(session: SessionResult, io: Io): boolean {
  for (const finding of session.configFindings) io.err(`${compactLine(session.locator.locate(finding))}\n`);
  if (session.configBroken) io.err('sop: fix the configuration above before running again\n');
  return session.configBroken;
}

/** Every finding of the session, located, in script order, optionally errors only. */
export function locatedFindings(session: SessionResult, errorsOnly: boolean): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  for (const report of session.reports) {
    for (const finding of report.findings) {
      if (errorsOnly && finding.severity !== 'error') continue;
      located.push(session.locator.locate(finding));
    }
  }
  return located;
}

export function printInputErrors(errors: readonly string[], io: Io): void {
  for (const message of errors) io.err(`${message}\n`);
}

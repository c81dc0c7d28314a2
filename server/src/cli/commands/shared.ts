import { EN } from '../../language';
/**
 * The steps the commands share: common options, finding the scripts, running them through
 * the run layer (`check`, `build`, `export`), and refusing to go on with a broken
 * configuration (also for `simulate`'s one-script session).
 */
import { RULE_METAS } from '../../language/lint/registry';
import type { RuleMeta } from '../../language/rule-meta';
import type { OptionSpec, ParsedArgs } from '../args';
import { ConfigLoader, parseRuleOverrides } from '../config-loader';
import { InputError } from '../errors';
import { collectScripts, type ScriptSet } from '../files';
import { compactLine } from '../formats/lines';
import type { Io } from '../io';
import type { LocatedFinding } from '../located';
import type { SessionResult } from '../session';
import { findProjectRoot } from '../project-root';
import { readRunSettings, RUN_OPTIONS } from '../run-options';
import { locate, runScripts, type ScriptRunOptions, type ScriptRunResult } from '../script-run';

export const HELP_OPTION: OptionSpec = { name: 'help', kind: 'flag', short: 'h' };
export const LINT_OPTIONS: OptionSpec[] = [
  { name: 'quiet', kind: 'flag', short: 'q' },
  { name: 'rule', kind: 'list' },
  ...RUN_OPTIONS,
];

export interface ScriptsRun {
  rules: RuleMeta[];
  scripts: ScriptSet;
  /** The project folder: compiled paths are relative to it, and imports may not leave it. */
  root: string;
  result: ScriptRunResult;
}

/**
 * Finds the scripts named by the arguments and runs them through `script-run.ts` with the
 * run options (`--cache`, `--jobs`, `--root`); `emit` makes one output per clean script.
 */
export async function runScriptsCommand(
  args: ParsedArgs,
  io: Io,
  command: string,
  emit?: (scripts: ScriptSet, root: string) => ScriptRunOptions['emit'],
): Promise<ScriptsRun> {
  const rules = [...RULE_METAS];
  const overrides = parseRuleOverrides(args.lists.get('rule') ?? [], rules, command);
  const settings = readRunSettings(args, io.cwd, command);
  const scripts = findScripts(args.positionals, io);
  const root = findProjectRoot(scripts.base, scripts.scripts, settings.rootOption, io.cwd, command);
  const loader = new ConfigLoader(rules, overrides, io.cwd, io.messages);
  const result = await runScripts({ io, scripts, root, loader, settings, quiet: args.flags.has('quiet'), emit: emit?.(scripts, root) });
  return { rules, scripts, root, result };
}

/**
 * Prints the configuration's problems (see `reportConfig`) and every input error of the
 * run, in script order; returns true when the configuration is broken.
 */
export function reportRunProblems(result: ScriptRunResult, io: Io): boolean {
  printInputErrors([...new Set(result.outcomes.flatMap((o) => o.inputErrors))], io);
  for (const finding of result.configFindings) io.err(`${compactLine(result.configLocator.locate(finding))}\n`);
  if (result.configBroken) io.err(`sop: ${(io.messages ?? EN).t('cli.config-broken')}\n`);
  return result.configBroken;
}

/**
 * Every finding of the run, located for printing, optionally errors only: in script order,
 * each script's lint findings followed by its emitter's (export's `export-*`).
 */
export function runFindings(result: ScriptRunResult, errorsOnly: boolean, cwd: string): LocatedFinding[] {
  const located: LocatedFinding[] = [];
  for (const outcome of result.outcomes) {
    for (const finding of [...outcome.findings, ...(outcome.emitted?.findings ?? [])]) {
      if (errorsOnly && finding.severity !== 'error') continue;
      located.push(locate(finding, cwd));
    }
  }
  return located;
}

/** The scripts under the given paths (default: the current folder); none at all is an input error. */
export function findScripts(positionals: readonly string[], io: Io): ScriptSet {
  const inputs = positionals.length > 0 ? positionals : ['.'];
  const found = collectScripts(inputs, io.cwd);
  if (found.scripts.length === 0) {
    throw new InputError(`sop: ${(io.messages ?? EN).t('cli.no-scripts', { inputs: inputs.map((i) => `"${i}"`).join(', ') })}`);
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
  if (session.configBroken) io.err(`sop: ${(io.messages ?? EN).t('cli.config-broken')}\n`);
  return session.configBroken;
}

export function printInputErrors(errors: readonly string[], io: Io): void {
  for (const message of errors) io.err(`${message}\n`);
}

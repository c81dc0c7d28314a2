/**
 * `sop check [paths…]`: lints scripts and prints the findings in the chosen format.
 */
import { parseArgs, type OptionSpec } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../errors';
import { FORMATS, renderFindings, type FormatName } from '../formats';
import { EN, msg } from '../../language';
import { helpText } from '../help';
import type { Io } from '../io';
import { tally } from '../located';
import { suggestClosest } from '../suggest';
import { HELP_OPTION, LINT_OPTIONS, reportRunProblems, runFindings, runScriptsCommand } from './shared';

const OPTIONS: OptionSpec[] = [
  HELP_OPTION,
  ...LINT_OPTIONS,
  { name: 'format', kind: 'value', short: 'f' },
  { name: 'max-warnings', kind: 'value' },
];

export async function runCheck(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'check');
  if (args.flags.has('help')) {
    io.out(helpText('check', io.messages));
    return EXIT_OK;
  }
  const format = readFormat(args.values.get('format'));
  const maxWarnings = readMaxWarnings(args.values.get('max-warnings'));

  const { rules, scripts, root, result } = await runScriptsCommand(args, io, 'check');
  if (reportRunProblems(result, io)) return EXIT_USAGE;

  const findings = runFindings(result, args.flags.has('quiet'), io.cwd);
  io.out(renderFindings(format, findings, { palette: io.palette, rules, cwd: io.cwd, root, fileCount: scripts.scripts.length, messages: io.messages }));

  const counts = tally(findings);
  if (result.outcomes.some((o) => o.inputErrors.length > 0)) return EXIT_USAGE;
  if (counts.error > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    io.err(`sop: ${(io.messages ?? EN).t('cli.check.too-many-warnings', { warnings: (io.messages ?? EN).t('cli.count.warning', { count: counts.warning }), max: String(maxWarnings) })}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

function readFormat(value: string | undefined): FormatName {
  if (value === undefined) return 'stylish';
  if ((FORMATS as readonly string[]).includes(value)) return value as FormatName;
  const closest = suggestClosest(value, FORMATS);
  const formats = FORMATS.join(', ');
  throw new UsageError(closest ? msg('cli.format.unknown.guess', { value, closest, formats }) : msg('cli.format.unknown', { value, formats }), 'check');
}

function readMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(msg('cli.check.max-warnings', { value }), 'check');
  return Number(value);
}

/**
 * `sop export [paths…] --target voicexml|connect|studio|phrases [--out DIR]`: lints each
 * script as `sop build` does, then writes what an IVR platform imports (or the phrase
 * table) for every script without errors.
 *
 * Decisions (documented in `sop export --help` and docs/exports.md):
 * - outputs mirror the inputs' folders as for `build`, named after the script with the
 *   target's extension (`out/service.vxml`, `out/service.connect.json`, …);
 * - a script with lint errors, or one the target cannot express (an `export-*` error),
 *   gets no file, and its output of this target from an earlier run is removed;
 * - every file of a script is made in memory first, then each is written atomically.
 */
import { EN, exportProgram, EXPORT_TARGETS, msg, type ExportTarget } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { errorText, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, UsageError } from '../errors';
import { displayPath, removeIfPresent, toUri, writeFileAtomic } from '../files';
import { renderStylish } from '../formats/stylish';
import { helpText } from '../help';
import type { Io } from '../io';
import type { LocatedFinding } from '../located';
import { outputPath } from './build';
import { suggestClosest } from '../suggest';
import { HELP_OPTION, LINT_OPTIONS, locatedFindings, printInputErrors, reportConfig, runLint } from './shared';

const OPTIONS: OptionSpec[] = [
  HELP_OPTION,
  ...LINT_OPTIONS,
  { name: 'out', kind: 'value', short: 'o' },
  { name: 'target', kind: 'value', short: 't' },
  { name: 'start', kind: 'value', short: 's' },
];

/** The files each target writes, for removing stale ones. */
const EXTENSIONS: Record<ExportTarget, string[]> = {
  voicexml: ['.vxml'],
  connect: ['.connect.json'],
  studio: ['.studio.json'],
  phrases: ['.phrases.csv', '.phrases.xlf'],
};

/** The targets as a message argument, joined with the catalog's comma. */
const TARGETS = { list: EXPORT_TARGETS, separator: 'list.comma' } as const;

export async function runExport(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'export');
  if (args.flags.has('help')) {
    io.out(helpText('export', io.messages));
    return EXIT_OK;
  }
  if (!args.values.has('target')) throw new UsageError(msg('cli.export.target-required', { targets: TARGETS }), 'export');
  const target = chooseTarget(args.values.get('target')!);
  const outRoot = toUri(args.values.get('out') ?? 'out', io.cwd);
  const { scripts, session } = await runLint(args, io, 'export');
  printInputErrors(session.inputErrors, io);
  if (reportConfig(session, io)) return EXIT_USAGE;

  const show = (uri: string) => displayPath(uri, io.cwd);
  const messages = io.messages ?? EN;
  const findings: LocatedFinding[] = locatedFindings(session, args.flags.has('quiet'));
  const notes: string[] = [];
  const writeErrors: string[] = [];
  let exported = 0;
  let failed = 0;
  for (const report of session.reports) {
    const base = outputPath(report.uri, scripts.base, outRoot).slice(0, -'.json'.length);
    const removeStale = () => {
      for (const extension of EXTENSIONS[target]) if (removeIfPresent(base + extension)) notes.push(messages.t('cli.export.removed', { output: show(base + extension), file: show(report.uri) }));
    };
    // As in `sop build`: a script whose text did not parse is never exported, even with
    // `syntax` turned down, because its partial tree would drop steps from the flow.
    const unparsed = [...report.program.files.values()].some((file) => file.errors.length > 0);
    if (unparsed || report.findings.some((f) => f.severity === 'error')) {
      failed++;
      if (unparsed && !report.findings.some((f) => f.severity === 'error')) notes.push(messages.t('cli.export.not-parsed', { file: show(report.uri) }));
      removeStale();
      continue;
    }
    const result = exportProgram(report.program, target, { displayPath: show, settings: report.config.export, start: args.values.get('start'), messages });
    for (const finding of result.findings) {
      if (!args.flags.has('quiet') || finding.severity === 'error') findings.push(session.locator.locate(finding));
    }
    if (result.files.length === 0) {
      failed++;
      removeStale();
      continue;
    }
    try {
      for (const file of result.files) writeFileAtomic(base + file.extension, file.content, io.cwd);
      exported++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      writeErrors.push(errorText(error, io.messages));
    }
  }

  io.out(renderStylish(findings, io.palette));
  for (const note of notes) io.out(`${note}\n`);
  printInputErrors(writeErrors, io);
  const summary = messages.t('cli.export.summary', {
    scripts: messages.t('cli.count.script', { count: exported }),
    target,
    out: `${show(outRoot)}/`,
    failed,
  });
  io.out(`${failed > 0 ? io.palette.red(summary) : summary}\n`);
  if (session.inputErrors.length > 0 || writeErrors.length > 0) return EXIT_USAGE;
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function chooseTarget(value: string): ExportTarget {
  const target = EXPORT_TARGETS.find((t) => t === value);
  if (target) return target;
  const closest = suggestClosest(value, EXPORT_TARGETS);
  const message = closest
    ? msg('cli.export.unknown-target.guess', { value, closest, targets: TARGETS })
    : msg('cli.export.unknown-target', { value, targets: TARGETS });
  throw new UsageError(message, 'export');
}

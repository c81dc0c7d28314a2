/**
 * `sop export [paths…] --target voicexml|connect|studio|phrases [--out DIR]`: lints each
 * script as `sop build` does, on the same run layer (`--cache`, `--jobs`, `--root`), then
 * writes what an IVR platform imports (or the phrase table) for every script without errors.
 *
 * Decisions (documented in `sop export --help` and docs/exports.md):
 * - outputs mirror the inputs' folders as for `build`, named after the script with the
 *   target's extension (`out/service.vxml`, `out/service.connect.json`, …);
 * - a script with lint errors, or one the target cannot express (an `export-*` error),
 *   gets no file, and its output of this target from an earlier run is removed;
 * - every file of a script is made in memory first, then each is written atomically;
 * - source paths inside the files are relative to the project folder, as for `build`.
 */
import { EN, EXPORT_TARGETS, msg, type ExportTarget } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../errors';
import { displayPath, parentOf, removeStaleTemps, toUri } from '../files';
import { helpText } from '../help';
import type { Io } from '../io';
import { outputPath } from './build';
import { suggestClosest } from '../suggest';
import { reportWrites } from './report-writes';
import { HELP_OPTION, LINT_OPTIONS, reportRunProblems, runScriptsCommand } from './shared';

const OPTIONS: OptionSpec[] = [
  HELP_OPTION,
  ...LINT_OPTIONS,
  { name: 'out', kind: 'value', short: 'o' },
  { name: 'target', kind: 'value', short: 't' },
  { name: 'start', kind: 'value', short: 's' },
];

/** The files each target writes, in the order the cache records them. */
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
  const start = args.values.get('start');
  const outRoot = toUri(args.values.get('out') ?? 'out', io.cwd);
  // The target and --start are the emitter's options, so each has its own cache entry; the
  // `export` settings of sop.config.json are part of the configuration's hash.
  const options: Record<string, unknown> = start !== undefined ? { target, start } : { target };
  const { result } = await runScriptsCommand(args, io, 'export', (found) => {
    const targetsFor = (uri: string) => {
      const base = outputPath(uri, found.base, outRoot).slice(0, -'.json'.length);
      return EXTENSIONS[target].map((extension) => base + extension);
    };
    // An export killed earlier may have left temporary files next to its outputs.
    for (const folder of new Set(found.scripts.map((uri) => parentOf(targetsFor(uri)[0])))) removeStaleTemps(folder);
    return { kind: 'export', options, targetsFor };
  });
  if (reportRunProblems(result, io)) return EXIT_USAGE;

  const messages = io.messages ?? EN;
  const show = (uri: string) => displayPath(uri, io.cwd);
  return reportWrites(result, args.flags.has('quiet'), io, {
    notParsed: 'cli.export.not-parsed',
    removed: 'cli.export.removed',
    summary: (exported, failed) =>
      messages.t('cli.export.summary', { scripts: messages.t('cli.count.script', { count: exported }), target, out: `${show(outRoot)}/`, failed }),
  });
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

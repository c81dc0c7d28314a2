/**
 * `sop build [paths…] --out DIR`: lints each script and compiles every script without
 * error-severity findings to `DIR/<path below the inputs' common folder>.json`.
 *
 * Decisions (documented in `sop build --help`):
 * - outputs mirror the folders below the deepest folder holding every input, so
 *   `sop build samples` writes `out/closing.json`, and `sop build a b` writes `out/a/…`
 *   and `out/b/…`;
 * - a script with errors gets no output, and its output from an earlier run is removed:
 *   a pipeline that deploys `out/` must not ship an old version of a script that now fails;
 * - source paths inside the JSON are relative to the project folder (`project-root.ts`),
 *   never to the working folder, so the bytes do not depend on where the build ran.
 */
import { EN } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { EXIT_OK, EXIT_USAGE } from '../errors';
import { displayPath, parentOf, removeStaleTemps, toUri } from '../files';
import { helpText } from '../help';
import type { Io } from '../io';
import { reportWrites } from './report-writes';
import { HELP_OPTION, LINT_OPTIONS, reportRunProblems, runScriptsCommand } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, ...LINT_OPTIONS, { name: 'out', kind: 'value', short: 'o' }];

export async function runBuild(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'build');
  if (args.flags.has('help')) {
    io.out(helpText('build', io.messages));
    return EXIT_OK;
  }
  const outRoot = toUri(args.values.get('out') ?? 'out', io.cwd);
  const { result } = await runScriptsCommand(args, io, 'build', (found) => {
    // A build killed earlier may have left temporary files next to its outputs.
    const folders = new Set(found.scripts.map((uri) => parentOf(outputPath(uri, found.base, outRoot))));
    for (const folder of folders) removeStaleTemps(folder);
    return { kind: 'build', options: {}, targetsFor: (uri) => [outputPath(uri, found.base, outRoot)] };
  });
  if (reportRunProblems(result, io)) return EXIT_USAGE;

  const messages = io.messages ?? EN;
  const show = (uri: string) => displayPath(uri, io.cwd);
  return reportWrites(result, args.flags.has('quiet'), io, {
    notParsed: 'cli.build.not-compiled',
    removed: 'cli.build.removed',
    summary: (compiled, failed) =>
      messages.t('cli.build.summary', { scripts: messages.t('cli.count.script', { count: compiled }), out: `${show(outRoot)}/`, failed }),
  });
}

/**
 * `base/a/b.sop` → `out/a/b.json`; a script named without `.sop` keeps its name plus `.json`.
 * Another command's outputs take their own extension (`ext`).
 */
export function outputPath(scriptUri: string, base: string, outRoot: string, ext = '.json'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const relative = scriptUri.startsWith(prefix) ? scriptUri.slice(prefix.length) : scriptUri.slice(scriptUri.lastIndexOf('/') + 1);
  const name = relative.endsWith('.sop') ? `${relative.slice(0, -4)}${ext}` : `${relative}${ext}`;
  return `${outRoot.endsWith('/') ? outRoot.slice(0, -1) : outRoot}/${name}`;
}

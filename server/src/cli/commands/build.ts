/**
 * `sop build [paths…] --out DIR`: lints each script and compiles every script without
 * error-severity findings to `DIR/<path below the inputs' common folder>.json`.
 *
 * Decisions (documented in `sop build --help`):
 * - outputs mirror the folders below the deepest folder holding every input, so
 *   `sop build samples` writes `out/closing.json`, and `sop build a b` writes `out/a/…`
 *   and `out/b/…`;
 * - a script with errors gets no output, and its output from an earlier run is removed:
 *   a pipeline that deploys `out/` must not ship an old version of a script that now fails.
 */
import { EN, serializeCompiled } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { errorText, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError } from '../errors';
import { displayPath, removeIfPresent, toUri, writeFileAtomic } from '../files';
import { renderStylish } from '../formats/stylish';
import { helpText } from '../help';
import type { Io } from '../io';
import { HELP_OPTION, LINT_OPTIONS, locatedFindings, printInputErrors, reportConfig, runLint } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, ...LINT_OPTIONS, { name: 'out', kind: 'value', short: 'o' }];

export async function runBuild(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'build');
  if (args.flags.has('help')) {
    io.out(helpText('build', io.messages));
    return EXIT_OK;
  }
  const outRoot = toUri(args.values.get('out') ?? 'out', io.cwd);
  const { services, scripts, session } = await runLint(args, io, 'build');
  printInputErrors(session.inputErrors, io);
  if (reportConfig(session, io)) return EXIT_USAGE;

  const show = (uri: string) => displayPath(uri, io.cwd);
  const notes: string[] = [];
  const writeErrors: string[] = [];
  let compiled = 0;
  let failed = 0;
  for (const report of session.reports) {
    const target = outputPath(report.uri, scripts.base, outRoot);
    // A script whose text did not parse is never compiled, even with `syntax` turned down
    // to a warning: its partial tree would drop steps silently from the IVR's graph.
    const unparsed = [...report.program.files.values()].some((file) => file.errors.length > 0);
    const hasErrors = report.findings.some((f) => f.severity === 'error');
    if (unparsed || hasErrors) {
      failed++;
      if (!hasErrors) notes.push(`${show(report.uri)}: not compiled: it (or a file it imports) has syntax errors`);
      if (removeIfPresent(target)) notes.push(`removed ${show(target)}, the output of an earlier build of ${show(report.uri)}`);
      continue;
    }
    let script;
    try {
      script = services.compile(report.program, { displayPath: show });
    } catch (error) {
      // A compiler bug: name the script so the report can be reproduced.
      throw new Error(`while compiling ${show(report.uri)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      writeFileAtomic(target, serializeCompiled(script), io.cwd);
      compiled++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      writeErrors.push(errorText(error, io.messages));
    }
  }

  const findings = locatedFindings(session, args.flags.has('quiet'));
  io.out(renderStylish(findings, io.palette));
  for (const note of notes) io.out(`${note}\n`);
  printInputErrors(writeErrors, io);
  const messages = io.messages ?? EN;
  const summary = messages.t('cli.build.summary', {
    scripts: messages.t('cli.count.script', { count: compiled }),
    out: `${show(outRoot)}/`,
    failed,
  });
  io.out(`${failed > 0 ? io.palette.red(summary) : summary}\n`);

  if (session.inputErrors.length > 0 || writeErrors.length > 0) return EXIT_USAGE;
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** `base/a/b.sop` → `out/a/b.json`; a script named without `.sop` keeps its name plus `.json`. */
export function outputPath(scriptUri: string, base: string, outRoot: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const relative = scriptUri.startsWith(prefix) ? scriptUri.slice(prefix.length) : scriptUri.slice(scriptUri.lastIndexOf('/') + 1);
  const name = relative.endsWith('.sop') ? `${relative.slice(0, -4)}.json` : `${relative}.json`;
  return `${outRoot.endsWith('/') ? outRoot.slice(0, -1) : outRoot}/${name}`;
}

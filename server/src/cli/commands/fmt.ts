/**
 * `sop fmt [paths…] [--check]`: formats scripts in place, or lists those that would change.
 *
 * A file is rewritten only when its text changes, atomically, and with its byte-order mark
 * kept if it had one. A file with syntax errors is never touched: the formatter cannot know
 * what the broken part meant, so the first error is reported instead.
 */
import { createSopServices, LineIndex } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError } from '../errors';
import { displayPath, readSource, writeFileAtomic } from '../files';
import { compactLine } from '../formats/lines';
import { plural } from '../formats/stylish';
import { FMT_HELP } from '../help';
import type { Io } from '../io';
import { HELP_OPTION, findScripts, printInputErrors } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, { name: 'check', kind: 'flag' }];

export async function runFmt(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'fmt');
  if (args.flags.has('help')) {
    io.out(FMT_HELP);
    return EXIT_OK;
  }
  const checkOnly = args.flags.has('check');
  const { scripts } = findScripts(args.positionals, io);
  const services = createSopServices({ incremental: false });
  const inputErrors: string[] = [];
  const changed: string[] = [];
  let broken = 0;

  for (const uri of scripts) {
    const shown = displayPath(uri, io.cwd);
    try {
      const source = readSource(uri, io.cwd);
      const file = services.parse(uri, source.text);
      const result = services.format(file);
      if (!result.ok) {
        broken++;
        const first = file.errors[0];
        const start = new LineIndex(source.text).positionAt(first?.span.start ?? 0);
        const message = `not formatted: ${first ? first.message : result.reason}`;
        io.err(`${compactLine({ file: shown, line: start.line + 1, column: start.character + 1, severity: 'error', message, rule: 'syntax' })}\n`);
        continue;
      }
      if (result.text === source.text) continue;
      changed.push(shown);
      if (checkOnly) io.out(`${shown}\n`);
      else {
        writeFileAtomic(uri, (source.bom ? '\ufeff' : '') + result.text, io.cwd);
        io.out(`formatted ${shown}\n`);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push(error.message);
    }
  }
  printInputErrors(inputErrors, io);

  io[checkOnly ? 'err' : 'out'](`${summarize(scripts.length, changed.length, broken + inputErrors.length, checkOnly)}\n`);
  if (inputErrors.length > 0) return EXIT_USAGE;
  return broken > 0 || (checkOnly && changed.length > 0) ? EXIT_FINDINGS : EXIT_OK;
}

/** "2 of 5 files would be reformatted (1 not formatted)", and the like. */
function summarize(total: number, changed: number, skipped: number, checkOnly: boolean): string {
  const files = plural(total, 'file');
  const skippedNote = skipped > 0 ? ` (${skipped} could not be formatted)` : '';
  if (checkOnly) {
    if (changed > 0) return `${changed} of ${files} would be reformatted${skippedNote}; run "sop fmt" to format them`;
    return skipped > 0 ? `no file would be reformatted${skippedNote}` : `${files} checked, all formatted`;
  }
  return `formatted ${changed} of ${files}${skippedNote}`;
}

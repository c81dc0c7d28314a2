/**
 * `sop fmt [paths…] [--check]`: formats scripts in place, or lists those that would change.
 *
 * A file is rewritten only when its text changes, atomically, and with its byte-order mark
 * kept if it had one. A file with syntax errors is never touched: the formatter cannot know
 * what the broken part meant, so the first error is reported instead.
 */
import { createSopServices, EN, LineIndex, type Messages } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { errorText, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError } from '../errors';
import { displayPath, readSource, writeFileAtomic } from '../files';
import { compactLine } from '../formats/lines';
import { helpText } from '../help';
import type { Io } from '../io';
import { HELP_OPTION, findScripts, printInputErrors } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, { name: 'check', kind: 'flag' }];

export async function runFmt(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'fmt');
  if (args.flags.has('help')) {
    io.out(helpText('fmt', io.messages));
    return EXIT_OK;
  }
  const checkOnly = args.flags.has('check');
  const { scripts } = findScripts(args.positionals, io);
  const services = createSopServices({ locale: io.messages?.locale, incremental: false });
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
        const message = first ? (io.messages ?? EN).t('cli.fmt.not-formatted', { reason: first.message }) : result.reason;
        io.err(`${compactLine({ file: shown, line: start.line + 1, column: start.character + 1, severity: 'error', message, rule: 'syntax' })}\n`);
        continue;
      }
      if (result.text === source.text) continue;
      changed.push(shown);
      if (checkOnly) io.out(`${shown}\n`);
      else {
        writeFileAtomic(uri, (source.bom ? '\ufeff' : '') + result.text, io.cwd);
        io.out(`${(io.messages ?? EN).t('cli.fmt.formatted-file', { file: shown })}\n`);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push(errorText(error, io.messages));
    }
  }
  printInputErrors(inputErrors, io);

  io[checkOnly ? 'err' : 'out'](`${summarize(scripts.length, changed.length, broken + inputErrors.length, checkOnly, io.messages ?? EN)}\n`);
  if (inputErrors.length > 0) return EXIT_USAGE;
  return broken > 0 || (checkOnly && changed.length > 0) ? EXIT_FINDINGS : EXIT_OK;
}

/** "2 of 5 files would be reformatted (1 not formatted)", and the like. */
function summarize(total: number, changed: number, skipped: number, checkOnly: boolean, messages: Messages): string {
  const files = messages.t('cli.count.file', { count: total });
  const skippedNote = skipped > 0 ? messages.t('cli.fmt.skipped', { skipped: String(skipped) }) : '';
  const args = { files, changed: String(changed), skippedNote };
  if (checkOnly) {
    if (changed > 0) return messages.t('cli.fmt.would-reformat', args);
    return skipped > 0 ? messages.t('cli.fmt.none-would-reformat', args) : messages.t('cli.fmt.all-formatted', args);
  }
  return messages.t('cli.fmt.formatted', args);
}

/**
 * The end of a command that writes files per script (`build`, `export`): the findings, one
 * note per script that was not written because it did not parse and per stale output
 * removed, the write errors, a summary line and the exit status. Only the wording differs
 * between the commands, so each passes its catalog keys and its summary.
 */
import { EN, type MessageKey } from '../../language';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../errors';
import { displayPath } from '../files';
import { renderStylish } from '../formats/stylish';
import type { Io } from '../io';
import type { ScriptRunResult } from '../script-run';
import { printInputErrors, runFindings } from './shared';

export interface WriteReportWords {
  /** A script that was not written because its text (or an import's) did not parse: `{file}`. */
  notParsed: MessageKey;
  /** An earlier output removed because its script now fails: `{output}`, `{file}`. */
  removed: MessageKey;
  /** The summary line, from the scripts written and those that failed. */
  summary(written: number, failed: number): string;
}

export function reportWrites(result: ScriptRunResult, quiet: boolean, io: Io, words: WriteReportWords): number {
  const show = (uri: string) => displayPath(uri, io.cwd);
  const messages = io.messages ?? EN;
  const notes: string[] = [];
  const writeErrors: string[] = [];
  let written = 0;
  let failed = 0;
  for (const outcome of result.outcomes) {
    const emitted = outcome.emitted;
    if (emitted?.writeError) writeErrors.push(emitted.writeError);
    else if (emitted?.outputs) written++;
    else if (outcome.inputErrors.length === 0) {
      failed++;
      // A script whose text did not parse is never written, even with `syntax` turned down
      // to a warning: its partial tree would drop steps silently from what an IVR runs.
      if (outcome.unparsed && !outcome.findings.some((f) => f.severity === 'error')) notes.push(messages.t(words.notParsed, { file: show(outcome.uri) }));
    }
    for (const removed of emitted?.removed ?? []) notes.push(messages.t(words.removed, { output: show(removed), file: show(outcome.uri) }));
  }

  io.out(renderStylish(runFindings(result, quiet, io.cwd), io.palette));
  for (const note of notes) io.out(`${note}\n`);
  printInputErrors(writeErrors, io);
  const summary = words.summary(written, failed);
  io.out(`${failed > 0 ? io.palette.red(summary) : summary}\n`);

  const inputErrors = result.outcomes.some((o) => o.inputErrors.length > 0);
  if (inputErrors || writeErrors.length > 0) return EXIT_USAGE;
  return failed > 0 ? EXIT_FINDINGS : EXIT_OK;
}

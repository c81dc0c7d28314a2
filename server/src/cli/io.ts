/**
 * What a command needs from the process it runs in. `main.ts` builds it from `process`;
 * the commands themselves never touch `process`, which keeps each of them a function of
 * its arguments and this value.
 */
import type { Messages } from '../language';
import type { Palette } from './colors';
import type { ProgressStream } from './progress';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Colours for the human-readable output on stdout. */
  palette: Palette;
  /**
   * The language of messages, summaries and help (`locale.ts`); English when absent.
   * `run` sets it from `--locale` and the environment.
   */
  messages?: Messages;
  out(text: string): void;
  err(text: string): void;
  /** Standard error as a stream, for the progress line (shown only when it is a terminal). */
  errStream?: ProgressStream;
}

/**
 * The progress line of a long run: `sop: 812/2000 files` on standard error, rewritten in
 * place, shown only on a terminal, only once the run has taken ~2 s (a quick run stays
 * silent), at most ten times a second, and erased at the end so that it never mixes with
 * the results. Writes go through the given stream and clock so a test can drive it.
 */
import { EN, type Messages } from '../language';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}


export const PROGRESS_DELAY_MS = 2000;
const REFRESH_MS = 100;

export interface Progress {
  /** Call after each file is done. */
  tick(done: number): void;
  /** Erases the line, if one was shown. */
  end(): void;
}

const SILENT: Progress = { tick: () => undefined, end: () => undefined };

export function createProgress(
  total: number,
  stream: ProgressStream | undefined,
  options: { quiet: boolean; now?: () => number; delayMs?: number; messages?: Messages },
): Progress {
  if (!stream?.isTTY || options.quiet) return SILENT;
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? PROGRESS_DELAY_MS;
  const start = now();
  let lastDraw = -Infinity;
  let shown = false;
  return {
    tick(done) {
      const t = now();
      if (t - start < delay || (t - lastDraw < REFRESH_MS && done < total)) return;
      lastDraw = t;
      shown = true;
      // `\r` back to the start of the line, then erase it (`ESC [ 2 K`) before redrawing.
      stream.write(`\r\x1b[2K${(options.messages ?? EN).t('cli.progress', { done: String(done), total: String(total) })}`);
    },
    end() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/**
 * Connects `run` to the process — arguments, working directory, terminal, exit status —
 * for the two entries of the `sop` executable: `main.ts` (every command, bundled to
 * `dist/cli/sop.js`) and `main-core.ts` (`check` and `build`, bundled to
 * `dist/cli/sop-core.js`, which `bin/sop.js` starts for those; see docs/performance.md).
 */
import { paletteFor, shouldUseColor } from './colors';
import { EXIT_USAGE } from './errors';
import type { Io } from './io';
import { run, type CommandTable } from './run';

function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    palette: paletteFor(shouldUseColor(process.env, process.stdout.isTTY === true)),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    errStream: process.stderr,
  };
}

/**
 * Runs the command line with `commands`; `otherwise` takes over a command that is not one
 * of them (before anything was printed).
 */
export function runProcess(commands: CommandTable, otherwise?: () => void): void {
  // A reader that stops early (`sop check | head`) closes the pipe; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  run(process.argv.slice(2), processIo(), commands, otherwise).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sop: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

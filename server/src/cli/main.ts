/**
 * The `sop` executable's entry (bundled to `dist/cli/sop.js`): connects `run` to the
 * process — arguments, working directory, terminal, exit status.
 */
import { paletteFor, shouldUseColor } from './colors';
import { EXIT_USAGE } from './errors';
import type { Io } from './io';
import { run } from './run';

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

// A reader that stops early (`sop check | head`) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sop: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);

/**
 * Picks the command, runs it, and turns every outcome into an exit status. User mistakes
 * and unusable inputs are one-line messages with status 2; anything else is a bug,
 * reported in one line (the stack only with `SOP_DEBUG=1`) with status 2.
 */
import { runBuild } from './commands/build';
import { runCheck } from './commands/check';
import { runFmt } from './commands/fmt';
import { runGraph } from './commands/graph';
import { runSimulate } from './commands/simulate';
import { runTest } from './commands/test';
import { EXIT_OK, EXIT_USAGE, InputError, UsageError } from './errors';
import { MAIN_HELP } from './help';
import type { Io } from './io';
import { productInfo } from './product';
import { suggestClosest } from './suggest';

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  check: runCheck,
  build: runBuild,
  fmt: runFmt,
  graph: runGraph,
  simulate: runSimulate,
  test: runTest,
};

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.err(MAIN_HELP);
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(MAIN_HELP);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${productInfo().version}\n`);
      return EXIT_OK;
    }
    const handler = COMMANDS[command];
    if (handler) return await handler(rest, io);
    const closest = suggestClosest(command, Object.keys(COMMANDS));
    throw new UsageError(`unknown command "${command}"${closest ? ` — did you mean "${closest}"?` : ''}`);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    const prefix = error.command ? `sop ${error.command}` : 'sop';
    io.err(`${prefix}: ${error.message}\nRun "${prefix} --help" for usage.\n`);
  } else if (error instanceof InputError) {
    io.err(`${error.message}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`sop: internal error: ${message.split('\n')[0]}\n`);
    if (io.env.SOP_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  }
  return EXIT_USAGE;
}

/**
 * Picks the command, runs it, and turns every outcome into an exit status. User mistakes
 * and unusable inputs are one-line messages with status 2; anything else is a bug,
 * reported in one line (the stack only with `SOP_DEBUG=1`) with status 2.
 */
import { errorText, EXIT_OK, EXIT_USAGE, InputError, UsageError } from './errors';
import { helpText } from './help';
import type { Io } from './io';
import { chooseLocale } from './locale';
import { productInfo } from './product';
import { EN } from '../language';
import { suggestClosest } from './suggest';

/** The commands a `sop` entry runs, by name. */
export type CommandTable = Readonly<Record<string, (argv: readonly string[], io: Io) => Promise<number>>>;

/**
 * Runs one command line. A command missing from `commands` goes to `otherwise` when given
 * (the answer is then `undefined`: it reports its own status), else it is an unknown command.
 */
export async function run(rawArgv: readonly string[], rawIo: Io, commands: CommandTable, otherwise?: () => void): Promise<number | undefined> {
  let io = rawIo;
  try {
    const choice = chooseLocale(rawArgv, rawIo.env);
    io = { ...rawIo, messages: rawIo.messages ?? choice.messages };
    const [command, ...rest] = choice.argv;
    if (command === undefined) {
      io.err(helpText('main', io.messages));
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(helpText('main', io.messages));
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${productInfo().version}\n`);
      return EXIT_OK;
    }
    const handler = Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (handler) return await handler(rest, io);
    if (otherwise) {
      otherwise();
      return undefined;
    }
    const closest = suggestClosest(command, Object.keys(commands));
    const messages = io.messages ?? EN;
    throw new UsageError(closest ? messages.t('cli.unknown-command.guess', { command, closest }) : messages.t('cli.unknown-command', { command }));
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    const prefix = error.command ? `sop ${error.command}` : 'sop';
    io.err(`${prefix}: ${errorText(error, io.messages)}\n${(io.messages ?? EN).t('cli.run-help', { prefix })}\n`);
  } else if (error instanceof InputError) {
    io.err(`${errorText(error, io.messages)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`sop: ${(io.messages ?? EN).t('cli.internal-error', { message: message.split('\n')[0] })}\n`);
    if (io.env.SOP_DEBUG && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
  }
  return EXIT_USAGE;
}

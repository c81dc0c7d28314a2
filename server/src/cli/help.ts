/**
 * The `--help` texts. Each is what a script writer or a build engineer needs to run the
 * command without opening the docs: what it does, its options, its exit statuses. The
 * texts live in the message catalogs (`cli.help.<command>`), one per language; the
 * constants are the English ones.
 */
import { EN, type MessageKey, type Messages } from '../language';

/** A command's help (`main` for `sop --help`) in the language of `messages`. */
export function helpText(command: string, messages: Messages = EN): string {
  return messages.t(`cli.help.${command}` as MessageKey);
}

/** The commands with a `--help` of their own. */
const COMMANDS = ['check', 'build', 'fmt', 'graph', 'simulate', 'test', 'export'] as const;

/**
 * Each command's English help, formatted only when read: formatting every text at start-up
 * cost ~20 ms of each `sop` run (a cached `sop check` takes a few hundred).
 */
export const COMMAND_HELP: Readonly<Record<string, string>> = Object.defineProperties(
  {},
  Object.fromEntries(COMMANDS.map((command) => [command, { enumerable: true, get: () => helpText(command) }])),
);

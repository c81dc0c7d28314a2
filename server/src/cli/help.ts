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

export const MAIN_HELP = helpText('main');
export const CHECK_HELP = helpText('check');
export const BUILD_HELP = helpText('build');
export const FMT_HELP = helpText('fmt');
export const GRAPH_HELP = helpText('graph');
export const SIMULATE_HELP = helpText('simulate');
export const TEST_HELP = helpText('test');
export const EXPORT_HELP = helpText('export');

export const COMMAND_HELP: Record<string, string> = {
  check: CHECK_HELP,
  build: BUILD_HELP,
  fmt: FMT_HELP,
  graph: GRAPH_HELP,
  simulate: SIMULATE_HELP,
  test: TEST_HELP,
  export: EXPORT_HELP,
};

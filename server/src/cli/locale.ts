/**
 * The CLI's language: `--locale TAG` (anywhere on the command line, for every command),
 * else the POSIX locale variables in their order of precedence (`LC_ALL`, `LC_MESSAGES`,
 * `LANG`, e.g. `zh_CN.UTF-8`), else English. A locale SOP Studio has no catalog for is
 * English too, without an error: a build machine's `LANG=de_DE.UTF-8` must not break it.
 */
import { messagesFor, msg, resolveLocale, type Messages } from '../language';
import { UsageError } from './errors';

export interface LocaleChoice {
  /** The arguments without `--locale`. */
  argv: string[];
  messages: Messages;
}

export function chooseLocale(argv: readonly string[], env: NodeJS.ProcessEnv): LocaleChoice {
  const rest: string[] = [];
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--locale') {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('-')) throw new UsageError(msg('cli.locale.needs-value'));
      given = argv[++i];
    } else if (arg.startsWith('--locale=')) {
      given = arg.slice('--locale='.length);
    } else rest.push(arg);
  }
  // POSIX: the first of these that is set and not empty decides (LC_ALL overrides the rest).
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const tag = given ?? fromEnv;
  return { argv: rest, messages: messagesFor(resolveLocale(tag)) };
}

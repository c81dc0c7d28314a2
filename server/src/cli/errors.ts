/**
 * Errors the user can act on. They carry a message written for the person at the terminal
 * and are printed as one line (never with a stack trace); the process then exits with 2.
 * A message given as a catalog `Msg` is printed in the user's language (`run.ts`); its
 * `message` is the English text, for code that only logs it.
 */
import { EN, isMsg, type Messages, type Msg } from '../language';

/** The text of an error for the person at the terminal, in their language. */
export function errorText(error: Error & { msg?: Msg }, messages: Messages = EN): string {
  return error.msg ? messages.format(error.msg) : error.message;
}

/** The command line itself is wrong: an unknown option, a missing value, a bad number. */
export class UsageError extends Error {
  /** The command whose `--help` the message points to, or `''` for `sop` itself. */
  readonly command: string;
  readonly msg?: Msg;

  constructor(message: string | Msg, command = '') {
    super(isMsg(message) ? EN.format(message) : message);
    if (isMsg(message)) this.msg = message;
    this.name = 'UsageError';
    this.command = command;
  }
}

/** An input cannot be used: a missing path, an unreadable or non-UTF-8 file. */
export class InputError extends Error {
  /** True when the file does not exist (as opposed to existing but being unusable). */
  readonly missing: boolean;
  readonly msg?: Msg;

  constructor(message: string | Msg, missing = false) {
    super(isMsg(message) ? EN.format(message) : message);
    if (isMsg(message)) this.msg = message;
    this.name = 'InputError';
    this.missing = missing;
  }
}

/** Exit statuses, as the spec's "Command line" section defines them. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

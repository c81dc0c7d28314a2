/**
 * Errors the user can act on. They carry a message written for the person at the terminal
 * and are printed as one line (never with a stack trace); the process then exits with 2.
 */

/** The command line itself is wrong: an unknown option, a missing value, a bad number. */
export class UsageError extends Error {
  /** The command whose `--help` the message points to, or `''` for `sop` itself. */
  readonly command: string;

  constructor(message: string, command = '') {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

/** An input cannot be used: a missing path, an unreadable or non-UTF-8 file. */
export class InputError extends Error {
  /** True when the file does not exist (as opposed to existing but being unusable). */
  readonly missing: boolean;

  constructor(message: string, missing = false) {
    super(message);
    this.name = 'InputError';
    this.missing = missing;
  }
}

/** Exit statuses, as the spec's "Command line" section defines them. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * A small command-line parser. The CLI has three commands with a handful of options each,
 * which does not justify a dependency; this parser knows exactly the forms the help texts
 * promise: `--name value`, `--name=value`, boolean `--name`, `-h`, and `--` to end options.
 */
import { msg } from '../language';
import { UsageError } from './errors';
import { suggestClosest } from './suggest';

export interface OptionSpec {
  /** The long name without dashes, e.g. `max-warnings`. */
  name: string;
  /** `flag` takes no value; `value` takes one; `list` takes one and may repeat. */
  kind: 'flag' | 'value' | 'list';
  /** A one-letter alias, e.g. `h` for `help`. */
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
}

/** Parses `argv` (the arguments after the command name) against `specs`. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Set(), values: new Map(), lists: new Map() };
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
      spec = byName.get(name);
      if (!spec) throw unknownOption(`--${name}`, specs, command);
    } else {
      spec = arg.length === 2 ? byShort.get(arg[1]) : undefined;
      if (!spec) throw unknownOption(arg, specs, command);
    }

    if (spec.kind === 'flag') {
      if (inline !== undefined) throw new UsageError(msg('cli.args.no-value', { option: `--${spec.name}` }), command);
      parsed.flags.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      // A following option is never taken as the value (`--out --quiet` is a mistake), but a
      // negative number is, so that `--max-warnings -1` gets a message about the number.
      if (i + 1 >= argv.length || (/^-(?!\d|$)/.test(argv[i + 1]))) {
        throw new UsageError(msg('cli.args.needs-value', { option: `--${spec.name}` }), command);
      }
      value = argv[++i];
    }
    if (spec.kind === 'value') {
      if (parsed.values.has(spec.name)) throw new UsageError(msg('cli.args.twice', { option: `--${spec.name}` }), command);
      parsed.values.set(spec.name, value);
    } else {
      parsed.lists.set(spec.name, [...(parsed.lists.get(spec.name) ?? []), value]);
    }
  }
  return parsed;
}

function unknownOption(option: string, specs: readonly OptionSpec[], command: string): UsageError {
  const names = specs.map((s) => `--${s.name}`);
  const closest = suggestClosest(option, names);
  return new UsageError(closest ? msg('cli.args.unknown.guess', { option, closest }) : msg('cli.args.unknown', { option }), command);
}

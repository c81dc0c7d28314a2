/**
 * What `graph` and `simulate` share: both work on exactly one script (with its imports),
 * take a `--format` from a short list, and refuse a program that did not parse, because a
 * partial tree would silently drop steps from the diagram or the walk.
 */
import { importFindings } from '../../language/program';
import { EN, msg, type Messages, type Program, type SopServices } from '../../language';
import { InputError, UsageError } from '../errors';
import { displayPath, readSource, toUri } from '../files';
import { compactLine } from '../formats/lines';
import type { Io } from '../io';
import { Locator, type LocatedFinding } from '../located';
import { suggestClosest } from '../suggest';

/** The one script a command was given; none or several is a usage error. */
export function singleScript(positionals: readonly string[], io: Io, command: string): string {
  if (positionals.length === 0) throw new UsageError(msg('cli.one-script.none'), command);
  if (positionals.length > 1) {
    throw new UsageError(msg('cli.one-script.many', { count: positionals.length, given: positionals.map((p) => `"${p}"`).join(' ') }), command);
  }
  return toUri(positionals[0], io.cwd);
}

/** The value of `--format`, one of `formats` (the first is the default). */
export function chooseFormat<T extends string>(value: string | undefined, formats: readonly T[], command: string): T {
  if (value === undefined) return formats[0];
  if ((formats as readonly string[]).includes(value)) return value as T;
  const closest = suggestClosest(value, formats);
  const list = formats.join(', ');
  throw new UsageError(closest ? msg('cli.format.unknown.guess', { value, closest, formats: list }) : msg('cli.format.unknown', { value, formats: list }), command);
}

export interface LoadedScript {
  uri: string;
  program: Program;
  locator: Locator;
}

/**
 * Reads the script and everything it imports. An unreadable script or import (missing
 * root, not UTF-8, a folder) is an `InputError`; a missing import is left to the caller,
 * as the `unresolved-import` finding it is.
 */
export async function loadScript(uri: string, services: SopServices, io: Io): Promise<LoadedScript> {
  const { text } = readSource(uri, io.cwd);
  const unreadable: string[] = [];
  const host = {
    readFile: (importUri: string): Promise<string | undefined> => {
      try {
        return Promise.resolve(readSource(importUri, io.cwd).text);
      } catch (error) {
        // `loadProgram` takes any failed read for a missing file; one that exists but cannot
        // be used (not UTF-8, a folder) must reach the user, so it is kept for below.
        if (error instanceof InputError && !error.missing && !unreadable.includes(error.message)) unreadable.push(error.message);
        return Promise.resolve(undefined);
      }
    },
  };
  const program = await services.loadProgram(services.parse(uri, text), host);
  if (unreadable.length > 0) throw new InputError(unreadable.join('\n'));
  const locator = new Locator((u) => displayPath(u, io.cwd));
  for (const [fileUri, file] of program.files) locator.addText(fileUri, file.text);
  return { uri, program, locator };
}

/**
 * The problems that make a program impossible to draw or walk: syntax errors in any of its
 * files and imports that cannot be found, located, in load order.
 */
export function unusableProgram(loaded: LoadedScript, messages: Messages = EN): LocatedFinding[] {
  const { program, locator } = loaded;
  const out: LocatedFinding[] = [];
  for (const [uri, file] of program.files) {
    for (const error of file.errors) {
      out.push(locator.locate({ rule: 'syntax', severity: 'error', message: messages.format(error.message), uri, span: error.span }));
    }
    // An import that exists but has syntax errors is reported by those errors above.
    const missing = new Set(program.imports.filter((l) => l.from === uri && !l.found).map((l) => l.path.span.start));
    for (const finding of importFindings(program, uri)) {
      if (missing.has(finding.span.start)) out.push(locator.locate({ ...finding, message: messages.format(finding.message), severity: 'error' }));
    }
  }
  return out;
}

export function printFindings(findings: readonly LocatedFinding[], io: Io): void {
  for (const finding of findings) io.err(`${compactLine(finding)}\n`);
}

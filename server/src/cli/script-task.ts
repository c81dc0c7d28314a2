/**
 * The work done for one script of a `check`, `build` or `export` run, the same in a worker thread
 * and in the main thread (`--jobs 1`): load it with its imports, lint it, and hand it to
 * the command's emitter (build: compile and write the JSON; export: write the platform's files). Its input and its outcome are
 * plain data, so they cross a thread boundary and sit in the cache file as they are.
 */
import { createSopServices, LineIndex, lineIndexOf, messagesFor, type Finding, type SopConfig, type SopFile, type SopServices } from '../language';
import { InputError } from './errors';
import { displayPath, readSourceBytes } from './files';
import { EMITTERS, removeTargets, type EmitOutcome } from './emitters';
import { hashBytes } from './hash';
import { isInside, rootRelative } from './project-root';
import { placeFinding, type PlacedFinding } from './located';

/** What every task of a run shares; sent once to each worker. */
export interface TaskSetup {
  cwd: string;
  /** The project folder (see `project-root.ts`). */
  root: string;
  /** The distinct configurations of the run; tasks refer to them by index. */
  configs: SopConfig[];
  /** The emitter to run on clean scripts (`EMITTERS`), or none for `check`. */
  emit?: { kind: string; options: Record<string, unknown> };
  /** The language the findings' messages are rendered in (`--locale`, the environment). */
  locale?: string;
}

export interface TaskInput {
  uri: string;
  /** The script's text, when the main thread has read (and hashed) it for the cache; otherwise the task reads it. */
  text?: string;
  config: number;
  /** The files the emitter writes this script's output to. */
  targets?: string[];
}

/** A finding with its place resolved, and its file kept as a document identity. */
export type { PlacedFinding };

export interface ScriptOutcome {
  uri: string;
  findings: PlacedFinding[];
  /** Every file the script imports, transitively, with the hash of what was read (`null`: missing). */
  deps: [string, string | null][];
  /** True when the script or a file it imports has syntax errors. */
  unparsed: boolean;
  /** Problems with the inputs (an unreadable import, one outside the project), one line each. */
  inputErrors: string[];
  emitted?: EmitOutcome;
}

/**
 * What one thread keeps for the tasks it runs: its language services, and every import it
 * has read. Thousands of scripts importing one shared file read, hash and decode it once
 * per thread, not once per script (and the parser, given the same text, reuses its tree).
 * A run therefore sees one version of each import, even if it changes meanwhile.
 */
export interface TaskThread {
  services: SopServices;
  imports: Map<string, ImportRead>;
}

/** An import as read: its text and hash, or why it could not be read. */
type ImportRead = { text: string; hash: string } | { text: undefined; missing: boolean; message: string };

export function createTaskThread(locale: string | undefined): TaskThread {
  return { services: createSopServices({ locale, incremental: false }), imports: new Map() };
}

/**
 * The line table of a file of the program, when a finding or an import is placed in it: the
 * language keeps one per parsed file (the linter may have made it already), so the files a
 * script imports, whose trees the parser shares between scripts, get theirs once per thread.
 */
function linesOf(file: SopFile | undefined): LineIndex {
  return file ? lineIndexOf(file) : new LineIndex('');
}

function readImport(uri: string, cwd: string, thread: TaskThread): ImportRead {
  let read = thread.imports.get(uri);
  if (!read) {
    try {
      const source = readSourceBytes(uri, cwd);
      read = { text: source.text, hash: hashBytes(source.bytes) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      read = { text: undefined, missing: error.missing, message: error.message };
    }
    thread.imports.set(uri, read);
  }
  return read;
}

/** The outcome of a script that cannot be read: no output, and an older output of it is removed. */
export function unreadableOutcome(uri: string, message: string, targets: readonly string[] | undefined): ScriptOutcome {
  const emitted = targets ? { outputs: null, removed: removeTargets(targets), findings: [] } : undefined;
  return { uri, findings: [], deps: [], unparsed: false, inputErrors: [message], ...(emitted ? { emitted } : {}) };
}

export async function runScriptTask(input: TaskInput, setup: TaskSetup, thread: TaskThread): Promise<ScriptOutcome> {
  const { cwd, root } = setup;
  const { services } = thread;
  let text = input.text;
  if (text === undefined) {
    try {
      text = readSourceBytes(input.uri, cwd).text;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return unreadableOutcome(input.uri, error.message, setup.emit ? input.targets : undefined);
    }
  }
  const deps = new Map<string, string | null>();
  const inputErrors: string[] = [];
  const host = {
    readFile: (uri: string): Promise<string | undefined> => {
      const read = readImport(uri, cwd, thread);
      if (read.text !== undefined) {
        deps.set(uri, read.hash);
        return Promise.resolve(read.text);
      }
      // A missing import is the `unresolved-import` finding; one that exists but cannot
      // be read is an input problem the user must also hear about.
      deps.set(uri, null);
      if (!read.missing) inputErrors.push(read.message);
      return Promise.resolve(undefined);
    },
  };
  const program = await services.loadProgram(services.parse(input.uri, text), host);
  const config = setup.configs[input.config];
  const findings = services.lint(program, config);
  // The parser keeps each document's last parse to speed up the next. A batch run parses
  // each of its scripts once, so that memory is given back at once; imported files stay,
  // since the next script may well import them too.
  services.forget(input.uri);

  const place = (finding: Finding) => placeFinding(finding, linesOf(program.files.get(finding.uri)));
  for (const link of program.imports) {
    if (isInside(link.uri, root)) continue;
    const position = linesOf(program.files.get(link.from)).positionAt(link.path.span.start);
    const at = `${displayPath(link.from, cwd)}:${position.line + 1}:${position.character + 1}`;
    inputErrors.push(messagesFor(setup.locale).t('cli.import.outside-project', { at, path: link.path.value, root: `${displayPath(root, cwd)}/` }));
  }

  const outcome: ScriptOutcome = {
    uri: input.uri,
    findings: findings.map(place),
    deps: [...deps].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    unparsed: [...program.files.values()].some((file) => file.errors.length > 0),
    inputErrors: [...new Set(inputErrors)],
  };
  if (setup.emit && input.targets !== undefined) {
    const emitter = EMITTERS[setup.emit.kind];
    const clean = !outcome.unparsed && outcome.inputErrors.length === 0 && !findings.some((f) => f.severity === 'error');
    outcome.emitted = emitter({
      services,
      program,
      config,
      clean,
      targets: input.targets,
      cwd,
      displayPath: (uri) => rootRelative(uri, root),
      place,
      options: setup.emit.options,
    });
  }
  return outcome;
}

/**
 * What a command makes of each clean script, after the lint: `build` compiles it to JSON.
 * An emitter runs inside the script's task (in a worker thread when the run is parallel),
 * writes its output atomically, and reports the hash of what it wrote so that the cache
 * can later tell whether the output on disk is still that file.
 *
 * Another command that writes one file per script (`sop export`) plugs in by adding its
 * emitter here under its own kind; see "Adding a command" in docs/cli.md.
 */
import { serializeCompiled, type Program, type SopServices } from '../language';
import { errorText, InputError } from './errors';
import { removeIfPresent, writeFileAtomic } from './files';
import { hashBytes } from './hash';

export interface EmitContext {
  services: SopServices;
  program: Program;
  /** False when the script has errors (or unreadable imports): nothing may be written. */
  clean: boolean;
  target: string;
  cwd: string;
  /** How a document is named inside the output: relative to the project folder. */
  displayPath: (uri: string) => string;
  /** The command's own options (e.g. an export format), part of the cache key. */
  options: Record<string, unknown>;
}

export interface EmitOutcome {
  /** The hash of the file written, or `null` when nothing was written. */
  output: string | null;
  /** True when an output of an earlier run was removed because the script now fails. */
  removed: boolean;
  /** The one-line message when the output could not be written. */
  writeError?: string;
}

export type Emitter = (context: EmitContext) => EmitOutcome;

/** Writes `text` to the target, or removes a stale target when the script is not clean. */
export function emitText(context: EmitContext, make: () => string): EmitOutcome {
  if (!context.clean) return { output: null, removed: removeIfPresent(context.target) };
  const text = make();
  try {
    writeFileAtomic(context.target, text, context.cwd);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { output: null, removed: false, writeError: errorText(error, context.services.messages) };
  }
  return { output: hashBytes(text), removed: false };
}

export const EMITTERS: Record<string, Emitter> = {
  build: (context) => emitText(context, () => serializeCompiled(compileFor(context))),
};

function compileFor(context: EmitContext) {
  try {
    return context.services.compile(context.program, { displayPath: context.displayPath });
  } catch (error) {
    // A compiler bug: name the script so the report can be reproduced.
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`while compiling ${context.displayPath(context.program.root.uri)}: ${message}`);
  }
}

/**
 * What a command makes of each clean script, after the lint: `build` compiles it to JSON,
 * `export` writes what an IVR platform imports (one or more files per script). An emitter
 * runs inside the script's task (in a worker thread when the run is parallel), writes its
 * outputs atomically, and reports the hash of each file it wrote, so that the cache can
 * later tell whether the outputs on disk are still those files, plus any findings of its
 * own (export's `export-*`), which the cache keeps with them.
 *
 * Another command that writes files per script plugs in by adding its emitter here under
 * its own kind; see "Adding a command that runs over many scripts" in docs/cli.md.
 */
import { exportProgram, serializeCompiled, type ExportTarget, type Finding, type Program, type SopConfig, type SopServices } from '../language';
import { errorText, InputError } from './errors';
import { removeIfPresent, writeFileAtomic } from './files';
import { hashBytes } from './hash';
import type { PlacedFinding } from './script-task';

// An internal error (an exporter bug), for whoever reports it: English, as other internal errors.
const MESSAGES = {
  missingFile: (extension: string) => `the exporter made no ${extension} file`,
};

export interface EmitContext {
  services: SopServices;
  program: Program;
  /** The script's resolved configuration (export reads its `export` block). */
  config: SopConfig;
  /** False when the script has errors (or unreadable imports): nothing may be written. */
  clean: boolean;
  /** Every file the script's output consists of, in a fixed order (build: one). */
  targets: string[];
  cwd: string;
  /** How a document is named inside the output: relative to the project folder. */
  displayPath: (uri: string) => string;
  /** Resolves a finding's place, as the lint's findings are. */
  place: (finding: Finding) => PlacedFinding;
  /** The command's own options (e.g. an export target), part of the cache key. */
  options: Record<string, unknown>;
}

export interface EmitOutcome {
  /** The hash of each target written, in the order of `targets`; `null` when nothing was written. */
  outputs: string[] | null;
  /** The targets of an earlier run that were removed because the script now fails. */
  removed: string[];
  /** The emitter's own findings, in source order (kept in the cache with the outputs). */
  findings: PlacedFinding[];
  /** The one-line message when an output could not be written. */
  writeError?: string;
}

export type Emitter = (context: EmitContext) => EmitOutcome;

/** Removes the targets an earlier run left, for a script that now gets no output. */
export function removeTargets(targets: readonly string[]): string[] {
  return targets.filter((target) => removeIfPresent(target));
}

/**
 * Writes one text per target (in the order of `targets`), or removes stale targets when
 * the script is not clean or `make` gives no texts. Every text is made in memory first.
 */
export function emitTexts(context: EmitContext, make: () => { texts: string[] | null; findings?: PlacedFinding[] }): EmitOutcome {
  if (!context.clean) return { outputs: null, removed: removeTargets(context.targets), findings: [] };
  const { texts, findings = [] } = make();
  if (texts === null) return { outputs: null, removed: removeTargets(context.targets), findings };
  try {
    texts.forEach((text, i) => writeFileAtomic(context.targets[i], text, context.cwd));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { outputs: null, removed: [], findings, writeError: errorText(error, context.services.messages) };
  }
  return { outputs: texts.map((text) => hashBytes(text)), removed: [], findings };
}

export const EMITTERS: Record<string, Emitter> = {
  build: (context) => emitTexts(context, () => ({ texts: [serializeCompiled(compileFor(context))] })),
  export: (context) => emitTexts(context, () => exportFor(context)),
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

/** The export's files in the order of the targets (each target ends with its file's extension). */
function exportFor(context: EmitContext): { texts: string[] | null; findings: PlacedFinding[] } {
  const { target, start } = context.options as { target: ExportTarget; start?: string };
  const result = exportProgram(context.program, target, { displayPath: context.displayPath, settings: context.config.export, start, messages: context.services.messages });
  const findings = result.findings.map(context.place);
  if (result.files.length === 0) return { texts: null, findings };
  const texts = context.targets.map((path) => {
    const file = result.files.find((f) => path.endsWith(f.extension));
    if (!file) throw new Error(MESSAGES.missingFile(path.slice(path.lastIndexOf('/') + 1)));
    return file.content;
  });
  return { texts, findings };
}

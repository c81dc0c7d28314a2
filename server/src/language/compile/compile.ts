/**
 * The compiler: a checked program to the `sop-script/1` JSON document.
 */
import type { Program } from '../program';

export interface CompileOptions {
  /** How a document identity appears in the output (e.g. a path relative to the project). */
  displayPath?: (uri: string) => string;
}

/** The compiled document; `schema/sop-script.schema.json` describes it. */
export type CompiledScript = Record<string, unknown>;

export function compileProgram(_program: Program, _options: CompileOptions = {}): CompiledScript {
  throw new Error('compileProgram: not implemented yet');
}

/** Serialises a compiled script deterministically (stable key order, LF, final newline). */
export function serializeCompiled(script: CompiledScript): string {
  return `${JSON.stringify(script, null, 2)}\n`;
}

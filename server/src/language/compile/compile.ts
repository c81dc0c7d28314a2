/**
 * The compiler: a checked program to the `sop-script/1` JSON document that
 * `schema/sop-script.schema.json` describes and `docs/output-format.md` explains.
 *
 * The document is a pure function of the program and `displayPath`: no clock, no machine
 * paths (the caller maps uris to display paths), and every object is built with its keys in
 * one fixed order, so the same input always serialises to the same bytes.
 *
 * Compiling a program with errors is best-effort and never throws: a situation defined twice
 * compiles its first definition (in load order), a `goto` to an unknown situation gets a
 * null `next`, and a partial situation compiles the steps that parsed. `sop build` never
 * writes such output, because it lints first.
 */
import { LineIndex } from '../line-index';
import type { Program } from '../program';
import { stringifyStable } from './serialize';
import { compileSituation, entryNodeId } from './situation';
import {
  FORMAT,
  type AgentSituation,
  type CompiledScript,
  type IvrNode,
  type IvrSituation,
  type SourcePosition,
} from './types';

export type * from './types';

export interface CompileOptions {
  /** How a document identity appears in the output (e.g. a path relative to the project). */
  displayPath?: (uri: string) => string;
}

export function compileProgram(program: Program, options: CompileOptions = {}): CompiledScript {
  const displayPath = options.displayPath ?? ((uri: string) => uri);
  const sourceOf = createSourceMapper(program, displayPath);

  // The first definition of each id wins, in load order (the root's situations first).
  const situations = [...program.situations.values()].map((definitions) => definitions[0]);
  const entries = new Map(situations.map(({ situation }) => [situation.id.name, entryNodeId(situation)]));

  const ivrSituations: Record<string, IvrSituation> = {};
  const nodes: Record<string, IvrNode> = {};
  const agentSituations: AgentSituation[] = [];
  for (const { uri, situation } of situations) {
    const id = situation.id.name;
    const sourceAt = (offset: number) => sourceOf(uri, offset);
    const compiled = compileSituation(situation, {
      sourceAt,
      entryOf: (target) => entries.get(target) ?? null,
    });
    const source = sourceAt(situation.span.start);
    ivrSituations[id] = { entry: compiled.entry, source };
    for (const [nodeId, node] of compiled.nodes) nodes[nodeId] = node;
    agentSituations.push({
      id,
      title: situation.title?.value ?? null,
      tags: situation.tags.map((tag) => tag.name),
      when: situation.when?.text.value ?? null,
      source,
      phrases: compiled.phrases,
      notes: compiled.notes,
      promises: compiled.promises,
    });
  }

  const { header } = program.root;
  return {
    format: FORMAT,
    script: {
      title: header.script?.value.value ?? null,
      version: header.version?.value.value ?? null,
      locale: header.locale?.value.value ?? null,
      file: displayPath(program.root.uri),
      files: [...program.files.keys()].map(displayPath),
      variables: declaredVariables(program),
    },
    ivr: { situations: ivrSituations, nodes },
    agent: { situations: agentSituations },
  };
}

/**
 * Serialises a compiled script deterministically: the compiler's key order, 2-space
 * indentation with short objects on one line, LF line ends and a final newline.
 */
export function serializeCompiled(script: CompiledScript): string {
  return stringifyStable(script);
}

/** Maps a (uri, offset) to a 1-based line and UTF-16 column, one line table per file. */
function createSourceMapper(program: Program, displayPath: (uri: string) => string) {
  const indexes = new Map<string, { index: LineIndex; file: string }>();
  return (uri: string, offset: number): SourcePosition => {
    let entry = indexes.get(uri);
    if (!entry) {
      entry = { index: new LineIndex(program.files.get(uri)?.text ?? ''), file: displayPath(uri) };
      indexes.set(uri, entry);
    }
    const position = entry.index.positionAt(offset);
    return { file: entry.file, line: position.line + 1, column: position.character + 1 };
  };
}

/** Every `var` name of the program's files, each once, in load order. */
function declaredVariables(program: Program): string[] {
  const names = new Set<string>();
  for (const file of program.files.values()) {
    for (const decl of file.decls) {
      if (decl.kind === 'var') for (const name of decl.names) names.add(name.name);
    }
  }
  return [...names];
}

/**
 * The facade of the language layer. The language server, the CLI and the tests all go
 * through `createSopServices()`, so every tool sees the same parse, model and findings.
 */
import type { SopFile } from './ast';
import { compileProgram, serializeCompiled, type CompileOptions, type CompiledScript } from './compile/compile';
import type { SopConfig } from './config';
import type { Finding } from './finding';
import { formatFile, type FormatResult } from './format/format';
import { lintProgram, lintProgramInSteps } from './lint/lint';
import { SituationReportCache } from './lint/situation-cache';
import { SopParser } from './parse';
import { loadProgram, type FileHost, type Program } from './program';

export interface SopServices {
  /** Parses a document, reusing the unchanged situations of its previous parse. */
  parse(uri: string, text: string): SopFile;
  /**
   * The same parse, pausing after each piece that had to be matched, so an editor can
   * answer other requests between steps while it opens a large document.
   */
  parseInSteps(uri: string, text: string): Generator<void, SopFile, void>;
  /** Drops what is kept for a document (call when it is closed). */
  forget(uri: string): void;
  /** The document with everything it imports. */
  loadProgram(root: SopFile, host: FileHost): Promise<Program>;
  /** Lints the program's root; unchanged situations of the same document are not re-checked. */
  lint(program: Program, config: SopConfig): Finding[];
  /** The same lint, pausing between rules so an editor can answer other requests meanwhile. */
  lintInSteps(program: Program, config: SopConfig): Generator<void, Finding[], void>;
  compile(program: Program, options?: CompileOptions): CompiledScript;
  format(file: SopFile): FormatResult;
}

export function createSopServices(): SopServices {
  const parsers = new Map<string, SopParser>();
  const parserFor = (uri: string): SopParser => {
    let parser = parsers.get(uri);
    if (!parser) {
      parser = new SopParser();
      parsers.set(uri, parser);
    }
    return parser;
  };
  const parse = (uri: string, text: string): SopFile => parserFor(uri).parse(uri, text);
  // One cache of per-situation lint results per document, like its parser.
  const lintCaches = new Map<string, SituationReportCache>();
  const lintCacheFor = (uri: string): SituationReportCache => {
    let cache = lintCaches.get(uri);
    if (!cache) {
      cache = new SituationReportCache();
      lintCaches.set(uri, cache);
    }
    return cache;
  };
  return {
    parse,
    parseInSteps: (uri, text) => parserFor(uri).parseInSteps(uri, text),
    forget: (uri) => {
      parsers.delete(uri);
      lintCaches.delete(uri);
    },
    loadProgram: (root, host) => loadProgram(root, host, parse),
    lint: (program, config) => lintProgram(program, config, lintCacheFor(program.root.uri)),
    lintInSteps: (program, config) => lintProgramInSteps(program, config, lintCacheFor(program.root.uri)),
    compile: compileProgram,
    format: formatFile,
  };
}

export type * from './ast';
export type { Finding, Fix, Severity, Level, TextEdit } from './finding';
export type { Program, FileHost, SituationEntry, ImportLink } from './program';
export type { CompiledScript, CompileOptions } from './compile/compile';
export type { FormatResult } from './format/format';
export type { SopConfig } from './config';
export { LineIndex, lineIndexOf, type Position } from './line-index';
export { parseSop, SopParser } from './parse';
export { singleFileProgram, loadProgram } from './program';
export { serializeCompiled };
// `sop graph` and `sop simulate`: the situation diagram and the walk of the IVR graph.
export { renderSituationGraph, GRAPH_FORMATS, type GraphFormat, type GraphOptions } from './graph/index';
// The editor's flow graph view: situations with their steps, jumps and findings.
export { buildFlowGraph, type FlowGraph, type FlowMark, type FlowSituation, type FlowStep, type FlowJump } from './graph/index';
export * from './simulate/index';
// `sop test` and the editor's Test Explorer: script test files and their cases.
export * from './script-test/index';
// The editor features (completion, hover, navigation, rename, symbols, folding, semantic
// tokens, links): pure functions over the model, used by `lsp/features/*`.
export * from './features/index';

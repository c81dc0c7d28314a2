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
import { parseSop, SopParser } from './parse';
import { loadProgram, type FileHost, type Program } from './program';
import { EN, messagesFor, type Messages } from './i18n/messages';

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
  /**
   * Lints the program's root; unchanged situations of the same document are not re-checked.
   * Messages come out in the services' locale (`createSopServices({ locale })`).
   */
  lint(program: Program, config: SopConfig): Finding[];
  /** The same lint, pausing between rules so an editor can answer other requests meanwhile. */
  lintInSteps(program: Program, config: SopConfig): Generator<void, Finding[], void>;
  /** The messages of the services' locale, for every other text an adapter shows. */
  readonly messages: Messages;
  /**
   * Switches the locale (the language server learns it in `initialize`). The lint caches
   * keep reports as catalog keys, so they stay valid: only the rendering changes.
   */
  setLocale(tag: string | undefined): void;
  compile(program: Program, options?: CompileOptions): CompiledScript;
  format(file: SopFile): FormatResult;
}

export interface SopServicesOptions {
  /** A BCP 47 tag or POSIX name (`zh-cn`, `zh_CN.UTF-8`); English when absent or unsupported. */
  locale?: string;
  /**
   * Keep each document's last parse and per-situation lint results, so that after an edit
   * only what it touched is done again (the editor; the default). A run that reads every
   * document once (the CLI) turns it off: keeping them costs it time (the lint's bookkeeping
   * made a cold check of 50,000 lines ~40 % slower) and memory (every file's pieces).
   */
  incremental?: boolean;
}

export function createSopServices(options: SopServicesOptions = {}): SopServices {
  if (options.incremental === false) return oneShotServices(options.locale);
  let messages = options.locale ? messagesFor(options.locale) : EN;
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
    lint: (program, config) => lintProgram(program, config, lintCacheFor(program.root.uri), messages),
    lintInSteps: (program, config) => lintProgramInSteps(program, config, lintCacheFor(program.root.uri), messages),
    get messages() {
      return messages;
    },
    setLocale: (tag) => {
      messages = messagesFor(tag);
    },
    compile: compileProgram,
    format: (file) => formatFile(file, messages),
  };
}

/**
 * The services without per-document incremental state: each new text is parsed from scratch
 * and each lint starts from nothing. The same document read again with the same text (a
 * script imported by many others) gets the same tree back (trees are immutable).
 */
function oneShotServices(locale: string | undefined): SopServices {
  let messages = locale ? messagesFor(locale) : EN;
  const parsed = new Map<string, SopFile>();
  const parse = (uri: string, text: string): SopFile => {
    const known = parsed.get(uri);
    if (known && known.text === text) return known;
    const file = parseSop(uri, text);
    parsed.set(uri, file);
    return file;
  };
  return {
    parse,
    parseInSteps: function* (uri, text) {
      return parse(uri, text);
    },
    forget: (uri) => void parsed.delete(uri),
    loadProgram: (root, host) => loadProgram(root, host, parse),
    lint: (program, config) => lintProgram(program, config, undefined, messages),
    lintInSteps: (program, config) => lintProgramInSteps(program, config, undefined, messages),
    get messages() {
      return messages;
    },
    setLocale: (tag) => {
      messages = messagesFor(tag);
    },
    compile: compileProgram,
    format: (file) => formatFile(file, messages),
  };
}

export type * from './ast';
export type { Finding, Fix, Severity, Level, TextEdit } from './finding';
export type { Program, FileHost, SituationEntry, ImportLink } from './program';
export type { CompiledScript, CompileOptions } from './compile/compile';
export type { FormatResult } from './format/format';
export type { SopConfig } from './config';
export { LineIndex, lineIndexOf, type Position } from './line-index';
export { EN, isMsg, messagesFor, msg, resolveLocale, LOCALES, DEFAULT_LOCALE, type Messages, type Msg, type MessageKey, type Locale, type LocalizedText } from './i18n/messages';
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
// `sop export`: VoiceXML, Amazon Connect, Twilio Studio and the phrase table.
export { exportProgram, EXPORT_RULES, EXPORT_TARGETS, type ExportOptions, type ExportResult, type ExportTarget, type ExportedFile } from './export/index';
// The editor features (completion, hover, navigation, rename, symbols, folding, semantic
// tokens, links): pure functions over the model, used by `lsp/features/*`.
export * from './features/index';

/**
 * The server's view of the workspace, implementing `ServerState` for every feature: the
 * open documents (synced incrementally), their parses cached by uri + version, files that
 * are not open (read once through the host, re-read after a file-change event), programs
 * with their imports, and the configuration per script.
 *
 * The first parse of a large document runs in slices (`slices.ts`) so it never holds up
 * other requests; every later parse reuses the unchanged situations and is fast.
 */
import { TextDocuments, type CancellationToken, type Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { LineIndex, type Finding, type FileHost, type Program, type SopConfig, type SopFile, type SopServices } from '../language';
import type { ConfigStore } from './config-store';
import type { SettingsStore } from './settings';
import { runInSlices } from './slices';
import { sopTextDocuments, type SopTextDocument } from './text-document';
import type { ServerLogger, ServerState } from './state';

/** What the server needs from its surroundings (disk in Node, the client in a browser). */
export interface FileReader {
  readFile(uri: string): Promise<string | undefined>;
}

/** A parse of one version of an open document. */
export interface ParsedVersion {
  version: number;
  file: SopFile;
}

/** The outcome of linting one version of an open document. */
export interface LintResult {
  version: number;
  file: SopFile;
  findings: Finding[];
  /** Every file the program read or tried to read (imports, missing ones too). */
  dependencies: Set<string>;
}

/** Texts at least this long are parsed in slices when first seen. */
const SLICED_PARSE_CHARS = 20_000;

export class SopWorkspace implements ServerState {
  readonly documents = new TextDocuments(sopTextDocuments);
  private readonly parses = new Map<string, ParsedVersion>();
  private readonly parsing = new Map<string, { version: number; done: Promise<ParsedVersion | undefined> }>();
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();
  private readonly lints = new Map<string, LintResult>();
  /** Texts of files that are not open, as last read (`undefined`: absent). */
  private readonly closedTexts = new Map<string, Promise<string | undefined>>();
  /** The text each closed file was last parsed from, so it is parsed in slices only once. */
  private readonly warmed = new Map<string, string>();

  constructor(
    readonly connection: Connection,
    readonly services: SopServices,
    readonly log: ServerLogger,
    private readonly host: FileReader,
    readonly configs: ConfigStore,
    readonly settings: SettingsStore,
  ) {}

  getDocument(uri: string): SopTextDocument | undefined {
    return this.documents.get(uri);
  }

  openUris(): string[] {
    return this.documents.keys();
  }

  async getFile(uri: string): Promise<SopFile | undefined> {
    return (await this.parseCurrent(uri))?.file;
  }

  /** The parse of the document's current version (a newer one if it changes meanwhile). */
  async parseCurrent(uri: string): Promise<ParsedVersion | undefined> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return undefined;
      const cached = this.parses.get(uri);
      if (cached?.version === document.version) return cached;
      let job = this.parsing.get(uri);
      if (job?.version !== document.version) {
        job = { version: document.version, done: this.parseVersion(uri, document.version, document.getText()) };
        this.parsing.set(uri, job);
      }
      const parsed = await job.done;
      if (parsed) return parsed;
      // The document changed (or closed) while it was parsed: go again with what it is now.
    }
  }

  private async parseVersion(uri: string, version: number, text: string): Promise<ParsedVersion | undefined> {
    try {
      const superseded = () => this.documents.get(uri)?.version !== version;
      const file =
        text.length < SLICED_PARSE_CHARS
          ? this.services.parse(uri, text)
          : await runInSlices(this.services.parseInSteps(uri, text), superseded);
      if (!file || superseded()) return undefined;
      const parsed = { version, file };
      this.parses.set(uri, parsed);
      return parsed;
    } finally {
      if (this.parsing.get(uri)?.version === version) this.parsing.delete(uri);
    }
  }

  lineIndex(uri: string): LineIndex | undefined {
    const document = this.documents.get(uri);
    return document && this.indexFor(uri, document.getText());
  }

  /** The line table of `text`, the last one computed for `uri` when the text is the same. */
  indexFor(uri: string, text: string): LineIndex {
    // The open document keeps the table of its current text.
    const document = this.documents.get(uri);
    if (document && document.getText() === text) return document.lines;
    const known = this.indexes.get(uri);
    if (known && known.text === text) return known.index;
    const index = new LineIndex(text);
    if (this.documents.get(uri)) this.indexes.set(uri, { text, index });
    return index;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const document = this.documents.get(uri);
    if (document) return document.getText();
    // Names that are neither URIs nor absolute paths would be read relative to wherever
    // the server happens to run; they name nothing in the workspace.
    if (!/^([a-zA-Z][\w+.-]*:|\/)/.test(uri)) return undefined;
    let text = this.closedTexts.get(uri);
    if (!text) {
      text = this.host.readFile(uri).catch((error: unknown) => {
        this.log.warn(`Could not read ${uri}: ${String(error)}`);
        return undefined;
      });
      this.closedTexts.set(uri, text);
    }
    return text;
  }

  /** A file changed outside the editor (or was opened/closed): read it again when needed. */
  forgetFileText(uri: string): void {
    this.closedTexts.delete(uri);
    this.warmed.delete(uri);
  }

  /** Drops everything kept for a document that was closed. */
  documentClosed(uri: string): void {
    this.parses.delete(uri);
    this.parsing.delete(uri);
    this.indexes.delete(uri);
    this.lints.delete(uri);
    this.settings.forget(uri);
    this.forgetFileText(uri);
    this.services.forget(uri);
  }

  async getProgram(uri: string): Promise<Program | undefined> {
    let root: SopFile | undefined;
    if (this.documents.get(uri)) {
      root = await this.getFile(uri);
    } else {
      const text = await this.readFile(uri);
      if (text !== undefined) root = await this.parseClosed(uri, text);
    }
    return root && this.services.loadProgram(root, this.importHost);
  }

  /** Reads imports for `loadProgram`, parsing large ones in slices before it parses them. */
  private readonly importHost: FileHost = {
    readFile: async (uri: string) => {
      if (this.documents.get(uri)) {
        await this.parseCurrent(uri);
        return this.documents.get(uri)?.getText();
      }
      const text = await this.readFile(uri);
      if (text !== undefined) await this.parseClosed(uri, text);
      return text;
    },
  };

  private async parseClosed(uri: string, text: string): Promise<SopFile> {
    if (text.length < SLICED_PARSE_CHARS || this.warmed.get(uri) === text) return this.services.parse(uri, text);
    const file = (await runInSlices(this.services.parseInSteps(uri, text))) ?? this.services.parse(uri, text);
    this.warmed.set(uri, text);
    return file;
  }

  async getConfig(uri: string): Promise<SopConfig> {
    const [config, settings] = await Promise.all([this.configs.configFor(uri), this.settings.forResource(uri)]);
    return this.configs.withOverrides(config, settings.rules);
  }

  /**
   * Parses, loads and lints the document's current version, keeping the result. When the
   * document changes meanwhile, the newer version is linted instead, unless `stale` says
   * the caller no longer wants an answer (then `undefined`).
   */
  async lint(uri: string, stale: () => boolean = () => false): Promise<LintResult | undefined> {
    while (!stale()) {
      const parsed = await this.parseCurrent(uri);
      if (!parsed || stale()) return undefined;
      const [program, config] = await Promise.all([this.services.loadProgram(parsed.file, this.importHost), this.getConfig(uri)]);
      const superseded = () => stale() || this.documents.get(uri)?.version !== parsed.version;
      if (superseded()) continue;
      const findings = await runInSlices(this.services.lintInSteps(program, config), superseded);
      if (!findings) continue;
      const dependencies = new Set<string>([...program.files.keys(), ...program.imports.map((link) => link.uri)]);
      const result: LintResult = { version: parsed.version, file: parsed.file, findings, dependencies };
      if (this.documents.get(uri)) this.lints.set(uri, result);
      return result;
    }
    return undefined;
  }

  /** The last lint of the document, whatever its version (for finding importers). */
  lastLint(uri: string): LintResult | undefined {
    return this.lints.get(uri);
  }

  async getFindings(uri: string): Promise<Finding[]> {
    const document = this.documents.get(uri);
    if (!document) return [];
    const known = this.lints.get(uri);
    if (known?.version === document.version) return known.findings;
    return (await this.lint(uri))?.findings ?? [];
  }

  guard<P, R>(
    name: string,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
    fallback: R,
  ): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      let result: R;
      try {
        result = await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.log.error(`${name} failed${describeTarget(params)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
      // The client has moved on; a late answer could be applied to the wrong text.
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name} was cancelled`);
      return result;
    };
  }
}

/** "for file:///…" when the params name a document, to make the log useful. */
function describeTarget(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined)?.textDocument?.uri ?? (params as { uri?: unknown } | undefined)?.uri;
  return typeof uri === 'string' ? ` for ${uri}` : '';
}

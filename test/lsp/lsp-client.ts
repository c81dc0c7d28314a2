/**
 * A small LSP client for the language-server tests: it spawns the built server
 * (`dist/server/server-node.js --stdio`), talks to it over a real stdio connection, answers
 * `workspace/configuration` from per-test settings, and turns the notifications the tests
 * wait for (diagnostics of a given document version) into promises — no sleeps.
 *
 *     const client = await LspTestClient.start();
 *     const diagnostics = await client.open(uri, text);      // resolves with version 1's
 *     const items = await client.request(CompletionRequest.type, { … });
 *     await client.stop();
 *
 * A server that dies rejects every pending wait with its stderr, so a crash fails the test
 * at once instead of timing out.
 */
import { spawn, execFile, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ConfigurationItem,
  type Diagnostic,
  type FileChangeType,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server', 'server-node.js');

let built: Promise<void> | undefined;

/** Builds the bundles once per test run (`node esbuild.mjs`), however many suites ask. */
export function buildServer(): Promise<void> {
  built ??= promisify(execFile)(process.execPath, ['esbuild.mjs'], { cwd: ROOT }).then(() => undefined);
  return built;
}

export interface StartOptions {
  /** `initializationOptions`; the tests pass `{ diagnosticsDelay: 0 }` by default. */
  initializationOptions?: Record<string, unknown>;
  /** The `sop` settings answered to `workspace/configuration`, per resource uri. */
  settings?: (scopeUri: string | undefined) => Record<string, unknown>;
  /** Workspace folder uris sent with `initialize`. */
  workspaceFolders?: string[];
  /** Extra options for the server's `node` (the benchmark passes `--expose-gc`). */
  nodeArgs?: string[];
  /** The editor's display language sent as `initialize`'s `locale` (none by default). */
  locale?: string;
}

interface Waiter {
  uri: string;
  test: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
  reject: (error: Error) => void;
}

export class LspTestClient {
  /** Everything the server wrote to stderr (shown when it dies). */
  stderr = '';
  /** Every `window/logMessage` the server sent (its output channel). */
  readonly logs: LogMessageParams[] = [];
  /** Every `publishDiagnostics`, in arrival order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Dynamic registrations the server asked for (method names). */
  readonly registrations: string[] = [];
  /** The settings answered to `workspace/configuration`; tests may replace it. */
  settings: (scopeUri: string | undefined) => Record<string, unknown>;
  initializeResult!: InitializeResult;

  private readonly waiters: Waiter[] = [];
  private readonly versions = new Map<string, number>();
  private exited: Error | undefined;
  private readonly exitPromise: Promise<void>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (this.stderr += chunk));
    this.exitPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = new Error(`the language server exited (${signal ?? code})\n${this.stderr}`);
        for (const waiter of this.waiters.splice(0)) waiter.reject(this.exited);
        resolve();
      });
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.test(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    connection.onNotification(LogMessageNotification.type, (params) => void this.logs.push(params));
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item: ConfigurationItem) => (item.section === 'sop' ? this.settings(item.scopeUri) : null)),
    );
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const registration of params.registrations) this.registrations.push(registration.method);
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
  }

  /** Spawns the server and completes the `initialize` handshake. */
  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    await buildServer();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const client = new LspTestClient(child, connection, options);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      ...(options.locale ? { locale: options.locale } : {}),
      rootUri: options.workspaceFolders?.[0] ?? null,
      workspaceFolders: options.workspaceFolders?.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })) ?? null,
      initializationOptions: options.initializationOptions ?? { diagnosticsDelay: 0 },
      capabilities: {
        workspace: {
          configuration: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
        },
        textDocument: {
          publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Sends a request and returns its result (typed by the request type passed). */
  request<R>(type: string | { method: string }, params: unknown): Promise<R> {
    const method = typeof type === 'string' ? type : type.method;
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The current version the client sent for `uri`. */
  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Opens a document and resolves with the diagnostics published for its first version. */
  async open(uri: string, text: string, languageId = 'sop'): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return (await published).diagnostics;
  }

  /** Replaces the whole text (or applies incremental changes); resolves with the new version's diagnostics. */
  async change(uri: string, change: string | TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    const published = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: typeof change === 'string' ? [{ text: change }] : change,
    });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server files changed on disk (as the client's file watcher would). */
  async filesChanged(changes: { uri: string; type: FileChangeType }[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Resolves with the diagnostics published for `uri` at `version`. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitForDiagnostics(uri, (params) => params.version === version);
  }

  /**
   * Resolves with the next `publishDiagnostics` for `uri` that passes `test`, counting ones
   * already received only when `includePast` is set.
   */
  waitForDiagnostics(
    uri: string,
    test: (params: PublishDiagnosticsParams) => boolean = () => true,
    includePast = false,
  ): Promise<PublishDiagnosticsParams> {
    if (includePast) {
      const past = this.published.find((p) => p.uri === uri && test(p));
      if (past) return Promise.resolve(past);
    }
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => this.waiters.push({ uri, test, resolve, reject }));
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.exited === undefined;
  }

  /** `shutdown` then `exit`; resolves with the exit code once the process is gone. */
  async stop(): Promise<number | null> {
    if (this.exited) return this.child.exitCode;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await this.exitPromise;
    this.connection.dispose();
    return this.child.exitCode;
  }

  /** Kills the server (for `after` hooks when a test failed half-way). */
  kill(): void {
    if (!this.exited) this.child.kill();
    this.connection.dispose();
  }
}

/** A temporary folder of files for one suite; `uri(name)` names them as the editor does. */
export class TestWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'sop-lsp-'));

  constructor(files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  write(name: string, text: string): string {
    const path = join(this.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return this.uri(name);
  }

  remove(name: string): void {
    rmSync(join(this.dir, name), { force: true });
  }

  uri(name: string): string {
    return pathToFileURL(join(this.dir, name)).href;
  }

  get folderUri(): string {
    return pathToFileURL(this.dir).href;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A diagnostic's message as text (the protocol also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Applies LSP text edits to a text (as an editor would), for checking a fix's result. */
export function applyEdits(text: string, edits: { range: { start: Pos; end: Pos }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Pos) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = edits
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

interface Pos {
  line: number;
  character: number;
}

/** The server and workspace of a suite (see `serveWorkspace`). */
export interface SuiteServer {
  readonly client: LspTestClient;
  readonly ws: TestWorkspace;
}

/**
 * Starts a server on a fresh workspace (holding `files`, which the editor never opens)
 * before the suite's tests, and stops it and removes the workspace after them. Call it in
 * the body of a `describe`.
 */
export function serveWorkspace(files?: Record<string, string>): SuiteServer {
  const server = {} as { client: LspTestClient; ws: TestWorkspace };
  before(async () => {
    server.ws = new TestWorkspace(files);
    server.client = await LspTestClient.start({ workspaceFolders: [server.ws.folderUri] });
  });
  after(async () => {
    await server.client?.stop();
    server.ws?.dispose();
  });
  return server;
}

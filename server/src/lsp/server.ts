/**
 * The SOP language server, shared by the Node entry (desktop) and the web-worker entry
 * (VS Code for the Web). It wires LSP to the workspace model (`documents.ts`) and to the
 * features; every language question goes through the facade `createSopServices()`.
 *
 * Initialization options (all optional):
 * - `diagnosticsDelay`: ms to wait after a change before linting (default 150; the tests
 *   and the benchmark use 0);
 * - `clientWatchesFiles`: the client sends `workspace/didChangeWatchedFiles` for `*.sop`
 *   and `sop.config.json` on its own, so the server need not register watchers.
 *
 * Requests beyond standard LSP: `sop/compile` (client → server, "Compile to JSON"),
 * `sop/graph` (client → server, "Show Flow Graph"), `sop/simulate` (client → server, the
 * simulator panel),
 * `sop/scriptTests` (client → server, the Test Explorer's script tests),
 * `sop/export` (client → server, "Export…"),
 * `sop/readFile` (server → client, from the web-worker entry) and `sop/stats` (the
 * server's heap, for the benchmark).
 */
import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { createSopServices, LineIndex } from '../language';
import { RULE_METAS } from '../language/lint/registry';
import { codeActionCapabilities, registerCodeActions } from './code-actions';
import { registerCompileRequest } from './compile-request';
import { registerGraphRequest } from './graph-request';
import { registerSimulateRequest } from './simulate-request';
import { ConfigStore } from './config-store';
import { registerExportRequest } from './export-request';
import { toDiagnostic } from './convert';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, DiagnosticsScheduler } from './diagnostics';
import { SopWorkspace } from './documents';
import { featureCapabilities, registerFeatures } from './features/index';
import { registerFileEvents, registerWatchers } from './file-events';
import { formattingCapabilities, registerFormatting } from './formatting';
import { SettingsStore } from './settings';
import { registerScriptTestsRequest } from './script-tests-request';
import { registerStatsRequest } from './stats-request';
import type { ServerLogger } from './state';

/** What the server needs from its surroundings that differs between Node and the browser. */
export interface ServerHost {
  /** Reads a document the client has not sent; `undefined` when it does not exist. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * The longest time the event loop was blocked since the last call, in ms, where the
   * runtime can tell (Node); for the benchmark, through `sop/stats`.
   */
  longestBlockMs?(): number;
}

interface InitializationOptions {
  diagnosticsDelay?: unknown;
  clientWatchesFiles?: unknown;
}

export function startServer(connection: Connection, host: ServerHost): void {
  const log = createLogger(connection);
  const services = createSopServices();
  const settings = new SettingsStore(connection, log, RULE_METAS.map((meta) => meta.id));
  // The store reads configuration files through the workspace, created just below.
  const readFile = (uri: string) => state.readFile(uri);
  const configs = new ConfigStore(
    RULE_METAS,
    readFile,
    (uri, findings, text) => {
      const index = new LineIndex(text);
      connection.sendDiagnostics({ uri, diagnostics: findings.map((f) => toDiagnostic(f, index, services.messages.locale)) }).catch(() => undefined);
    },
    () => services.messages,
  );
  const state: SopWorkspace = new SopWorkspace(connection, services, log, host, configs, settings);

  const scheduler = new DiagnosticsScheduler(connection, state, DEFAULT_DIAGNOSTICS_DELAY_MS);
  let folders: string[] = [];
  let versionedEdits = false;
  let registerDynamicWatchers = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    // The editor's display language; findings, fixes, hovers and completion details
    // follow it, and every other locale falls back to English.
    services.setLocale(params.locale);
    const delay = options.diagnosticsDelay;
    if (typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) {
      scheduler.delayMs = delay;
    }
    const capabilities = params.capabilities;
    settings.pullSupported = capabilities.workspace?.configuration === true;
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    registerDynamicWatchers =
      options.clientWatchesFiles !== true && capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];

    const serverCapabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...codeActionCapabilities,
      ...formattingCapabilities,
      ...featureCapabilities(),
    };
    return { capabilities: serverCapabilities, serverInfo: { name: 'sop-language-server' } };
  });

  connection.onInitialized(() => {
    if (registerDynamicWatchers) void registerWatchers(connection, state);
  });

  connection.onDidChangeConfiguration((params) => {
    settings.changed(params.settings);
    scheduler.scheduleAll();
  });

  // The document manager reports an opened document as opened and then as changed.
  const justOpened = new Set<string>();
  state.documents.onDidOpen((event) => justOpened.add(event.document.uri));
  state.documents.onDidChangeContent((event) => scheduler.documentChanged(event.document.uri, justOpened.delete(event.document.uri)));
  state.documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.documentClosed(uri);
    state.documentClosed(uri);
    // Scripts importing it now read the file from disk instead of the editor's buffer.
    scheduler.scheduleImporters(uri);
  });

  registerFileEvents(connection, state, scheduler);
  registerCodeActions(connection, state, { get versionedEdits() { return versionedEdits; } });
  registerFormatting(connection, state);
  registerCompileRequest(connection, state, () => folders);
  registerGraphRequest(connection, state);
  registerSimulateRequest(connection, state);
  registerScriptTestsRequest(connection, state, () => folders);
  registerExportRequest(connection, state, () => folders);
  registerStatsRequest(connection, host.longestBlockMs);
  registerFeatures(connection, state);

  state.documents.listen(connection);
  connection.listen();
}

/** Writes to the client's output channel (`window/logMessage`). */
function createLogger(connection: Connection): ServerLogger {
  return {
    error: (message) => connection.console.error(message),
    warn: (message) => connection.console.warn(message),
    info: (message) => connection.console.info(message),
    debug: (message) => connection.console.debug(message),
  };
}

/**
 * Script tests in VS Code's Testing view: every `*.sop-test.yaml` (and `.yml`) of the
 * workspace, and any such file opened from elsewhere, is a test item with one child per
 * case, placed at the case's lines so a ▶ appears in the gutter. Listing and running go
 * through the language server (`sop/scriptTests`), which holds the scripts as the editor
 * does, unsaved edits included; the client only reads the test file's text, with
 * `vscode.workspace.fs` or from its open document, so the same code runs in VS Code for
 * the Web. A failed case's first message carries the expected and actual transcripts, so
 * "Compare" opens a diff; every message is placed at the line that expected it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  SCRIPT_TESTS_REQUEST,
  type ScriptTestCaseInfo,
  type ScriptTestMessage,
  type ScriptTestRange,
  type ScriptTestsParams,
  type ScriptTestsResult,
} from '../../../server/src/lsp/protocol';

const TEST_FILES = '**/*.sop-test.{yaml,yml}';
const EXCLUDED = '**/node_modules/**';
/** How long typing in a test file pauses before its cases are listed again. */
const RELIST_DELAY_MS = 300;

/** One case's state after a run, as the run reported it to VS Code. */
export interface CaseOutcome {
  /** The test item's id: `<file uri>#<case name>`. */
  id: string;
  label: string;
  state: 'passed' | 'failed' | 'errored';
  messages: Array<{ message: string; uri: string; line: number | null; expected?: string; actual?: string }>;
}

/** What the extension offers its tests (its exports): the controller and every run's outcome. */
export interface ScriptTestsApi {
  controller: vscode.TestController;
  /** Settles when the first listing of the workspace's test files is done. */
  ready: Promise<void>;
  onDidFinishRun: vscode.Event<CaseOutcome[]>;
}

export function registerScriptTests(context: vscode.ExtensionContext, client: BaseLanguageClient, output: vscode.LogOutputChannel): ScriptTestsApi {
  const tests = new ScriptTests(client, output);
  context.subscriptions.push(tests);
  return { controller: tests.controller, ready: tests.ready, onDidFinishRun: tests.finished.event };
}

class ScriptTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('sop.scriptTests', vscode.l10n.t('SOP script tests'));
  readonly finished = new vscode.EventEmitter<CaseOutcome[]>();
  readonly ready: Promise<void>;
  /** A test file's mistakes as diagnostics, so they are underlined without the YAML extension too. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sop-test');
  private readonly disposables: vscode.Disposable[] = [this.controller, this.finished, this.diagnostics];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.controller.refreshHandler = () => this.listWorkspace();
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.listWorkspace();
      else if (item.uri) await this.listFile(item.uri);
    };
    this.controller.createRunProfile(vscode.l10n.t('Run'), vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);

    const watcher = vscode.workspace.createFileSystemWatcher(TEST_FILES);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.listFile(uri)),
      watcher.onDidChange((uri) => void this.listFile(uri)),
      watcher.onDidDelete((uri) => {
        this.controller.items.delete(uri.toString());
        this.diagnostics.delete(uri);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (isTestFile(document.uri)) void this.listFile(document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isTestFile(event.document.uri)) this.relistSoon(event.document.uri);
      }),
    );
    this.ready = this.listWorkspace();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Lists every test file of the workspace and the test files open in editors. */
  private async listWorkspace(): Promise<void> {
    const found = await vscode.workspace.findFiles(TEST_FILES, EXCLUDED);
    const open = vscode.workspace.textDocuments.map((d) => d.uri).filter(isTestFile);
    const all = new Map([...found, ...open].map((uri) => [uri.toString(), uri]));
    for (const [id] of this.itemsOf(this.controller.items)) if (!all.has(id)) this.controller.items.delete(id);
    await Promise.all([...all.values()].map((uri) => this.listFile(uri)));
  }

  private relistSoon(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.listFile(uri);
      }, RELIST_DELAY_MS),
    );
  }

  /** Asks the server for the file's cases and brings its items up to date. */
  private async listFile(uri: vscode.Uri): Promise<ScriptTestsResult | undefined> {
    const result = await this.request(uri, false);
    if (result) this.update(uri, result);
    return result;
  }

  private async request(uri: vscode.Uri, run: boolean, cases?: number[]): Promise<ScriptTestsResult | undefined> {
    const text = await readText(uri);
    if (text === undefined) {
      this.controller.items.delete(uri.toString());
      this.diagnostics.delete(uri);
      return undefined;
    }
    const params: ScriptTestsParams = { uri: this.client.code2ProtocolConverter.asUri(uri), text, run, cases };
    try {
      return await this.client.sendRequest<ScriptTestsResult>(SCRIPT_TESTS_REQUEST, params);
    } catch (error) {
      this.output.error(vscode.l10n.t('Script tests of {0} failed: {1}', uri.toString(), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  /** The file's item and one child per case, keeping the items whose id did not change. */
  private update(uri: vscode.Uri, result: ScriptTestsResult): vscode.TestItem {
    const fileId = uri.toString();
    let file = this.controller.items.get(fileId);
    if (!file) {
      file = this.controller.createTestItem(fileId, basename(uri), uri);
      this.controller.items.add(file);
    }
    file.error = result.problems.length > 0 ? result.problems.map((p) => `${p.range.start.line + 1}: ${p.message}`).join('\n') : undefined;
    this.diagnostics.set(
      uri,
      result.problems.map((p) => {
        const diagnostic = new vscode.Diagnostic(toRange(p.range), p.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'sop test';
        diagnostic.code = 'script-test';
        return diagnostic;
      }),
    );
    // A file with problems keeps the cases it had, so a half-typed edit does not empty the tree.
    if (result.problems.length > 0 && result.cases.length === 0) return file;
    const children: vscode.TestItem[] = [];
    for (const info of result.cases) {
      const id = caseId(fileId, info, result.cases);
      const item = file.children.get(id) ?? this.controller.createTestItem(id, info.name, uri);
      item.label = info.name;
      item.range = toRange(info.range);
      item.sortText = String(info.index).padStart(6, '0');
      children.push(item);
    }
    file.children.replace(children);
    return file;
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    const outcomes: CaseOutcome[] = [];
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    // The files to run, with the cases asked for in each (all when a whole file was asked).
    const byFile = new Map<string, { uri: vscode.Uri; ids: Set<string> | null }>();
    for (const item of request.include ?? this.itemsOf(this.controller.items).map(([, i]) => i)) {
      if (excluded.has(item.id) || !item.uri) continue;
      const key = item.uri.toString();
      const isFile = item.parent === undefined;
      const entry = byFile.get(key) ?? { uri: item.uri, ids: new Set<string>() };
      if (isFile) entry.ids = null;
      else entry.ids?.add(item.id);
      byFile.set(key, entry);
    }
    try {
      for (const [key, { uri, ids }] of byFile) {
        if (token.isCancellationRequested) break;
        const listed = await this.listFile(uri);
        const file = this.controller.items.get(key);
        if (!listed || !file) continue;
        const items = this.itemsOf(file.children).map(([, item]) => item);
        const chosen = items.filter((item) => (ids === null || ids.has(item.id)) && !excluded.has(item.id));
        for (const item of chosen) run.enqueued(item);
        const indexes = chosen.map((item) => listed.cases.find((c) => caseId(key, c, listed.cases) === item.id)?.index ?? -1);
        const result = await this.request(uri, true, indexes.filter((i) => i >= 0));
        if (!result) {
          for (const item of chosen) this.report(run, outcomes, item, 'errored', [new vscode.TestMessage(vscode.l10n.t('The language server could not run these tests: {0}', vscode.l10n.t('no answer')))]);
          continue;
        }
        for (const item of chosen) {
          const info = result.cases.find((c) => caseId(key, c, result.cases) === item.id);
          if (result.problems.length > 0 || !info?.status) {
            this.report(run, outcomes, item, 'errored', result.problems.map((p) => this.message(p, uri)));
            continue;
          }
          run.started(item);
          if (info.status === 'passed') {
            this.report(run, outcomes, item, 'passed', []);
            continue;
          }
          const messages = (info.failures ?? []).map((f, i) => this.message(f, uri, i === 0 ? info : undefined));
          this.report(run, outcomes, item, info.status === 'error' ? 'errored' : 'failed', messages);
        }
      }
    } finally {
      run.end();
      this.finished.fire(outcomes);
    }
  }

  /** Tells VS Code how a case went, and records it for `onDidFinishRun`. */
  private report(run: vscode.TestRun, outcomes: CaseOutcome[], item: vscode.TestItem, state: CaseOutcome['state'], messages: vscode.TestMessage[]): void {
    if (state === 'passed') run.passed(item);
    else if (state === 'failed') run.failed(item, messages);
    else run.errored(item, messages);
    outcomes.push({
      id: item.id,
      label: item.label,
      state,
      messages: messages.map((m) => ({
        message: typeof m.message === 'string' ? m.message : m.message.value,
        uri: m.location?.uri.toString() ?? '',
        line: m.location ? m.location.range.start.line : null,
        expected: m.expectedOutput,
        actual: m.actualOutput,
      })),
    });
  }

  /** A message at its place; with `diff`, also the expected and actual transcripts. */
  private message(message: ScriptTestMessage, testUri: vscode.Uri, diff?: ScriptTestCaseInfo): vscode.TestMessage {
    const test =
      diff?.expected !== undefined && diff.actual !== undefined
        ? vscode.TestMessage.diff(message.message, diff.expected, diff.actual)
        : new vscode.TestMessage(message.message);
    const uri = message.uri ? this.client.protocol2CodeConverter.asUri(message.uri) : testUri;
    test.location = new vscode.Location(uri, toRange(message.range));
    return test;
  }

  private itemsOf(collection: vscode.TestItemCollection): Array<[string, vscode.TestItem]> {
    const out: Array<[string, vscode.TestItem]> = [];
    collection.forEach((item) => out.push([item.id, item]));
    return out;
  }
}

/** A case's id: its file and name, so renaming another case keeps its results; a repeated name adds its position. */
function caseId(fileId: string, info: ScriptTestCaseInfo, all: readonly ScriptTestCaseInfo[]): string {
  const repeated = all.some((other) => other !== info && other.name === info.name);
  return `${fileId}#${repeated ? `${info.name} (${info.index + 1})` : info.name}`;
}

function isTestFile(uri: vscode.Uri): boolean {
  return /\.sop-test\.ya?ml$/i.test(uri.path);
}

/** The open document's text (unsaved edits count), else the file's, on any file system. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function toRange(range: ScriptTestRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

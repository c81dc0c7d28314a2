/**
 * "SOP: Show Flow Graph": a webview beside the editor drawing the script's situations,
 * steps and jumps. The graph comes from the language server (`sop/graph`), so it is the
 * server's parse of the text as typed; the webview lays it out and draws it
 * (client/webview/graph/). One panel per script; it follows edits of the script and its
 * imports (debounced), the findings, and the cursor.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FlowGraph, FlowSituation, FlowStep } from '../../server/src/language/graph/flow-graph';
import { GRAPH_REQUEST, type GraphParams, type GraphResult } from '../../server/src/lsp/protocol';
import { parseGraphViewMessage, type GraphHostMessage, type GraphViewMessage } from '../webview/graph/messages';
import { FLOW_CSS } from '../webview/graph/svg';
import { webviewHtml, webviewOptions } from './webview-html';

export const GRAPH_VIEW_TYPE = 'sop.flowGraph';

const MESSAGES = {
  title: (name: string) => `Flow: ${name}`,
  openScript: 'SOP: open a .sop script to show its flow graph.',
  noGraph: 'SOP: no flow graph is open to export.',
  failed: (why: string) => `SOP: the flow graph could not be made: ${why}`,
  exported: (name: string) => `SOP: flow graph saved to ${name}.`,
  exportFailed: 'SOP: the flow graph view did not send its picture.',
  saveLabel: 'Export SVG',
  searchPlaceholder: 'Search situations and steps',
  zoomIn: 'Zoom in (+)',
  zoomOut: 'Zoom out (-)',
  fit: 'Fit (0)',
  export: 'Export SVG',
};

/** Edits and findings settle for this long before the graph is asked for again. */
const REFRESH_DELAY_MS = 300;
/** How long a command waits for the webview to draw or answer before giving up. */
const WEBVIEW_ANSWER_MS = 15_000;

/** What the webview reported it drew (the resolved value of `sop.showGraph`). */
export interface DrawnGraph {
  situations: number;
  steps: number;
  jumps: number;
  layoutMs: number;
  renderMs: number;
}

export class GraphPanels implements vscode.Disposable {
  private readonly panels = new Map<string, GraphPanel>();
  private lastShown: GraphPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((event) => this.each((p) => p.documentChanged(event.document.uri))),
      vscode.languages.onDidChangeDiagnostics((event) => this.each((p) => event.uris.forEach((uri) => p.documentChanged(uri)))),
      vscode.window.onDidChangeTextEditorSelection((event) => this.each((p) => p.cursorMoved(event.textEditor))),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && this.each((p) => p.cursorMoved(editor))),
    );
  }

  /** Opens (or reveals) the graph of `target`, or of the active script; resolves once drawn. */
  async show(target?: vscode.Uri, focus: string | null = null): Promise<DrawnGraph | undefined> {
    const uri = target ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showErrorMessage(MESSAGES.openScript);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'sop') {
      void vscode.window.showErrorMessage(MESSAGES.openScript);
      return undefined;
    }
    const key = document.uri.toString();
    let panel = this.panels.get(key);
    if (!panel) {
      panel = new GraphPanel(document.uri, this.extensionUri, this.client, this.output, () => {
        this.panels.delete(key);
        if (this.lastShown === panel) this.lastShown = undefined;
      });
      this.panels.set(key, panel);
    } else {
      panel.reveal();
    }
    this.lastShown = panel;
    return panel.refresh(focus);
  }

  /** "Export SVG" without the dialog when `target` is given (scripts, tests). */
  async exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const active = [...this.panels.values()].find((p) => p.active) ?? this.lastShown;
    if (!active) {
      void vscode.window.showErrorMessage(MESSAGES.noGraph);
      return undefined;
    }
    return active.exportSvg(target);
  }

  private each(fn: (panel: GraphPanel) => void): void {
    for (const panel of this.panels.values()) fn(panel);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

class GraphPanel {
  private readonly panel: vscode.WebviewPanel;
  private graph: FlowGraph | null = null;
  /** The graph's files as the editor names them, for matching events. */
  private files = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request = 0;
  private ready = false;
  private pending: GraphHostMessage[] = [];
  private drawnWaiters: Array<(drawn: DrawnGraph | undefined) => void> = [];
  private svgWaiters = new Map<number, (svg: string | undefined) => void>();
  private nextSvgId = 1;
  private cursorKey = '';

  constructor(
    private readonly root: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
    private readonly onDisposed: () => void,
  ) {
    this.files.add(root.toString());
    this.panel = vscode.window.createWebviewPanel(
      GRAPH_VIEW_TYPE,
      MESSAGES.title(basename(root)),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    this.panel.webview.html = this.html();
    this.panel.webview.onDidReceiveMessage((raw: unknown) => this.received(raw));
    this.panel.onDidDispose(() => this.disposed());
    // A hidden webview is discarded; when shown again it reloads and says `ready`.
    this.panel.onDidChangeViewState(() => {
      if (!this.panel.visible) this.ready = false;
    });
  }

  get active(): boolean {
    return this.panel.active;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel.dispose();
  }

  /** Asks the server for the graph and sends it to the webview; resolves when it is drawn. */
  async refresh(focus: string | null = null): Promise<DrawnGraph | undefined> {
    const request = ++this.request;
    let result: GraphResult;
    try {
      const params: GraphParams = { uri: this.client.code2ProtocolConverter.asUri(this.root) };
      result = await this.client.sendRequest<GraphResult>(GRAPH_REQUEST, params);
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    // A newer request was made meanwhile (the writer kept typing): its answer wins.
    if (request !== this.request) return undefined;
    if ('error' in result) {
      this.output.warn(MESSAGES.failed(result.error));
      this.post({ type: 'error', message: MESSAGES.failed(result.error) });
      return undefined;
    }
    this.graph = result.graph;
    this.files = new Set(result.graph.files.map((file) => this.client.protocol2CodeConverter.asUri(file).toString()));
    this.files.add(this.root.toString());
    const drawn = new Promise<DrawnGraph | undefined>((resolve) => {
      this.drawnWaiters.push(resolve);
      setTimeout(() => resolve(undefined), WEBVIEW_ANSWER_MS);
    });
    this.post({ type: 'graph', graph: result.graph, focus });
    const editor = vscode.window.activeTextEditor;
    if (editor) this.cursorMoved(editor, true);
    return drawn;
  }

  documentChanged(uri: vscode.Uri): void {
    if (!this.files.has(uri.toString())) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Highlights the situation (and step) the cursor is in, when it is in one of the graph's files. */
  cursorMoved(editor: vscode.TextEditor, force = false): void {
    if (!this.graph || !this.files.has(editor.document.uri.toString())) return;
    const line = editor.selection.active.line + 1;
    const file = this.graph.files.findIndex((f) => this.client.protocol2CodeConverter.asUri(f).toString() === editor.document.uri.toString());
    const situation = situationAt(this.graph.situations, file, line);
    const step = situation?.steps.find((s) => s.line === line) ?? null;
    const key = `${situation?.id ?? ''}\u0000${step?.node ?? ''}`;
    if (!force && key === this.cursorKey) return;
    this.cursorKey = key;
    this.post({ type: 'cursor', situation: situation?.id ?? null, node: step?.node ?? null });
  }

  async exportSvg(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const id = this.nextSvgId++;
    const svg = await new Promise<string | undefined>((resolve) => {
      this.svgWaiters.set(id, resolve);
      setTimeout(() => resolve(undefined), WEBVIEW_ANSWER_MS);
      this.post({ type: 'requestSvg', id });
    });
    this.svgWaiters.delete(id);
    if (svg === undefined) {
      void vscode.window.showErrorMessage(MESSAGES.exportFailed);
      return undefined;
    }
    return this.save(svg, target);
  }

  private async save(svg: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(this.root, '..', basename(this.root).replace(/\.sop$/i, '') + '.svg'),
        filters: { SVG: ['svg'] },
        saveLabel: MESSAGES.saveLabel,
      }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
    this.output.info(`Flow graph of ${this.root.toString()} → ${uri.toString()}`);
    if (!target) void vscode.window.showInformationMessage(MESSAGES.exported(basename(uri)));
    return uri;
  }

  private post(message: GraphHostMessage): void {
    if (!this.ready) {
      // Only the latest graph, cursor and focus matter (a hidden view may wait long).
      if (message.type !== 'requestSvg') this.pending = this.pending.filter((m) => m.type !== message.type);
      this.pending.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private received(raw: unknown): void {
    const message = parseGraphViewMessage(raw);
    if (!message) {
      this.output.warn('Ignored a malformed message from the flow graph view.');
      return;
    }
    this.handle(message);
  }

  private handle(message: GraphViewMessage): void {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const pending = this.pending;
        this.pending = [];
        // A reloaded view has lost its picture: send the last graph again.
        if (this.graph && !pending.some((m) => m.type === 'graph')) pending.unshift({ type: 'graph', graph: this.graph, focus: null });
        for (const m of pending) void this.panel.webview.postMessage(m);
        break;
      }
      case 'rendered': {
        const { type: _type, ...drawn } = message;
        this.output.debug(`Flow graph drawn: ${JSON.stringify(drawn)}`);
        for (const resolve of this.drawnWaiters.splice(0)) resolve(drawn);
        break;
      }
      case 'reveal': {
        const found = this.graph && findStep(this.graph, message.node);
        if (found) void this.revealLine(found.situation, found.step);
        break;
      }
      case 'revealSituation': {
        const situation = this.graph?.situations.find((s) => s.id === message.situation);
        if (situation) void this.revealLine(situation, null);
        break;
      }
      case 'svg': {
        if (message.id === null) void this.save(message.svg);
        else this.svgWaiters.get(message.id)?.(message.svg);
        break;
      }
    }
  }

  /** Shows the step's (or situation's) line in the editor, beside the graph. */
  private async revealLine(situation: FlowSituation, step: FlowStep | null): Promise<void> {
    const file = this.graph?.files[situation.file];
    if (file === undefined) return;
    const uri = this.client.protocol2CodeConverter.asUri(file);
    const position = new vscode.Position((step?.line ?? situation.line) - 1, (step?.column ?? situation.column) - 1);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private disposed(): void {
    clearTimeout(this.timer);
    for (const resolve of this.drawnWaiters.splice(0)) resolve(undefined);
    for (const resolve of this.svgWaiters.values()) resolve(undefined);
    this.onDisposed();
  }

  private html(): string {
    return webviewHtml(this.panel.webview, this.extensionUri, {
      title: MESSAGES.title(basename(this.root)),
      script: 'graph',
      style: 'graph',
      inlineStyle: FLOW_CSS,
      body: `<div class="toolbar">
  <input id="search" type="search" placeholder="${MESSAGES.searchPlaceholder}" aria-label="${MESSAGES.searchPlaceholder}">
  <span id="matches" class="muted"></span>
  <span class="spacer"></span>
  <span id="summary" class="muted"></span>
  <button id="zoom-out" title="${MESSAGES.zoomOut}" aria-label="${MESSAGES.zoomOut}">−</button>
  <button id="zoom-in" title="${MESSAGES.zoomIn}" aria-label="${MESSAGES.zoomIn}">+</button>
  <button id="fit" title="${MESSAGES.fit}">Fit</button>
  <button id="export">${MESSAGES.export}</button>
</div>
<div id="problem" hidden></div>
<div id="canvas"><div id="stage"></div></div>`,
    });
  }
}

/** The situation of `file` whose text holds `line`: the last one starting at or before it. */
export function situationAt(situations: readonly FlowSituation[], file: number, line: number): FlowSituation | undefined {
  let best: FlowSituation | undefined;
  for (const s of situations) {
    if (s.file === file && s.line <= line && (!best || s.line > best.line)) best = s;
  }
  return best;
}

function findStep(graph: FlowGraph, node: string): { situation: FlowSituation; step: FlowStep } | undefined {
  for (const situation of graph.situations) {
    const step = situation.steps.find((s) => s.node === node);
    if (step) return { situation, step };
  }
  return undefined;
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

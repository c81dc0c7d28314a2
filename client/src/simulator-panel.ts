/**
 * "SOP: Simulate Situation": a panel that plays a situation as the IVR would, on the
 * language server's simulation engine (`sop/simulate`, the same walk as `sop simulate`).
 * The panel keeps the caller's answers; each click adds one and the call is replayed from
 * the start, stopping at the next wait. The step the call is at is highlighted in the
 * editor. Edits to the script replay the same answers on the new text.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SIMULATE_REQUEST, type SimulateParams, type SimulateResult } from '../../server/src/lsp/protocol';
import { parseSimulatorViewMessage, type SimulatorHostMessage, type SimulatorState, type SimulatorViewMessage } from '../webview/simulator/messages';
import { webviewHtml, webviewOptions } from './webview-html';

export const SIMULATOR_VIEW_TYPE = 'sop.simulator';

const MESSAGES = {
  title: (situation: string) => `Simulate: ${situation}`,
  openScript: 'SOP: open a .sop script to simulate one of its situations.',
  noSimulation: 'SOP: no simulation is running; run "SOP: Simulate Situation" first.',
  notWaiting: 'SOP: the call is not waiting for the caller.',
  failed: (why: string) => `SOP: the situation could not be simulated: ${why}`,
  situation: 'Situation',
  restart: 'Restart',
  back: 'Back',
  silent: 'Caller silent',
  answers: 'Caller answers',
  after: 'after',
  seconds: 's',
  replyAfterTitle: 'Seconds into the wait when the caller answers (empty: at once)',
};

const REFRESH_DELAY_MS = 300;

type Answer = SimulateParams['events'][number];

export class SimulatorPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private root: vscode.Uri | undefined;
  private situation: string | undefined;
  private answers: Answer[] = [];
  private vars: Record<string, string> = {};
  private result: SimulateResult | undefined;
  private ready = false;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('editor.stackFrameHighlightBackground'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.rangeHighlightForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      this.highlight,
      vscode.workspace.onDidChangeTextDocument((event) => this.documentChanged(event.document)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.decorate()),
    );
  }

  /**
   * Starts playing `situation` of `target` (default: the active script, the situation at
   * the cursor) from the beginning. Resolves to the state once the first wait is reached.
   */
  async start(target?: vscode.Uri, situation?: string): Promise<SimulatorState | undefined> {
    const editor = vscode.window.activeTextEditor;
    const uri = target ?? editor?.document.uri;
    if (!uri) {
      void vscode.window.showErrorMessage(MESSAGES.openScript);
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'sop') {
      void vscode.window.showErrorMessage(MESSAGES.openScript);
      return undefined;
    }
    this.root = document.uri;
    this.situation = situation;
    this.answers = [];
    this.openPanel();
    let state = await this.run();
    // From the palette: the situation the cursor is in.
    if (situation === undefined && state && editor && editor.document.uri.toString() === document.uri.toString()) {
      const at = situationAtCursor(state.result, this.client.code2ProtocolConverter.asUri(document.uri), editor.selection.active.line + 1);
      if (at && at !== state.result.situation) {
        this.situation = at;
        state = await this.run();
      }
    }
    return state;
  }

  /** The caller's answer at the current wait; resolves to the new state. */
  async answer(event: 'silence' | 'reply', afterMs: number | null = null): Promise<SimulatorState | undefined> {
    if (!this.result) {
      void vscode.window.showErrorMessage(MESSAGES.noSimulation);
      return undefined;
    }
    if (!this.result.waiting) {
      void vscode.window.showInformationMessage(MESSAGES.notWaiting);
      return this.state();
    }
    this.answers.push({ event, afterMs: event === 'reply' ? afterMs : null });
    return this.run();
  }

  async back(): Promise<SimulatorState | undefined> {
    if (!this.result) return undefined;
    this.answers.pop();
    return this.run();
  }

  async restart(): Promise<SimulatorState | undefined> {
    if (!this.result) return undefined;
    this.answers = [];
    return this.run();
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private openPanel(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SIMULATOR_VIEW_TYPE,
      MESSAGES.title(this.situation ?? ''),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The transcript is cheap to send again, so a hidden panel is not kept alive.
      webviewOptions(this.extensionUri),
    );
    this.panel = panel;
    this.ready = false;
    void vscode.commands.executeCommand('setContext', 'sop.simulatorOpen', true);
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseSimulatorViewMessage(raw);
      if (!message) this.output.warn('Ignored a malformed message from the simulator view.');
      else void this.handle(message);
    });
    panel.onDidChangeViewState(() => {
      if (!panel.visible) this.ready = false;
    });
    panel.onDidDispose(() => {
      void vscode.commands.executeCommand('setContext', 'sop.simulatorOpen', false);
      this.panel = undefined;
      this.result = undefined;
      this.answers = [];
      clearTimeout(this.timer);
      this.decorate();
    });
  }

  private async handle(message: SimulatorViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        break;
      case 'answer':
        await this.answer(message.event, message.afterMs);
        break;
      case 'back':
        await this.back();
        break;
      case 'restart':
        await this.restart();
        break;
      case 'situation':
        // Only a situation of the script (the webview names it; the server listed them).
        if (this.result?.situations.some((s) => s.id === message.id)) {
          this.situation = message.id;
          this.answers = [];
          await this.run();
        }
        break;
      case 'vars': {
        const declared = new Set(this.result?.variables ?? []);
        this.vars = Object.fromEntries(Object.entries(message.vars).filter(([name]) => declared.has(name)));
        await this.run();
        break;
      }
      case 'reveal': {
        const line = this.result?.lines[message.index];
        if (line) await this.reveal(line.file, line.line, line.column);
        break;
      }
    }
  }

  /** Plays the call with the answers so far and shows the result. */
  private async run(): Promise<SimulatorState | undefined> {
    if (!this.root) return undefined;
    const request = ++this.request;
    let result: SimulateResult;
    try {
      const params: SimulateParams = {
        uri: this.client.code2ProtocolConverter.asUri(this.root),
        situation: this.situation,
        events: this.answers,
        vars: this.vars,
      };
      result = await this.client.sendRequest<SimulateResult>(SIMULATE_REQUEST, params);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.output.warn(MESSAGES.failed(why));
      void vscode.window.showErrorMessage(MESSAGES.failed(why));
      return undefined;
    }
    if (request !== this.request) return this.state();
    if (result.error) {
      void vscode.window.showErrorMessage(MESSAGES.failed(result.error));
      return undefined;
    }
    this.result = result;
    this.situation = result.situation;
    // An edit may have removed waits: keep only the answers the call still uses.
    if (!result.waiting && this.answers.length > result.lines.filter((l) => l.type === 'wait').length) {
      this.answers = this.answers.slice(0, result.lines.filter((l) => l.type === 'wait').length);
    }
    if (this.panel) this.panel.title = MESSAGES.title(result.situation);
    this.post();
    this.decorate();
    return this.state();
  }

  private state(): SimulatorState | undefined {
    return this.result && { result: this.result, vars: { ...this.vars }, answers: this.answers.length };
  }

  private post(): void {
    const state = this.state();
    if (!this.panel || !this.ready || !state) return;
    const message: SimulatorHostMessage = { type: 'state', state };
    void this.panel.webview.postMessage(message);
  }

  /** Highlights the step the call is at (the wait it stopped at, or the last step) in every editor showing it. */
  private decorate(): void {
    const at = this.result?.waiting ?? this.result?.lines[this.result.lines.length - 1];
    const uri = at && this.client.protocol2CodeConverter.asUri(at.file).toString();
    for (const editor of vscode.window.visibleTextEditors) {
      if (this.panel && at && editor.document.uri.toString() === uri) {
        const line = Math.min(at.line - 1, editor.document.lineCount - 1);
        const range = editor.document.lineAt(line).range;
        editor.setDecorations(this.highlight, [range]);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      } else {
        editor.setDecorations(this.highlight, []);
      }
    }
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (!this.panel || !this.result || document.languageId !== 'sop') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), REFRESH_DELAY_MS);
  }

  private async reveal(file: string, line: number, column: number): Promise<void> {
    const uri = this.client.protocol2CodeConverter.asUri(file);
    const position = new vscode.Position(line - 1, column - 1);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    await vscode.window.showTextDocument(uri, {
      viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
  }

  private html(webview: vscode.Webview): string {
    const m = MESSAGES;
    return webviewHtml(webview, this.extensionUri, {
      title: m.title(this.situation ?? ''),
      script: 'simulator',
      style: 'simulator',
      body: `<div class="bar">
  <label for="situation" class="muted">${m.situation}</label>
  <select id="situation"></select>
  <button id="restart" class="secondary">${m.restart}</button>
  <button id="back" class="secondary" disabled>${m.back}</button>
</div>
<div id="vars" hidden></div>
<ol id="transcript" aria-live="polite"></ol>
<div id="outcome" class="outcome" hidden></div>
<div id="prompt" class="prompt" hidden></div>
<div class="answers">
  <button id="silent" disabled>${m.silent}</button>
  <button id="answers" disabled>${m.answers}</button>
  <label class="muted" title="${m.replyAfterTitle}">${m.after} <input id="reply-after" type="number" min="0" step="0.5" disabled> ${m.seconds}</label>
</div>`,
    });
  }
}

/** The situation of the script's own file holding `line` (the last one starting at or before it). */
function situationAtCursor(result: SimulateResult, file: string, line: number): string | undefined {
  let best: { id: string; line: number } | undefined;
  for (const s of result.situations) if (s.file === file && s.line <= line && (!best || s.line > best.line)) best = s;
  return best?.id;
}

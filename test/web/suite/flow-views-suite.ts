/**
 * The flow graph and the call simulator in a real VS Code. What the webviews draw is
 * reported back by them ("rendered" counts, taken from their DOM), and the simulator is
 * driven by the same commands its buttons send; `check-flow-views.mjs` then clicks the
 * real webviews with Playwright.
 *
 * flow.sop has 4 situations (one imported) with 10 + 4 + 2 + 4 = 20 steps and 2 jumps
 * (greeting → silent_call, closing → the imported farewell_polite).
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import { openScript, waitUntil, workspaceFile } from './helpers';

interface DrawnGraph {
  situations: number;
  steps: number;
  jumps: number;
}

interface SimulatorState {
  result: {
    situation: string;
    lines: Array<{ clock: string; text: string; type: string; line: number }>;
    outcome: { kind: string; text: string };
    waiting: { line: number } | null;
  };
  answers: number;
}

const webviewTab = (label: string) =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === label);

export function defineFlowViewTests(): void {
  suite('Flow graph and call simulator', () => {
    test('"SOP: Show Flow Graph" draws one node per step and an arrow per jump, across imports', async () => {
      await openScript('flow.sop');
      const drawn = await vscode.commands.executeCommand<DrawnGraph | undefined>('sop.showGraph');
      assert.ok(drawn, 'the webview reported what it drew');
      assert.strictEqual(drawn.situations, 4, 'situations');
      assert.strictEqual(drawn.steps, 20, 'steps');
      assert.strictEqual(drawn.jumps, 2, 'jumps');
      // The tabs API learns of a new tab a moment after the panel exists.
      await waitUntil(() => webviewTab('Flow: flow.sop') !== undefined, 'a "Flow: flow.sop" tab is open');
    });

    test('"Export Flow Graph as SVG" writes the picture with the theme colours', async () => {
      const target = workspaceFile('flow-export.svg');
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sop.exportGraphSvg', target);
      assert.ok(written, 'the command reports the file it wrote');
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
      assert.strictEqual((svg.match(/data-node="/g) ?? []).length, 20, 'one row per step');
      assert.strictEqual((svg.match(/data-jump="/g) ?? []).length, 2, 'one arrow per jump');
      assert.ok(!svg.includes('var(--flow'), 'colours are written in, not theme variables');
      assert.match(svg, /stroke: (#|rgb)/, 'a concrete colour from the theme');
      await vscode.workspace.fs.delete(target);
    });

    test('a CodeLens "Graph" and "Simulate" sits on each situation', async () => {
      const { document } = await openScript('flow.sop');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const titles = lenses.filter((l) => l.range.start.line === 4).map((l) => l.command?.title);
      assert.strictEqual(JSON.stringify(titles), JSON.stringify(['Graph', 'Simulate']));
      assert.strictEqual(lenses.length, 6, 'two per situation of the file');
    });

    test('the simulator plays silent_call through silence, silence, silence to the hang-up', async () => {
      // Started as a click on silent_call's "Simulate" CodeLens would: its command and arguments.
      const { document } = await openScript('flow.sop');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const lens = lenses.find((l) => l.range.start.line === 4 && l.command?.title === 'Simulate');
      assert.ok(lens?.command, 'a Simulate lens on silent_call');
      let state = await vscode.commands.executeCommand<SimulatorState | undefined>(lens.command.command, ...(lens.command.arguments ?? []));
      assert.ok(state, 'the simulator started');
      assert.strictEqual(state.result.waiting?.line, 7, 'waits for the caller at the first wait');
      for (let i = 0; i < 3; i++) state = await vscode.commands.executeCommand<SimulatorState>('sop.simulator.callerSilent');
      const transcript = state!.result.lines.map((l) => `${l.clock} ${l.text}`);
      assert.strictEqual(
        transcript.join('\n'),
        [
          '[00:00.0] SAY "您好!请问有什么可以帮您?"',
          '[00:03.8] WAIT 5s → silence',
          '[00:08.8] SAY "您好,请问有什么可以帮您?"',
          '[00:12.3] WAIT 5s → silence',
          '[00:17.3] SAY "对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见!"',
          '[00:25.5] WAIT 5s → silence',
          '[00:30.5] HANGUP',
        ].join('\n'),
      );
      assert.strictEqual(state!.result.outcome.text, 'outcome: hangup at 00:30.5');
      await waitUntil(() => webviewTab('Simulate: silent_call') !== undefined, 'a "Simulate: silent_call" tab is open');

      // Back undoes the last answer; Restart goes back to the first wait.
      state = await vscode.commands.executeCommand<SimulatorState>('sop.simulator.back');
      assert.strictEqual(state!.result.waiting?.line, 14, 'waits again at the last wait');
      assert.strictEqual(state!.answers, 2);
      state = await vscode.commands.executeCommand<SimulatorState>('sop.simulator.callerAnswers');
      assert.strictEqual(state!.result.outcome.kind, 'agent-takeover');
      state = await vscode.commands.executeCommand<SimulatorState>('sop.simulator.restart');
      assert.strictEqual(state!.result.lines.length, 1);
      assert.strictEqual(state!.result.waiting?.line, 7);
    });
  });
}

/**
 * Script tests in the Test Explorer, in a real VS Code: the controller lists the
 * workspace's `*.sop-test.yaml` with one item per case at its lines, and running through
 * VS Code's own commands ("Run Test at Cursor", as the gutter's ▶ does, and "Run All
 * Tests") reports a passing and a failing case, the failure at the line that expected it
 * with the expected and actual transcripts for the diff view.
 *
 * Kept apart from `editor-suite.ts` (another area's tests); `index.ts` registers it.
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import type { CaseOutcome, ScriptTestsApi } from '../../../client/src/testing/script-test-controller';
import { EXTENSION_ID, DEADLINE_MS, waitUntil, workspaceFile } from './helpers';

const TEST_FILE = 'testing/calls.sop-test.yaml';
const PASSING = 'a silent caller is hung up on';
const FAILING = 'a silent caller is transferred';

async function scriptTests(): Promise<ScriptTestsApi> {
  const extension = vscode.extensions.getExtension<{ scriptTests: ScriptTestsApi }>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test editor`);
  const api = await extension.activate();
  await api.scriptTests.ready;
  return api.scriptTests;
}

/** Runs `command` and resolves with the outcomes of the run it starts. */
function outcomesOf(api: ScriptTestsApi, command: string): Promise<CaseOutcome[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for the run started by ${command}`));
    }, DEADLINE_MS);
    const subscription = api.onDidFinishRun((outcomes) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(outcomes);
    });
    void vscode.commands.executeCommand(command);
  });
}

function fileItem(api: ScriptTestsApi): vscode.TestItem | undefined {
  return api.controller.items.get(workspaceFile(TEST_FILE).toString());
}

function children(item: vscode.TestItem): vscode.TestItem[] {
  const out: vscode.TestItem[] = [];
  item.children.forEach((child) => out.push(child));
  return out.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
}

export function defineScriptTestTests(): void {
  suite('SOP script tests in the Test Explorer', () => {
    test('lists each test file with one item per case, at the case\'s lines', async () => {
      const api = await scriptTests();
      await waitUntil(() => (fileItem(api)?.children.size ?? 0) === 2, `${TEST_FILE} is listed with its two cases`);
      const file = fileItem(api)!;
      assert.strictEqual(file.label, 'calls.sop-test.yaml');
      const [first, second] = children(file);
      assert.strictEqual(first.label, PASSING);
      assert.strictEqual(second.label, FAILING);
      assert.strictEqual(first.range?.start.line, 1, 'the first case starts on line 2');
      assert.strictEqual(second.range?.start.line, 8, 'the second case starts on line 9');
    });

    test('"Run Test at Cursor" (the gutter\'s ▶) runs the failing case: failed, at its line, with a diff', async () => {
      const api = await scriptTests();
      const document = await vscode.workspace.openTextDocument(workspaceFile(TEST_FILE));
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(9, 4, 9, 4);
      const outcomes = await outcomesOf(api, 'testing.runAtCursor');
      assert.strictEqual(outcomes.length, 1, `one case ran: ${JSON.stringify(outcomes.map((o) => o.label))}`);
      const [failed] = outcomes;
      assert.strictEqual(failed.label, FAILING);
      assert.strictEqual(failed.state, 'failed');
      const [message] = failed.messages;
      assert.match(message.message, /^expected a transfer to 投诉处理组, but it hung up at 00:\d\d\.\d$/);
      assert.strictEqual(message.line, 11, 'the message is on the outcome line');
      assert.strictEqual(message.uri, workspaceFile(TEST_FILE).toString());
      assert.match(message.expected ?? '', /^outcome: transferred to 投诉处理组$/m);
      assert.match(message.actual ?? '', /^outcome: hangup at /m);
    });

    test('"Run All Tests" reports the passing case passed and the failing one failed', async () => {
      const api = await scriptTests();
      const outcomes = await outcomesOf(api, 'testing.runAll');
      const state = (label: string) => outcomes.find((o) => o.label === label)?.state;
      assert.strictEqual(state(PASSING), 'passed');
      assert.strictEqual(state(FAILING), 'failed');
      // The case of the broken file cannot run: it errors, with the file's problem.
      const broken = outcomes.find((o) => o.label === 'names a situation the script does not have');
      assert.strictEqual(broken?.state, 'errored');
      assert.match(broken?.messages[0]?.message ?? '', /no situation "silnet"/);
    });

    test('a test file naming an unknown situation is underlined there and marked in the Test Explorer', async () => {
      const api = await scriptTests();
      const uri = workspaceFile('testing/broken.sop-test.yaml');
      await waitUntil(() => vscode.languages.getDiagnostics(uri).length > 0, 'the broken test file has a diagnostic');
      const [diagnostic] = vscode.languages.getDiagnostics(uri);
      assert.strictEqual(diagnostic.range.start.line, 4, 'on the situation line');
      assert.match(diagnostic.message, /^no situation "silnet" in calls\.sop .+ did you mean "silent"\?$/);
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
      assert.match(api.controller.items.get(uri.toString())?.error?.toString() ?? '', /silnet/);
    });

    test('an edit to the test file counts before it is saved', async () => {
      const api = await scriptTests();
      const document = await vscode.workspace.openTextDocument(workspaceFile(TEST_FILE));
      const editor = await vscode.window.showTextDocument(document);
      const line = document.lineAt(11);
      assert.match(line.text, /transfer: 投诉处理组/);
      await editor.edit((edit) => edit.replace(line.range, '    outcome: hangup'));
      try {
        const outcomes = await outcomesOf(api, 'testing.runAll');
        assert.strictEqual(outcomes.find((o) => o.label === FAILING)?.state, 'passed');
      } finally {
        // Discards the edit, so the fixture stays as it is on disk and nothing asks to save it.
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    });
  });
}

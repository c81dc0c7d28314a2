/**
 * What a script writer sees in a real VS Code, checked in VS Code for the Web (the web
 * entry, server in a worker) and, on machines that have it, desktop VS Code (the Node
 * entry). Both runners call `defineEditorTests` after installing mocha's `tdd` globals.
 *
 * Not a `*.test.ts` file on purpose: it needs the `vscode` API and cannot run under plain
 * mocha with the unit tests.
 */
import * as assert from './assert';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  exists,
  openScript,
  ruleOf,
  waitForDiagnostics,
  waitUntil,
  workspaceFile,
} from './helpers';

const hasRule = (rule: string) => (diagnostics: readonly vscode.Diagnostic[]) =>
  diagnostics.some((d) => ruleOf(d) === rule);

/** Fixes that silence a finding instead of repairing it. */
const SUPPRESSION = /sop-disable|suppress|disable|忽略|禁用/i;

export function defineEditorTests(): void {
  suite('SOP Studio in a real VS Code', () => {
    test('opening a .sop file activates the extension', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed in the test editor`);
      const editor = await openScript('activation.sop');
      assert.strictEqual(editor.document.languageId, 'sop');
      await waitUntil(() => extension.isActive, 'the extension is active');
    });

    test('the server reports a wait with nothing after it as missing-fallback', async () => {
      const { document } = await openScript('missing-fallback.sop');
      const diagnostics = await waitForDiagnostics(document.uri, hasRule('missing-fallback'), 'missing-fallback');
      const finding = diagnostics.find((d) => ruleOf(d) === 'missing-fallback');
      assert.ok(finding);
      assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Error);
      assert.strictEqual(finding.range.start.line, 3, 'the finding is on the `wait` line');
      assert.match(document.getText(finding.range), /^wait 5s/);
    });

    test('a quick fix adds the missing fallback and the finding goes away', async () => {
      const { document } = await openScript('quick-fix.sop');
      const diagnostics = await waitForDiagnostics(document.uri, hasRule('missing-fallback'), 'missing-fallback');
      const finding = diagnostics.find((d) => ruleOf(d) === 'missing-fallback')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        finding.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const titles = actions.map((a) => a.title);
      // Only the finding's own range was asked for, so these are its fixes (VS Code drops
      // `diagnostics` from the actions this command returns); take the first real repair.
      const fix = actions.find((a) => !SUPPRESSION.test(a.title));
      assert.ok(fix, `no repairing quick fix for missing-fallback; offered: ${JSON.stringify(titles)}`);
      const before = document.getText();
      if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

      assert.notStrictEqual(document.getText(), before, 'the quick fix changed the document');
      assert.match(document.getText(), /fallback|兜底/);
      await waitForDiagnostics(document.uri, (ds) => !hasRule('missing-fallback')(ds), 'missing-fallback to go away');
    });

    test('completion after goto offers situation ids of the file and its imports', async () => {
      const { document } = await openScript('completion.sop');
      // Diagnostics (the half-typed `goto` is a syntax error) show the server has read the
      // file and its import, as they would have by the time a user types.
      await waitForDiagnostics(document.uri, (ds) => ds.length > 0, 'the first diagnostics');
      const line = document.lineAt(7);
      assert.match(line.text, /goto $/);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        line.range.end,
      );
      const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
      // VS Code adds plain-word completions (kind Text) of its own; the imported id can only
      // come from the server, which read a file that no editor has open.
      const fromServer = list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Text);
      const labels = fromServer.map(labelOf);
      assert.ok(labels.includes('farewell_polite'), `imported id missing; server offered ${JSON.stringify(labels)}`);
      assert.ok(labels.includes('greet'), `own id missing; server offered ${JSON.stringify(labels)}`);
    });

    test('"SOP: Compile to JSON" writes the JSON beside the script and opens it', async () => {
      await openScript('compile-ok.sop');
      const output = workspaceFile('compile-ok.json');
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sop.compile');
      assert.ok(written, 'the command reports the file it wrote');
      assert.strictEqual(written.toString(), output.toString());
      const compiled = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(output)));
      assert.strictEqual(compiled.format, 'sop-script/1');
      assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), output.toString());
    });

    test('"SOP: Compile to JSON" on a script with errors writes nothing', async () => {
      const { document } = await openScript('compile-broken.sop');
      await waitForDiagnostics(document.uri, hasRule('missing-fallback'), 'missing-fallback');
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('sop.compile', document.uri);
      assert.strictEqual(written, undefined);
      assert.strictEqual(await exists(workspaceFile('compile-broken.json')), false);
    });

    test('sop.config.json is checked against the shipped schema', async () => {
      // VS Code's JSON support reports this, from the schema our manifest points it to; the
      // SOP server does not see the file, as no script next to it is open.
      const { document } = await openScript('json-schema/sop.config.json');
      const diagnostics = await waitForDiagnostics(
        document.uri,
        (ds) => ds.some((d) => d.range.start.line === 2),
        'a schema error on the unknown rule',
      );
      const finding = diagnostics.find((d) => d.range.start.line === 2)!;
      assert.match(document.getText(finding.range), /no-such-rule/);
      // The JSON language service's wording for `additionalProperties: false`.
      assert.match(finding.message, /not allowed/);
    });

    test('"SOP: Restart Language Server" brings the findings back', async () => {
      await vscode.commands.executeCommand('sop.restartServer');
      const { document } = await openScript('restart.sop');
      await waitForDiagnostics(document.uri, hasRule('missing-fallback'), 'missing-fallback after a restart');
    });
  });
}

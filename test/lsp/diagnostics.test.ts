/**
 * Diagnostics over a real stdio connection: what an author sees in the Problems panel as
 * they open and edit scripts, change settings, edit an imported file or the configuration.
 */
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { generateScript } from '../../bench/generate';
import { LspTestClient, messageOf, TestWorkspace } from './lsp-client';

const RULES_DOC = 'https://github.com/sop-studio/sop-studio/blob/main/docs/rules.md';

const CLEAN = `situation closing "通话结束" {
  say "感谢您的来电,再见!"
  wait 5s
  hangup
}
`;

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

describe('LSP diagnostics', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let ws: TestWorkspace;
  let settings: Record<string, Record<string, unknown>> = {};

  before(async () => {
    ws = new TestWorkspace();
    client = await LspTestClient.start({ settings: (scope) => (scope ? settings[scope] : undefined) ?? {} });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  it('advertises incremental sync, code actions and formatting', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.documentFormattingProvider);
    assert.ok(caps.codeActionProvider);
  });

  it('publishes findings for the opened version, with rule, link, source and severity', async () => {
    const uri = ws.uri('open.sop');
    const text = `var 姓氏
situation a "A" {
  say "我不知道"
  wait 5s
  hangup
  say "多余"
}
`;
    const diagnostics = await client.open(uri, text);
    const banned = diagnostics.find((d) => d.code === 'banned-phrase');
    assert.ok(banned, JSON.stringify(diagnostics));
    assert.equal(banned.source, 'sop');
    assert.equal(banned.severity, DiagnosticSeverity.Error);
    assert.equal(banned.codeDescription?.href, `${RULES_DOC}#banned-phrase`);
    // The range covers the phrase itself (line 3, inside the quotes).
    assert.deepEqual(banned.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 11 } });

    const unreachable = diagnostics.find((d) => d.code === 'unreachable-step');
    assert.equal(unreachable?.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(unreachable?.tags, [DiagnosticTag.Unnecessary]);
    const unused = diagnostics.find((d) => d.code === 'unused-variable');
    assert.equal(unused?.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(unused?.tags, [DiagnosticTag.Unnecessary]);
  });

  it('re-checks after an incremental change and clears what was fixed', async () => {
    const uri = ws.uri('change.sop');
    const before = await client.open(uri, CLEAN.replace('再见!"', '我不知道"'));
    assert.ok(codes(before).includes('banned-phrase'));
    // Replace "我不知道" (line 2) by "再见!" with a ranged edit, as the editor sends it.
    const line = CLEAN.replace('再见!"', '我不知道"').split('\n')[1];
    const start = line.indexOf('我不知道');
    const after = await client.change(uri, [
      { range: { start: { line: 1, character: start }, end: { line: 1, character: start + 4 } }, text: '再见!' },
    ]);
    assert.deepEqual(after, []);
  });

  it('reports a syntax error in a half-typed script and keeps the rest checked', async () => {
    const uri = ws.uri('half.sop');
    const diagnostics = await client.open(uri, `situation a {\n  say "我不知道"\n  wai\n}\nsituation b {\n  sa`);
    assert.ok(codes(diagnostics).includes('syntax'));
    assert.ok(codes(diagnostics).includes('banned-phrase'));
  });

  it('applies the sop.rules setting of the document\'s resource', async () => {
    const uri = ws.uri('settings/quiet.sop');
    settings[uri] = { rules: { 'banned-phrase': 'off', 'unreachable-step': 'error' } };
    try {
      const diagnostics = await client.open(uri, `situation a {\n  say "我不知道"\n  hangup\n  say "x"\n}\n`);
      assert.ok(!codes(diagnostics).includes('banned-phrase'));
      assert.equal(diagnostics.find((d) => d.code === 'unreachable-step')?.severity, DiagnosticSeverity.Error);
      // Changing the settings re-checks with the new ones.
      settings = {};
      const next = client.diagnosticsFor(uri, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const published = await next;
      assert.ok(codes(published.diagnostics).includes('banned-phrase'));
    } finally {
      settings = {};
    }
  });

  it('re-checks an open importer when the imported open file changes', async () => {
    const lib = ws.uri('imports/lib.sop');
    const main = ws.uri('imports/main.sop');
    await client.open(lib, CLEAN);
    const first = await client.open(main, `import "lib.sop"\nsituation start {\n  say "您好"\n  wait 5s\n  fallback goto closing\n}\n`);
    assert.deepEqual(codes(first), []);
    // Renaming the situation in the library leaves the importer's goto dangling.
    const importer = client.waitForDiagnostics(main, (p) => codes(p.diagnostics).includes('unknown-situation'));
    await client.change(lib, CLEAN.replace('situation closing', 'situation goodbye'));
    const rechecked = await importer;
    assert.equal(rechecked.version, 1, 'the importer itself did not change');
  });

  it('re-checks an open importer when a closed imported file changes on disk', async () => {
    ws.write('disk/lib.sop', CLEAN);
    const main = ws.uri('disk/main.sop');
    const first = await client.open(main, `import "lib.sop"\nsituation start {\n  say "您好"\n  wait 5s\n  fallback goto closing\n}\n`);
    assert.deepEqual(codes(first), []);
    const importer = client.waitForDiagnostics(main, (p) => codes(p.diagnostics).includes('unknown-situation'));
    const lib = ws.write('disk/lib.sop', CLEAN.replace('situation closing', 'situation goodbye'));
    await client.filesChanged([{ uri: lib, type: FileChangeType.Changed }]);
    await importer;
    // And a deleted import is reported as unresolved.
    const unresolved = client.waitForDiagnostics(main, (p) => codes(p.diagnostics).includes('unresolved-import'));
    ws.remove('disk/lib.sop');
    await client.filesChanged([{ uri: lib, type: FileChangeType.Deleted }]);
    await unresolved;
  });

  it('publishes configuration errors on sop.config.json itself', async () => {
    const config = ws.write('bad-config/sop.config.json', '{\n  "rules": { "long-phrase": "loud" }\n}\n');
    const onConfig = client.waitForDiagnostics(config);
    await client.open(ws.uri('bad-config/a.sop'), CLEAN);
    const published = await onConfig;
    assert.equal(published.diagnostics.length, 1);
    const [problem] = published.diagnostics;
    assert.equal(problem.code, 'config');
    assert.equal(problem.source, 'sop');
    assert.deepEqual(problem.range.start, { line: 1, character: 28 });
    assert.match(messageOf(problem), /"loud" is not a severity/);

    // Fixing the file clears them.
    const cleared = client.waitForDiagnostics(config, (p) => p.diagnostics.length === 0);
    ws.write('bad-config/sop.config.json', '{ "rules": { "long-phrase": "off" } }\n');
    await client.filesChanged([{ uri: config, type: FileChangeType.Changed }]);
    await cleared;
  });

  it('re-checks every open script when sop.config.json changes', async () => {
    const uri = ws.uri('config-change/a.sop');
    const before = await client.open(uri, `situation a {\n  say "我不知道"\n  hangup\n}\n`);
    assert.ok(codes(before).includes('banned-phrase'));
    const rechecked = client.waitForDiagnostics(uri, (p) => !codes(p.diagnostics).includes('banned-phrase'));
    const config = ws.write('config-change/sop.config.json', '{ "rules": { "banned-phrase": "off" } }\n');
    await client.filesChanged([{ uri: config, type: FileChangeType.Created }]);
    await rechecked;

    const back = client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('banned-phrase'));
    ws.remove('config-change/sop.config.json');
    await client.filesChanged([{ uri: config, type: FileChangeType.Deleted }]);
    await back;
  });

  it('asks the client to watch scripts and sop.config.json', async () => {
    await client.open(ws.uri('watch.sop'), CLEAN);
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), client.registrations.join());
  });

  it('checks a small script while a large one opened before it is still being checked', async () => {
    // Both are scheduled in the order they were opened; only a server that checks the
    // large one in slices can finish the small one first.
    const order: string[] = [];
    const large = client.open(ws.uri('large.sop'), generateScript(5_000)).then(() => order.push('large'));
    const small = client.open(ws.uri('small.sop'), CLEAN).then(() => order.push('small'));
    await Promise.all([large, small]);
    assert.deepEqual(order, ['small', 'large']);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = ws.uri('closed.sop');
    assert.ok((await client.open(uri, `situation a {\n  say "我不知道"\n  hangup\n}\n`)).length > 0);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
  });
});

describe('LSP diagnostics with the default debounce', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let ws: TestWorkspace;

  before(async () => {
    ws = new TestWorkspace();
    client = await LspTestClient.start({ initializationOptions: {} });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  it('checks a change only once the author pauses, for the latest text', async () => {
    const uri = ws.uri('typing.sop');
    await client.open(uri, CLEAN);
    // Two keystrokes in quick succession: the first one's check is superseded.
    const second = client.change(uri, CLEAN.replace('再见!', '再见!我'));
    // Version 2 gets no diagnostics of its own; its wait ends when the server stops.
    second.catch(() => undefined);
    const diagnostics = await client.change(uri, CLEAN.replace('再见!', '我不知道'));
    assert.deepEqual(codes(diagnostics), ['banned-phrase']);
    assert.deepEqual(
      client.published.filter((p) => p.uri === uri).map((p) => p.version),
      [1, 3],
    );
  });
});

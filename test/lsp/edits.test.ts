/**
 * Everything that changes the author's text or produces output over a real stdio
 * connection: quick fixes, "fix all", formatting, and "Compile to JSON".
 */
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DocumentFormattingRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, serveWorkspace } from './lsp-client';

/** The edits of `edit` for `uri` (versioned or not). */
function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const versioned = edit?.documentChanges?.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
  if (versioned && 'edits' in versioned) return versioned.edits as TextEdit[];
  return edit?.changes?.[uri] ?? [];
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

describe('LSP code actions, formatting and compile', function () {
  this.timeout(60_000);
  const server = serveWorkspace();

  async function actionsAt(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    return server.client.request<CodeAction[]>(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
  }

  it('offers each suggestion of a banned phrase, and applying one clears the finding', async () => {
    const uri = server.ws.uri('fix.sop');
    const text = `situation a {\n  say "我不知道"\n  wait 5s\n  hangup\n}\n`;
    const diagnostics = await server.client.open(uri, text);
    const banned = diagnostics.find((d) => d.code === 'banned-phrase')!;
    const actions = await actionsAt(uri, banned);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Replace "我不知道" with "我帮您查询一下"'), titles.join('\n'));
    assert.ok(titles.includes('Replace "我不知道" with "我会尽快为您确认"'));
    assert.ok(titles.some((t) => /Suppress banned-phrase/.test(t)));
    const replace = actions.find((a) => a.title === 'Replace "我不知道" with "我帮您查询一下"')!;
    assert.equal(replace.kind, 'quickfix');
    assert.deepEqual(replace.diagnostics?.map((d) => d.code), ['banned-phrase']);

    const fixed = applyEdits(text, editsOf(replace.edit, uri));
    assert.equal(fixed, text.replace('我不知道', '我帮您查询一下'));
    const after = await server.client.change(uri, fixed);
    assert.ok(!codes(after).includes('banned-phrase'), JSON.stringify(after));
  });

  it('names the document version the fix was computed on', async () => {
    const uri = server.ws.uri('fix.sop');
    const diagnostics = await server.client.change(uri, `situation a {\n  say "我不知道"\n  wait 5s\n  hangup\n}\n`);
    const [action] = await actionsAt(uri, diagnostics.find((d) => d.code === 'banned-phrase')!);
    const change = action.edit?.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change);
    assert.equal(change.textDocument.version, server.client.version(uri));
  });

  it('adds a fallback skeleton where a wait has none', async () => {
    const uri = server.ws.uri('fallback.sop');
    const text = `situation a {\n  say "您好"\n  wait 5s\n  say "再见"\n  wait 5s\n  hangup\n}\n`;
    const diagnostics = await server.client.open(uri, text);
    const missing = diagnostics.find((d) => d.code === 'missing-fallback')!;
    const actions = await actionsAt(uri, missing, ['quickfix']);
    const add = actions.find((a) => /fallback/i.test(a.title))!;
    const fixed = applyEdits(text, editsOf(add.edit, uri));
    const after = await server.client.change(uri, fixed);
    assert.ok(!codes(after).includes('missing-fallback'), fixed);
  });

  it('"Fix all safe problems" applies every safe fix that does not overlap another', async () => {
    const uri = server.ws.uri('fix-all.sop');
    // Two unused variables (their removals overlap around the comma) and an unreachable step.
    const text = `var 姓氏, 工号\nsituation a {\n  say "您好"\n  wait 5s\n  say "再见"\n  wait 5s\n  hangup\n  say "多余"\n}\n`;
    const diagnostics = await server.client.open(uri, text);
    assert.deepEqual(codes(diagnostics), ['missing-fallback', 'unreachable-step', 'unused-variable', 'unused-variable']);
    const actions = await server.client.request<CodeAction[]>(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    const [fixAll] = actions;
    assert.equal(fixAll.title, 'Fix all safe problems');
    assert.equal(fixAll.kind, 'source.fixAll.sop');
    const fixed = applyEdits(text, editsOf(fixAll.edit, uri));
    const after = await server.client.change(uri, fixed);
    assert.ok(!codes(after).includes('unreachable-step'), fixed);
    // One variable was removed; the other's removal collided and waits for the next run.
    assert.deepEqual(codes(after).filter((c) => c === 'unused-variable'), ['unused-variable']);
    // Unsafe fixes (the fallback skeleton) are left to the author.
    assert.ok(codes(after).includes('missing-fallback'));
  });

  it('offers only what the request asks for', async () => {
    const uri = server.ws.uri('fix-all.sop');
    const diagnostics = await server.client.change(uri, `var 姓氏\nsituation a {\n  say "您好"\n  wait 5s\n  hangup\n}\n`);
    const unused = diagnostics.find((d) => d.code === 'unused-variable')!;
    const quick = await actionsAt(uri, unused, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
    const preferred = quick.filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), ['Remove "姓氏"']);
    const source = await actionsAt(uri, unused, ['source']);
    assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.sop']);
  });

  it('formats the document through the core formatter', async () => {
    const uri = server.ws.uri('format.sop');
    const text = `situation a "A" {\nsay "您好"\n      wait 5s   fallback {  say "再见" wait 5s hangup }\n}\n`;
    await server.client.open(uri, text);
    const edits = await server.client.request<TextEdit[]>(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.ok(edits.length > 0);
    const formatted = applyEdits(text, edits);
    assert.equal(
      formatted,
      `situation a "A" {\n  say "您好"\n  wait 5s\n  fallback {\n    say "再见"\n    wait 5s\n    hangup\n  }\n}\n`,
    );
    // Formatting the result again changes nothing.
    await server.client.change(uri, formatted);
    const again = await server.client.request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(again, []);
  });

  it('keeps CRLF line ends and edits only the lines that change', async () => {
    const uri = server.ws.uri('format-crlf.sop');
    const text = 'situation a {\r\n  say "您好"\r\n      wait 5s\r\n  hangup\r\n}\r\n';
    await server.client.open(uri, text);
    const edits = await server.client.request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    assert.equal(applyEdits(text, edits), text.replace('      wait', '  wait'));
  });

  it('leaves a script with syntax errors unformatted', async () => {
    const uri = server.ws.uri('format-broken.sop');
    await server.client.open(uri, `situation a {\n say "x"\n  wai 5\n}\n`);
    const edits = await server.client.request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits, []);
  });

  it('compiles a script with its imports to the sop-script/1 JSON', async () => {
    server.ws.write('compile/closing.sop', `situation closing "通话结束" {\n  say "再见!"\n  wait 5s\n  hangup\n}\n`);
    const uri = server.ws.uri('compile/main.sop');
    await server.client.open(uri, `script "主脚本"\nimport "closing.sop"\nsituation start {\n  say "您好"\n  wait 5s\n  fallback goto closing\n}\n`);
    const result = await server.client.request<{ json?: string; errors: unknown[] }>('sop/compile', { uri });
    assert.deepEqual(result.errors, []);
    const json = JSON.parse(result.json!);
    assert.equal(json.format, 'sop-script/1');
    assert.equal(json.script.title, '主脚本');
    assert.deepEqual(json.script.files, ['compile/main.sop', 'compile/closing.sop']);
    assert.deepEqual(Object.keys(json.ivr.situations).sort(), ['closing', 'start']);
  });

  it('compiles unsaved edits, and refuses a script with errors, saying where', async () => {
    const uri = server.ws.uri('compile/main.sop');
    await server.client.change(uri, `situation start {\n  say "我不知道"\n  wait 5s\n  fallback goto nowhere\n}\n`);
    const result = await server.client.request<{ json?: string; errors: { message: string; line: number; column: number }[] }>('sop/compile', { uri });
    assert.equal(result.json, undefined);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.column]),
      [
        [2, 8],
        [4, 17],
      ],
    );
    assert.match(result.errors[0].message, /我不知道/);
    assert.match(result.errors[1].message, /nowhere/);
  });
});

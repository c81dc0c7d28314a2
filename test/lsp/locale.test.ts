/**
 * The server speaks the editor's display language: started with `locale: "zh-cn"` (what
 * VS Code sends for 中文(简体)), its diagnostics, quick-fix titles, hovers and completion
 * details are Chinese, rule ids stay English and rule links open the Chinese rules page;
 * a locale without a catalog falls back to English.
 */
import assert from 'node:assert/strict';
import { CodeActionRequest, CodeLensRequest, CompletionRequest, HoverRequest, type CodeAction, type CodeLens, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { ExportResult, ScriptTestsResult } from '../../server/src/lsp/protocol';
import { LspTestClient, messageOf, TestWorkspace } from './lsp-client';

const SCRIPT = `situation a {
  say "我不知道"
  wait 3s
  hangup
}
`;

describe('language server in the editor\'s language', () => {
  describe('locale "zh-cn"', () => {
    let client: LspTestClient;
    let ws: TestWorkspace;
    before(async () => {
      ws = new TestWorkspace();
      client = await LspTestClient.start({ locale: 'zh-cn', workspaceFolders: [ws.folderUri] });
    });
    after(async () => {
      await client?.stop();
      ws?.dispose();
    });

    it('reports findings in Chinese, with English rule ids and the Chinese rules page', async () => {
      const uri = ws.uri('zh.sop');
      const diagnostics = await client.open(uri, SCRIPT);
      const banned = diagnostics.find((d) => d.code === 'banned-phrase');
      assert.ok(banned, JSON.stringify(diagnostics));
      assert.equal(messageOf(banned), '服务禁语“我不知道”：请改说“我帮您查询一下”——“我不知道”会把客户挡在门外');
      assert.match(banned.codeDescription!.href, /\/docs\/zh-CN\/rules\.md#banned-phrase$/);
      const abrupt = diagnostics.find((d) => d.code === 'abrupt-hangup');
      assert.equal(abrupt && messageOf(abrupt), '“hangup”前只等待了 3s：先说结束语（例如“感谢您的来电,再见!”），再至少等待 5s 后挂机');
    });

    it('explains sop/export warnings and sop/scriptTests failures in Chinese', async () => {
      const script = ws.uri('transfer.sop');
      ws.write('transfer.sop', 'situation a {\n  say "请稍等，我为您转接投诉处理组。"\n  transfer "投诉处理组"\n}\n');
      await client.open(script, 'situation a {\n  say "请稍等，我为您转接投诉处理组。"\n  transfer "投诉处理组"\n}\n');
      const exported = await client.request<ExportResult>('sop/export', { uri: script, target: 'voicexml' });
      assert.match(exported.warnings[0]?.message ?? '', /^sop\.config\.json（export\.queues）中没有为“投诉处理组”配置 VoiceXML 转接目标/);
      const unknown = await client.request<ExportResult>('sop/export', { uri: script, target: 'ivr' });
      assert.match(unknown.errors[0].message, /^sop\/export：未知的导出目标 "ivr"（可用的目标：voicexml、connect、studio、phrases）$/);
      const tests = await client.request<ScriptTestsResult>('sop/scriptTests', {
        uri: ws.uri('transfer.sop-test.yaml'),
        text: 'cases:\n  - name: 挂机\n    situation: a\n    outcome: hangup\n',
        run: true,
      });
      assert.deepEqual(tests.cases[0].failures?.map((f) => f.message), ['预期挂机，但在 00:04.0 转接到了 投诉处理组']);
    });

    it('titles the situation code lenses in Chinese', async () => {
      const uri = ws.uri('lens.sop');
      await client.open(uri, SCRIPT);
      const lenses = await client.request<CodeLens[]>(CodeLensRequest.type, { textDocument: { uri } });
      assert.deepEqual(lenses.map((l) => l.command?.title), ['流程图', '模拟']);
    });

    it('titles quick fixes in Chinese', async () => {
      const uri = ws.uri('zh.sop');
      const diagnostics = await client.open(uri, SCRIPT);
      const banned = diagnostics.find((d) => d.code === 'banned-phrase')!;
      const actions = await client.request<CodeAction[]>(CodeActionRequest.type, {
        textDocument: { uri },
        range: banned.range,
        context: { diagnostics: [banned] },
      });
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('将“我不知道”改为“我帮您查询一下”'), titles.join(' | '));
      assert.ok(titles.includes('在此行屏蔽 banned-phrase'), titles.join(' | '));
    });

    it('explains banned phrasings and durations in Chinese on hover', async () => {
      const uri = ws.uri('zh.sop');
      await client.open(uri, SCRIPT);
      const banned = await client.request<Hover>(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 8 } });
      const text = (banned.contents as MarkupContent).value;
      assert.ok(text.startsWith('**服务禁语**“我不知道”：“我不知道”等于把客户挡在门外'), text);
      assert.ok(text.includes('建议改说：“我帮您查询一下”或“我会尽快为您确认”'), text);
      const duration = await client.request<Hover>(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 8 } });
      assert.equal((duration.contents as MarkupContent).value, '`3s` — 3 秒');
    });

    it('describes completions in Chinese', async () => {
      const uri = ws.uri('complete.sop');
      await client.open(uri, 'situation a {\n  wait \n}\n');
      const result = await client.request<CompletionItem[] | { items: CompletionItem[] }>(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 1, character: 7 },
      });
      const items = Array.isArray(result) ? result : result.items;
      const five = items.find((i) => i.label === '5s');
      assert.equal(five?.detail, '5 秒', JSON.stringify(items.map((i) => [i.label, i.detail])));
    });
  });

  describe('a locale without a catalog ("de")', () => {
    let client: LspTestClient;
    let ws: TestWorkspace;
    before(async () => {
      ws = new TestWorkspace();
      client = await LspTestClient.start({ locale: 'de', workspaceFolders: [ws.folderUri] });
    });
    after(async () => {
      await client?.stop();
      ws?.dispose();
    });

    it('falls back to English', async () => {
      const diagnostics = await client.open(ws.uri('de.sop'), SCRIPT);
      const banned = diagnostics.find((d) => d.code === 'banned-phrase')!;
      assert.ok(messageOf(banned).startsWith('banned phrasing "我不知道": say "我帮您查询一下" instead'), messageOf(banned));
      assert.match(banned.codeDescription!.href, /\/docs\/rules\.md#banned-phrase$/);
    });
  });
});

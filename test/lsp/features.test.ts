/**
 * The editor features over a real stdio connection to the built server: completion, hover,
 * definition, references, rename, document and workspace symbols, folding, semantic tokens
 * and document links. Each test asserts on what only the server can know: files on disk
 * that the client never opened, the workspace's `sop.config.json`, the other open
 * documents, and positions converted to UTF-16 lines and columns.
 */
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
  type SemanticTokens,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits, serveWorkspace } from './lsp-client';

/** The position of the `|` in `text`, and the text without it. */
function cursor(text: string): { text: string; position: Position } {
  const offset = text.indexOf('|');
  const before = text.slice(0, offset).split('\n');
  return { text: text.slice(0, offset) + text.slice(offset + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The text a range covers. */
function slice(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

const CLOSING = `var 工号
situation closing "通话结束" tags 收尾 {
  when "客户没有其他问题"
  say "感谢您的来电,再见!"
  wait 5s
  hangup
}
`;

const CONFIG = JSON.stringify({
  extends: 'recommended',
  lexicon: [{ phrase: '稍等', message: '用完整的标准话术', reason: 'sounds curt without the full request', suggest: ['请您稍候'] }],
});

describe('LSP editor features', function () {
  this.timeout(60_000);
  // Files on disk the editor never opens: the server reads them itself.
  const server = serveWorkspace({ 'lib/closing.sop': CLOSING, 'sop.config.json': CONFIG });

  async function complete(name: string, marked: string, triggerCharacter?: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = cursor(marked);
    const uri = server.ws.write(name, text);
    await server.client.open(uri, text);
    const list = await server.client.request<CompletionList>(CompletionRequest.type, {
      textDocument: { uri },
      position,
      ...(triggerCharacter ? { context: { triggerKind: 2, triggerCharacter } } : {}),
    });
    await server.client.close(uri);
    return { items: list.items, text };
  }

  function accept(text: string, item: CompletionItem): string {
    assert.ok(item.textEdit && 'range' in item.textEdit);
    return applyEdits(text, [item.textEdit]);
  }

  it('advertises every editor feature, with the semantic token legend', () => {
    const caps = server.client.initializeResult.capabilities;
    assert.deepEqual(caps.completionProvider?.triggerCharacters, [' ', '{', '"', '“']);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
    assert.ok(caps.documentLinkProvider);
    const tokens = caps.semanticTokensProvider;
    assert.deepEqual(tokens?.legend.tokenTypes, ['keyword', 'function', 'variable', 'parameter', 'number', 'type']);
    assert.deepEqual(tokens?.legend.tokenModifiers, ['declaration']);
  });

  describe('completion', () => {
    it('offers situation ids of an import read from disk after a typed space, with titles', async () => {
      const { items, text } = await complete('goto.sop', 'import "lib/closing.sop"\nsituation 开场 {\n  说 “您好”\n  转到 |\n}\n', ' ');
      const closing = items.find((i) => i.label === 'closing');
      assert.equal(closing?.detail, '通话结束');
      assert.match((closing?.documentation as MarkupContent).value, /When: 客户没有其他问题/);
      // The edit's position counts UTF-16 units on a line with Chinese text.
      assert.equal(accept(text, closing!), text.replace('转到 ', '转到 closing'));
    });

    it('offers keywords in the file\'s spelling, reply and fallback first after a wait, and reopens after goto', async () => {
      const { items } = await complete('steps.sop', '情景 甲 {\n  说 “您好”\n  等待 5秒\n  |\n}\n');
      const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
      assert.deepEqual(sorted.slice(0, 2), ['回应', '兜底']);
      assert.ok(sorted.includes('转到') && !sorted.includes('goto'));
      assert.equal(items.find((i) => i.label === '转到')?.command?.command, 'editor.action.triggerSuggest');
    });

    it('offers the variables of an imported file inside {', async () => {
      const { items, text } = await complete('vars.sop', 'import "lib/closing.sop"\nsituation a {\n  say "我的工号是{|"\n}\n', '{');
      const item = items.find((i) => i.label === '工号');
      assert.ok(item, JSON.stringify(items.map((i) => i.label)));
      assert.equal(accept(text, item), text.replace('{"', '{工号}"'));
    });

    it('offers durations in the file\'s units', async () => {
      const { items } = await complete('wait.sop', '情景 甲 {\n  说 “您好”\n  等待 |\n}\n', ' ');
      assert.deepEqual(items.map((i) => i.label), ['5秒', '10秒', '30秒']);
      assert.equal(items[0].detail, '5 seconds');
    });

    it('offers standard phrasings, leaving out those the workspace\'s lexicon bans', async () => {
      const { items, text } = await complete('say.sop', 'locale "zh-CN"\nsituation a {\n  say |\n}\n', ' ');
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('对不起,让您久等了。'));
      assert.ok(!labels.includes('对不起,请您稍等片刻,好吗?'), 'sop.config.json bans 稍等');
      const goodbye = items.find((i) => i.label === '感谢您的来电,若有问题请再次来电,再见!')!;
      assert.equal(accept(text, goodbye), text.replace('say ', 'say "感谢您的来电,若有问题请再次来电,再见!"'));
    });

    it('completes in a situation that does not parse', async () => {
      const { items } = await complete('broken.sop', 'situation a {\n  say "hi"\n  wait 5s\n  fal|');
      assert.ok(items.some((i) => i.label === 'fallback'));
    });
  });

  describe('hover', () => {
    const script = `import "lib/closing.sop"
situation a {
  say "对不起,请您稍等片刻,好吗?"
  wait 30s
  reply goto closing
  fallback goto closing
}
`;
    async function hover(marker: string, at: number): Promise<{ hover: Hover | null; text: string }> {
      const uri = server.ws.write('hover.sop', script);
      await server.client.open(uri, script);
      const before = script.slice(0, script.indexOf(marker) + at).split('\n');
      const position = { line: before.length - 1, character: before[before.length - 1].length };
      const result = await server.client.request<Hover | null>(HoverRequest.type, { textDocument: { uri }, position });
      await server.client.close(uri);
      return { hover: result, text: script };
    }

    it('shows the title, tags and trigger of a situation defined in a file on disk', async () => {
      const { hover: result, text } = await hover('goto closing', 7);
      const value = (result?.contents as MarkupContent).value;
      assert.match(value, /`closing` — 通话结束/);
      assert.match(value, /Tags: 收尾/);
      assert.match(value, /Defined in `closing\.sop`, line 2/);
      assert.equal(slice(text, result!.range!), 'closing');
    });

    it('reads a duration in seconds', async () => {
      const { hover: result } = await hover('30s', 1);
      assert.equal((result?.contents as MarkupContent).value, '`30s` — 30 seconds');
    });

    it('explains a phrasing banned by the workspace\'s lexicon with its reason', async () => {
      const { hover: result, text } = await hover('稍等', 1);
      assert.match((result?.contents as MarkupContent).value, /“稍等”: sounds curt without the full request/);
      assert.equal(slice(text, result!.range!), '稍等');
    });
  });

  describe('navigation and rename across files', () => {
    const main = `import "lib/closing.sop"
situation a {
  say "工号{工号}"
  wait 5s
  fallback goto closing
}
`;
    const other = `import "lib/closing.sop"
situation b {
  goto closing
}
`;
    let mainUri: string;
    let otherUri: string;
    let closingUri: string;
    before(async () => {
      mainUri = server.ws.write('main.sop', main);
      otherUri = server.ws.write('other.sop', other);
      closingUri = server.ws.uri('lib/closing.sop');
      await server.client.open(mainUri, main);
      await server.client.open(otherUri, other);
    });
    after(async () => {
      await server.client.close(mainUri);
      await server.client.close(otherUri);
    });

    it('goes from a goto to the situation in the imported file', async () => {
      const locations = await server.client.request<Location[]>(DefinitionRequest.type, { textDocument: { uri: mainUri }, position: { line: 4, character: 18 } });
      assert.deepEqual(locations, [{ uri: closingUri, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 17 } } }]);
    });

    it('finds the uses of a situation in the open documents that import its file', async () => {
      await server.client.open(closingUri, CLOSING);
      const locations = await server.client.request<Location[]>(ReferencesRequest.type, {
        textDocument: { uri: closingUri },
        position: { line: 1, character: 12 },
        context: { includeDeclaration: false },
      });
      await server.client.close(closingUri);
      assert.deepEqual(
        locations.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`).sort(),
        ['main.sop:4:16', 'other.sop:2:7'],
      );
    });

    it('renames a situation in every file, the unopened one included', async () => {
      const edit = await server.client.request<WorkspaceEdit>(RenameRequest.type, {
        textDocument: { uri: mainUri },
        position: { line: 4, character: 18 },
        newName: '结束语',
      });
      const changes = edit.changes ?? {};
      assert.deepEqual(Object.keys(changes).sort(), [closingUri, mainUri, otherUri].sort());
      assert.equal(applyEdits(main, changes[mainUri]), main.replace('goto closing', 'goto 结束语'));
      assert.equal(applyEdits(CLOSING, changes[closingUri]), CLOSING.replace('situation closing', 'situation 结束语'));
    });

    it('leaves a namesake in an unrelated open document alone', async () => {
      const namesake = 'situation a {\n  end\n}\n';
      const namesakeUri = server.ws.write('namesake.sop', namesake);
      await server.client.open(namesakeUri, namesake);
      const edit = await server.client.request<WorkspaceEdit>(RenameRequest.type, {
        textDocument: { uri: mainUri },
        position: { line: 1, character: 10 },
        newName: 'opening',
      });
      await server.client.close(namesakeUri);
      assert.deepEqual(Object.keys(edit.changes ?? {}), [mainUri]);
    });

    it('renames a variable declared in the imported file', async () => {
      const edit = await server.client.request<WorkspaceEdit>(RenameRequest.type, {
        textDocument: { uri: mainUri },
        position: { line: 2, character: 11 },
        newName: 'staff_id',
      });
      assert.equal(applyEdits(main, edit.changes![mainUri]), main.replace('{工号}', '{staff_id}'));
      assert.equal(applyEdits(CLOSING, edit.changes![closingUri]), CLOSING.replace('var 工号', 'var staff_id'));
    });

    it('refuses a keyword as the new name, with the reason', async () => {
      await assert.rejects(
        server.client.request(RenameRequest.type, { textDocument: { uri: mainUri }, position: { line: 4, character: 18 }, newName: '挂机' }),
        /keyword "hangup"/,
      );
    });

    it('prepares a rename on a goto target and refuses one on a keyword', async () => {
      const prepared = await server.client.request<{ range: unknown; placeholder: string }>(PrepareRenameRequest.type, {
        textDocument: { uri: mainUri },
        position: { line: 4, character: 18 },
      });
      assert.deepEqual(prepared, { range: { start: { line: 4, character: 16 }, end: { line: 4, character: 23 } }, placeholder: 'closing' });
      await assert.rejects(
        server.client.request(PrepareRenameRequest.type, { textDocument: { uri: mainUri }, position: { line: 3, character: 3 } }),
        /Only situation ids and variables/,
      );
    });

    it('lists the situations of the open documents and the files they import', async () => {
      const symbols = await server.client.request<SymbolInformation[]>(WorkspaceSymbolRequest.type, { query: '' });
      const names = symbols.map((s) => `${s.name}@${s.containerName}`).sort();
      assert.deepEqual(names, ['a@main.sop', 'b@other.sop', 'closing — 通话结束@closing.sop']);
      const closing = symbols.find((s) => s.name.startsWith('closing'))!;
      assert.deepEqual(closing.location, { uri: closingUri, range: { start: { line: 1, character: 10 }, end: { line: 1, character: 17 } } });
    });
  });

  describe('document structure', () => {
    const text = `# 无声电话的处理。
# 问两次,然后挂机。
import "lib/closing.sop"
var 姓氏
situation silent "遇到无声电话" {
  say "您好,{姓氏}!"
  wait 5s
  fallback {
    say "再见!"
    wait 5s
    hangup
  }
}
`;
    let uri: string;
    before(async () => {
      uri = server.ws.write('structure.sop', text);
      await server.client.open(uri, text);
    });
    after(() => server.client.close(uri));

    it('outlines situations with their steps', async () => {
      const symbols = await server.client.request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri } });
      const render = (list: DocumentSymbol[], depth = 0): string[] =>
        list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}`, ...render(s.children ?? [], depth + 1)]);
      assert.deepEqual(render(symbols), [
        'lib/closing.sop',
        '姓氏',
        'silent',
        '  say 您好,{姓氏}!',
        '  wait 5s',
        '    fallback',
        '      say 再见!',
        '      wait 5s',
        '      hangup',
      ]);
      const silent = symbols.find((s) => s.name === 'silent')!;
      assert.equal(silent.detail, '遇到无声电话');
      assert.deepEqual(silent.selectionRange, { start: { line: 4, character: 10 }, end: { line: 4, character: 16 } });
    });

    it('folds the comment run, the situation and the fallback block', async () => {
      const ranges = await server.client.request<FoldingRange[]>(FoldingRangeRequest.type, { textDocument: { uri } });
      assert.deepEqual(ranges, [
        { startLine: 0, endLine: 1, kind: 'comment' },
        { startLine: 4, endLine: 11 },
        { startLine: 7, endLine: 10 },
      ]);
    });

    it('sends semantic tokens in the legend\'s terms, with UTF-16 positions', async () => {
      const legend = server.client.initializeResult.capabilities.semanticTokensProvider!.legend;
      const decode = (tokens: SemanticTokens) => {
        const out: string[] = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < tokens.data.length; i += 5) {
          const [dLine, dChar, length, type, modifiers] = tokens.data.slice(i, i + 5);
          line += dLine;
          character = dLine === 0 ? character + dChar : dChar;
          const word = slice(text, { start: { line, character }, end: { line, character: character + length } });
          out.push(`${word}:${legend.tokenTypes[type]}${modifiers ? '+declaration' : ''}`);
        }
        return out;
      };
      const full = await server.client.request<SemanticTokens>(SemanticTokensRequest.type, { textDocument: { uri } });
      assert.deepEqual(decode(full).slice(0, 9), [
        'import:keyword',
        'var:keyword',
        '姓氏:variable+declaration',
        'situation:keyword',
        'silent:function+declaration',
        'say:keyword',
        '{姓氏}:parameter',
        'wait:keyword',
        '5s:number',
      ]);
      const range = await server.client.request<SemanticTokens>(SemanticTokensRangeRequest.type, {
        textDocument: { uri },
        range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } },
      });
      assert.deepEqual(decode(range), ['hangup:keyword']);
    });

    it('links the import path to the file it names', async () => {
      const links = await server.client.request<DocumentLink[]>(DocumentLinkRequest.type, { textDocument: { uri } });
      assert.equal(links.length, 1);
      assert.equal(links[0].target, server.ws.uri('lib/closing.sop'));
      assert.equal(slice(text, links[0].range), 'lib/closing.sop');
    });
  });
});

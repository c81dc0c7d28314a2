/**
 * The editor's flow views over a real stdio connection: `sop/graph` (the flow graph, with
 * findings marked, across imports), `sop/simulate` (the interactive simulator) and the
 * "Graph" / "Simulate" CodeLenses on each situation.
 */
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { GraphResult, SimulateResult } from '../../server/src/lsp/protocol';
import { serveWorkspace } from './lsp-client';

const FAREWELLS = 'situation farewell "道别" {\n  say "感谢您的来电,再见!"\n  wait 5s\n  hangup\n}\n';
const SILENT = [
  'import "farewells.sop"',
  '',
  'situation silent_call "无声电话" {',
  '  say "您好!请问有什么可以帮您?"',
  '  wait 5s',
  '  reply end',
  '  fallback {',
  '    say "您好,请问有什么可以帮您?"',
  '    wait 5s',
  '    fallback goto farewell',
  '  }',
  '}',
  '',
  'situation broken {',
  '  say "我不知道"',
  '  goto nowhere',
  '}',
  '',
].join('\n');

describe('LSP flow views (sop/graph, sop/simulate, CodeLens)', function () {
  this.timeout(60_000);
  const server = serveWorkspace({ 'farewells.sop': FAREWELLS, 'main.sop': SILENT });
  before(() => server.client.open(server.ws.uri('main.sop'), SILENT));

  it('sop/graph gives every situation (imports too) with its steps, the jumps and the findings', async () => {
    const result = await server.client.request<GraphResult>('sop/graph', { uri: server.ws.uri('main.sop') });
    assert.ok('graph' in result, JSON.stringify(result));
    const { graph } = result;
    assert.deepEqual(graph.files, [server.ws.uri('main.sop'), server.ws.uri('farewells.sop')]);
    assert.deepEqual(
      graph.situations.map((s) => [s.id, graph.files[s.file] === server.ws.uri('main.sop') ? 'main' : 'import', s.line]),
      [
        ['silent_call', 'main', 3],
        ['broken', 'main', 14],
        ['farewell', 'import', 1],
      ],
    );
    const silent = graph.situations[0];
    assert.deepEqual(
      silent.steps.map((s) => [s.kind, s.branch, s.depth, s.line]),
      [
        ['say', 'main', 0, 4],
        ['wait', 'main', 0, 5],
        ['end', 'reply', 1, 6],
        ['say', 'fallback', 1, 8],
        ['wait', 'fallback', 1, 9],
        ['end', 'reply', 2, 9],
        ['goto', 'fallback', 2, 10],
      ],
    );
    assert.deepEqual(graph.jumps.map((j) => [j.fromSituation, j.to]), [['silent_call', 'farewell']]);
    // The banned phrase and the unknown target are errors on their own lines.
    const broken = graph.situations[1];
    assert.equal(broken.severity, 'error');
    assert.deepEqual(broken.steps.map((s) => [s.kind, s.severity, s.resolved]), [
      ['say', 'error', true],
      ['goto', 'error', false],
    ]);
  });

  it('sop/graph follows unsaved edits', async () => {
    await server.client.change(server.ws.uri('main.sop'), SILENT.replace('    fallback goto farewell', '    fallback goto broken'));
    const result = await server.client.request<GraphResult>('sop/graph', { uri: server.ws.uri('main.sop') });
    assert.ok('graph' in result);
    assert.deepEqual(result.graph.jumps.map((j) => [j.fromSituation, j.to]), [['silent_call', 'broken']]);
    await server.client.change(server.ws.uri('main.sop'), SILENT);
  });

  it('sop/simulate stops at each wait for the caller, then plays silence, silence to the hang-up', async () => {
    const ask = (events: Array<{ event: 'silence' | 'reply'; afterMs: number | null }>) =>
      server.client.request<SimulateResult>('sop/simulate', { uri: server.ws.uri('main.sop'), situation: 'silent_call', events, vars: {} });
    const first = await ask([]);
    assert.equal(first.error, undefined);
    assert.deepEqual(first.lines.map((l) => `${l.clock} ${l.text}`), ['[00:00.0] SAY "您好!请问有什么可以帮您?"']);
    assert.equal(first.outcome.kind, 'awaiting-caller');
    assert.equal(first.waiting?.line, 5);

    const silence = { event: 'silence' as const, afterMs: null };
    const end = await ask([silence, silence, silence]);
    assert.equal(end.waiting, null);
    assert.equal(end.outcome.kind, 'hangup');
    assert.deepEqual(
      end.lines.map((l) => [l.type, l.situation, l.file === server.ws.uri('farewells.sop') ? 'import' : 'main', l.line]),
      [
        ['say', 'silent_call', 'main', 4],
        ['wait', 'silent_call', 'main', 5],
        ['say', 'silent_call', 'main', 8],
        ['wait', 'silent_call', 'main', 9],
        ['goto', 'silent_call', 'main', 10],
        ['say', 'farewell', 'import', 2],
        ['wait', 'farewell', 'import', 3],
        ['hangup', 'farewell', 'import', 4],
      ],
    );
    assert.match(end.outcome.text, /^outcome: hangup at 00:/);
    assert.deepEqual(end.situations.map((s) => s.id), ['silent_call', 'broken', 'farewell']);
  });

  it('sop/simulate drops malformed events and answers an unknown script with an error', async () => {
    const odd = await server.client.request<SimulateResult>('sop/simulate', {
      uri: server.ws.uri('main.sop'),
      situation: 'silent_call',
      events: [{ event: 'shout' }, 'x', { event: 'reply', afterMs: -1 }],
      vars: { 姓氏: 3 },
    });
    assert.equal(odd.lines.at(-1)?.type, 'end', 'the one valid event (a reply at once) was used');
    const missing = await server.client.request<SimulateResult>('sop/simulate', { uri: server.ws.uri('nope.sop'), events: [], vars: {} });
    assert.match(missing.error ?? '', /nope\.sop cannot be read/);
  });

  it('puts a "Graph" and a "Simulate" lens on each situation', async () => {
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: server.ws.uri('main.sop') } });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, ...(l.command?.arguments ?? [])]),
      [
        [2, 'Graph', 'sop.showGraph', server.ws.uri('main.sop'), 'silent_call'],
        [2, 'Simulate', 'sop.simulate', server.ws.uri('main.sop'), 'silent_call'],
        [13, 'Graph', 'sop.showGraph', server.ws.uri('main.sop'), 'broken'],
        [13, 'Simulate', 'sop.simulate', server.ws.uri('main.sop'), 'broken'],
      ],
    );
  });
});

/**
 * The flow graph's pure parts: the graph read off the compiled script (one step per IVR
 * node, one jump per resolved goto, findings on their lines), its layout (one box per
 * situation, rows for steps and bodies, arrows from the goto row to the target) and the
 * SVG markup (one element per step and per jump, text escaped, an exported file with the
 * theme's colours and no custom properties left). Also the webview message checks.
 */
import assert from 'node:assert/strict';
import { parseGraphViewMessage } from '../../../client/webview/graph/messages';
import { layoutFlowGraph, rowsOf } from '../../../client/webview/graph/layout';
import { exportSvg, fit, renderRows, renderSvg } from '../../../client/webview/graph/svg';
import { parseSimulatorViewMessage } from '../../../client/webview/simulator/messages';
import { compileProgram } from '../../../server/src/language/compile/compile';
import { buildFlowGraph } from '../../../server/src/language/graph/flow-graph';
import { parseSop, singleFileProgram } from '../../../server/src/language/index';

const SCRIPT = [
  'situation ask "询问" {',
  '  say "您好 <请问> & 有什么可以帮您?"',
  '  wait 5s',
  '  reply goto done',
  '  fallback {',
  '    say "再见"',
  '    wait 5s',
  '    hangup',
  '  }',
  '}',
  'situation done {',
  '  transfer "人工"',
  '}',
  'situation again {',
  '  goto again',
  '}',
].join('\n');

function graphOf(text: string, marks: Parameters<typeof buildFlowGraph>[1] = []) {
  return buildFlowGraph(compileProgram(singleFileProgram(parseSop('file:///a.sop', text))), marks);
}

describe('flow graph', () => {
  it('lists every situation with its steps in order and one jump per resolved goto', () => {
    const graph = graphOf(SCRIPT);
    assert.deepEqual(graph.files, ['file:///a.sop']);
    assert.deepEqual(graph.situations.map((s) => [s.id, s.title, s.line]), [
      ['ask', '询问', 1],
      ['done', null, 11],
      ['again', null, 14],
    ]);
    assert.deepEqual(graph.situations[0].steps.map((s) => `${s.kind}:${s.branch}:${s.depth}:${s.text}`), [
      'say:main:0:您好 <请问> & 有什么可以帮您?',
      'wait:main:0:5s',
      'goto:reply:1:done',
      'say:fallback:1:再见',
      'wait:fallback:1:5s',
      'end:reply:2:the agent takes over',
      'hangup:fallback:1:',
    ]);
    assert.deepEqual(graph.jumps.map((j) => `${j.from}->${j.to}`), ['ask/2/reply/1->done', 'again/1->again']);
  });

  it('marks the step on a finding\'s line and the situation holding it with the worst severity', () => {
    const graph = graphOf(SCRIPT, [
      { file: 'file:///a.sop', line: 6, severity: 'warning' },
      { file: 'file:///a.sop', line: 6, severity: 'error' },
      { file: 'file:///a.sop', line: 10, severity: 'info' },
      { file: 'file:///other.sop', line: 1, severity: 'error' },
    ]);
    const [ask, done] = graph.situations;
    assert.equal(ask.severity, 'error');
    assert.deepEqual(ask.steps.filter((s) => s.severity).map((s) => [s.line, s.severity]), [[6, 'error']]);
    assert.equal(done.severity, null, 'a finding on another file marks nothing here');
  });

  it('an unknown goto target is a step with resolved=false and no jump', () => {
    const graph = graphOf('situation a {\n  goto missing\n}\n');
    assert.deepEqual(graph.situations[0].steps.map((s) => [s.kind, s.target, s.resolved]), [['goto', 'missing', false]]);
    assert.deepEqual(graph.jumps, []);
  });
});

describe('flow graph layout and SVG', () => {
  it('gives each body a label row and indents its steps', () => {
    const rows = rowsOf(graphOf(SCRIPT).situations[0]);
    assert.deepEqual(
      rows.map((r) => (r.type === 'branch' ? `[${r.label}]@${r.indent}` : `${r.step.kind}@${r.indent}`)),
      ['say@0', 'wait@0', '[reply]@0', 'goto@14', '[fallback]@0', 'say@14', 'wait@14', '[reply]@14', 'end@28', 'hangup@14'],
    );
  });

  it('places boxes without overlap and draws each jump from its goto row', () => {
    const graph = graphOf(SCRIPT);
    const layout = layoutFlowGraph(graph);
    assert.equal(layout.boxes.length, 3);
    for (const a of layout.boxes) {
      for (const b of layout.boxes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.situation.id} overlaps ${b.situation.id}`);
      }
    }
    const ask = layout.boxes.find((b) => b.situation.id === 'ask')!;
    const done = layout.boxes.find((b) => b.situation.id === 'done')!;
    const jump = layout.jumps.find((j) => j.jump.to === 'done')!;
    const gotoRow = ask.rows.find((r) => r.type === 'step' && r.step.kind === 'goto')!;
    assert.deepEqual(jump.points[0], { x: ask.x + ask.width, y: ask.y + gotoRow.y + 11 });
    const end = jump.points.at(-1)!;
    assert.ok(Math.abs(end.y - done.y) < 1 || Math.abs(end.y - (done.y + done.height)) < 1, 'the arrow ends on the target box');
  });

  it('draws one element per situation, step and jump, with text escaped', () => {
    const graph = graphOf(SCRIPT);
    const svg = renderSvg(layoutFlowGraph(graph), graph.files);
    const count = (re: RegExp) => (svg.match(re) ?? []).length;
    assert.equal(count(/data-situation="/g), 3);
    assert.equal(count(/data-node="/g), graph.situations.reduce((n, s) => n + s.steps.length, 0));
    assert.equal(count(/data-jump="/g), 2);
    assert.match(svg, /您好 &lt;请问&gt; &amp; 有什么可以帮您\?/);
    assert.doesNotMatch(svg, /style="/, 'no inline styles (the webview CSP forbids them)');
  });

  it('can leave the rows out for the webview to draw when a box is seen, and draw them alone', () => {
    const graph = graphOf(SCRIPT);
    const layout = layoutFlowGraph(graph);
    const outline = renderSvg(layout, graph.files, { rows: false });
    assert.equal((outline.match(/data-rows="pending"/g) ?? []).length, 3);
    assert.doesNotMatch(outline, /data-node="/);
    assert.equal((outline.match(/data-jump="/g) ?? []).length, 2, 'the arrows are drawn at once');
    const ask = layout.boxes.find((b) => b.situation.id === 'ask')!;
    assert.equal((renderRows(ask).match(/data-node="/g) ?? []).length, ask.situation.steps.length);
  });

  it('exports a standalone file with the theme colours written in', () => {
    const graph = graphOf(SCRIPT);
    const file = exportSvg(renderSvg(layoutFlowGraph(graph), graph.files), { '--flow-jump': '#123456' }, 'Segoe UI');
    assert.match(file, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*><style>/);
    assert.match(file, /\.flow \.jump \{ fill: none; stroke: #123456;/);
    assert.doesNotMatch(file, /var\(--flow/);
    assert.ok(parseGraphViewMessage({ type: 'svg', id: null, svg: file }), 'the webview may send it');
  });

  it('cuts long labels to the box with an ellipsis, counting CJK as wide', () => {
    assert.equal(fit('short', 200, 12), 'short');
    // Five 12 px characters fill 60 px; the ellipsis takes the place of the fifth.
    assert.equal(fit('一二三四五六七八九十', 60, 12), '一二三四…');
  });
});

describe('webview messages are checked before use', () => {
  it('the flow graph view may only name things by id and send its own kind of SVG', () => {
    assert.deepEqual(parseGraphViewMessage({ type: 'reveal', node: 'a/1' }), { type: 'reveal', node: 'a/1' });
    for (const bad of [
      null,
      'reveal',
      { type: 'reveal' },
      { type: 'reveal', node: 7 },
      { type: 'reveal', node: '' },
      { type: 'openFile', uri: 'file:///etc/passwd' },
      { type: 'rendered', situations: -1, steps: 0, jumps: 0, layoutMs: 0, renderMs: 0 },
      { type: 'svg', id: null, svg: '<html></html>' },
      { type: 'svg', id: null, svg: '<?xml version="1.0"?>\n<svg><script>alert(1)</script></svg>' },
      { type: 'svg', id: null, svg: '<?xml version="1.0"?>\n<svg onload="x()"></svg>' },
      { type: 'svg', id: 1.5, svg: '<?xml version="1.0"?>\n<svg></svg>' },
    ]) {
      assert.equal(parseGraphViewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('the simulator view may only send choices of the right shape', () => {
    assert.deepEqual(parseSimulatorViewMessage({ type: 'answer', event: 'reply', afterMs: 2000 }), { type: 'answer', event: 'reply', afterMs: 2000 });
    assert.deepEqual(parseSimulatorViewMessage({ type: 'answer', event: 'silence', afterMs: 2000 }), { type: 'answer', event: 'silence', afterMs: null });
    for (const bad of [
      { type: 'answer', event: 'shout', afterMs: null },
      { type: 'answer', event: 'reply', afterMs: -5 },
      { type: 'answer', event: 'reply', afterMs: Infinity },
      { type: 'vars', vars: { a: 1 } },
      { type: 'vars', vars: ['x'] },
      { type: 'reveal', index: -1 },
      { type: 'reveal', index: 0.5 },
      { type: 'situation', id: '' },
      { type: 'eval', code: '1' },
    ]) {
      assert.equal(parseSimulatorViewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

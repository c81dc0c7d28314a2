/**
 * The webviews' texts (the flow graph, the call simulator) in both languages: the English
 * objects the webviews fall back to (client/webview/<view>/strings.ts) and the
 * `vscode.l10n.t` calls the extension translates them with (client/src/view-strings.ts)
 * must list the same keys with the same English, every English text must be in both
 * l10n bundles with the same placeholders, and the webview must fill the Chinese texts
 * the way it fills the English ones.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { GRAPH_STRINGS } from '../../../client/webview/graph/strings';
import { layoutFlowGraph } from '../../../client/webview/graph/layout';
import { renderSvg } from '../../../client/webview/graph/svg';
import { formatText, readViewStrings } from '../../../client/webview/shared/view-strings';
import { SIMULATOR_STRINGS } from '../../../client/webview/simulator/strings';
import type { FlowGraph } from '../../../server/src/language/graph/flow-graph';

const ROOT = join(__dirname, '../../..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8')) as Record<string, string>;
const EN = read('l10n/bundle.l10n.json');
const ZH = read('l10n/bundle.l10n.zh-cn.json');
const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');

/** `{ key: vscode.l10n.t('English', …) }` of each function in client/src/view-strings.ts, by function name. */
function extensionStrings(): Map<string, Record<string, string>> {
  const path = join(ROOT, 'client/src/view-strings.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map<string, Record<string, string>>();
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const strings: Record<string, string> = {};
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isCallExpression(node.initializer)) {
        const call = node.initializer;
        const first = call.arguments[0];
        if (call.expression.getText(source) === 'vscode.l10n.t' && first && ts.isStringLiteralLike(first)) {
          strings[node.name.getText(source)] = first.text;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    found.set(statement.name.text, strings);
  }
  return found;
}

const VIEWS = [
  { name: 'flow graph', fn: 'graphStrings', english: GRAPH_STRINGS as Record<string, string> },
  { name: 'call simulator', fn: 'simulatorStrings', english: SIMULATOR_STRINGS as Record<string, string> },
];

describe('webview texts in both languages', () => {
  const fromExtension = extensionStrings();

  for (const view of VIEWS) {
    it(`the ${view.name}'s texts are translated by the extension with the webview's English`, () => {
      assert.deepEqual(fromExtension.get(view.fn), view.english);
    });

    it(`every ${view.name} text is in the English and the Chinese bundle, with its placeholders`, () => {
      for (const [key, english] of Object.entries(view.english)) {
        assert.equal(EN[english], english, `${key}: "${english}" is not in l10n/bundle.l10n.json`);
        assert.ok(ZH[english], `${key}: "${english}" has no translation in l10n/bundle.l10n.zh-cn.json`);
        assert.equal(placeholders(ZH[english]), placeholders(english), key);
        assert.match(ZH[english], /\p{Script=Han}/u, key);
      }
    });
  }

  it('the webview reads the page texts over English, ignoring unknown and malformed entries', () => {
    const zh = Object.fromEntries(Object.entries(SIMULATOR_STRINGS).map(([key, english]) => [key, ZH[english]]));
    const page = JSON.stringify({ ...zh, back: 42, extra: 'x' });
    const strings = readViewStrings(SIMULATOR_STRINGS, page);
    assert.equal(strings.silent, '客户不说话');
    assert.equal(strings.back, 'Back');
    assert.equal('extra' in strings, false);
    assert.deepEqual(readViewStrings(SIMULATOR_STRINGS, '{not json'), SIMULATOR_STRINGS);
    assert.deepEqual(readViewStrings(SIMULATOR_STRINGS, undefined), SIMULATOR_STRINGS);
    assert.equal(
      formatText(strings.waiting, formatText(strings.secondsValue, 5)),
      '轮到客户了：等待 5 秒后超时。客户会怎么做？',
    );
  });

  it('fills the Chinese texts with numbers and names as it does the English', () => {
    const zh = (english: string) => ZH[english];
    assert.equal(formatText(zh(GRAPH_STRINGS.summary), 5, 21, 3), '5 个情景 · 21 个步骤 · 3 处跳转');
    assert.equal(formatText(GRAPH_STRINGS.summary, 5, 21, 3), '5 situations · 21 steps · 3 jumps');
    assert.equal(formatText(zh(GRAPH_STRINGS.matchAt), 2, 7), '第 2 处，共 7 处');
    assert.equal(formatText('{0} and {1}', 'a'), 'a and {1}');
  });

  it('draws an imported situation and a missing goto target in the display language', () => {
    const graph: FlowGraph = {
      title: null,
      files: ['file:///w/main.sop', 'file:///w/common.sop'],
      situations: [
        {
          id: 'greet',
          title: null,
          file: 1,
          line: 1,
          column: 1,
          severity: null,
          steps: [
            { node: 'greet/1', kind: 'goto', text: 'nowhere', branch: 'main', depth: 0, line: 2, column: 3, severity: null, target: 'nowhere', resolved: false },
          ],
        },
      ],
      jumps: [],
    };
    const strings = { missingTarget: ZH[GRAPH_STRINGS.missingTarget], importedFrom: ZH[GRAPH_STRINGS.importedFrom] };
    const svg = renderSvg(layoutFlowGraph(graph), graph.files, { strings });
    assert.match(svg, /来自 common\.sop/);
    assert.match(svg, /nowhere（情景不存在）/);
    const english = renderSvg(layoutFlowGraph(graph), graph.files);
    assert.match(english, /from common\.sop/);
    assert.match(english, /nowhere \(no such situation\)/);
  });
});

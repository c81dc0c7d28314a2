/**
 * `npm run bench` (third part): the editor's flow views on 1,000-situation scripts.
 *
 * - the flow graph: what the language server does for `sop/graph` (compile + build the
 *   graph), then what the webview does (dagre layout, SVG markup), in Node; then the real
 *   webview script (dist/webview/graph.js) in headless Chromium, from the graph message to
 *   the first frame drawn, as the writer waits for it;
 * - the simulator: the time per step of the one simulation engine.
 *
 * Two shapes of script: the benchmark's usual one (`bench/generate.ts`: pairs of situations
 * linked by a fallback jump) and a connected one, where every situation jumps to the next
 * and to one of ten shared ones, so the layout sees one group of a thousand boxes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutFlowGraph } from '../client/webview/graph/layout';
import { FLOW_COLOURS, FLOW_CSS, renderSvg } from '../client/webview/graph/svg';
import { compileProgram } from '../server/src/language/compile/compile';
import { buildFlowGraph, type FlowGraph } from '../server/src/language/graph/flow-graph';
import { parseSop, simulateCompiled, singleFileProgram } from '../server/src/language/index';
/**
 * The part of Playwright's browser this benchmark drives. Playwright belongs to the web
 * tests' own toolchain (test/web/package.json), so its types are not installed here.
 */
interface BenchPage {
  on(event: 'pageerror', listener: (error: Error) => void): void;
  setContent(html: string): Promise<void>;
  addScriptTag(options: { content: string }): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}
interface Browser {
  newPage(options: { viewport: { width: number; height: number } }): Promise<BenchPage>;
  close(): Promise<void>;
}
import { generateScript } from './generate';

const root = join(import.meta.dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

/** The benchmark's generator, cut to exactly `count` situations. */
function pairedScript(count: number): string {
  const text = generateScript(count * 12);
  const starts = [...text.matchAll(/^(situation|情景) /gm)].map((m) => m.index);
  return starts.length > count ? text.slice(0, starts[count]) : text;
}

function connectedScript(count: number): string {
  const out: string[] = ['var 姓氏'];
  for (let i = 0; i < count; i++) {
    out.push(
      `situation s${i} "情景 ${i}" {`,
      `  say "您好,{姓氏}先生/小姐,请问有什么可以帮您?"`,
      '  wait 5s',
      `  reply goto s${i % 10}`,
      '  fallback {',
      '    say "您好,请问有什么可以帮您?"',
      '    wait 5s',
      `    fallback goto s${(i + 1) % count}`,
      '  }',
      '}',
    );
  }
  return out.join('\n');
}

interface Shape {
  name: string;
  text: string;
}

const shapes: Shape[] = [
  { name: '1,000 situations, paired (bench/generate.ts)', text: pairedScript(1000) },
  { name: '1,000 situations, all connected', text: connectedScript(1000) },
];

async function main(): Promise<void> {
console.log('\n## Flow graph (bench/views.ts)\n');
console.log('| script | steps | jumps | server: compile + graph | layout (dagre) | SVG markup | webview: message to first frame |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
const graphs: FlowGraph[] = [];
for (const shape of shapes) {
  const program = singleFileProgram(parseSop('file:///bench.sop', shape.text));
  let graph = buildFlowGraph(compileProgram(program));
  const build = time(5, () => (graph = buildFlowGraph(compileProgram(program))));
  let layout = layoutFlowGraph(graph);
  const lay = time(3, () => (layout = layoutFlowGraph(graph)));
  const svg = time(5, () => renderSvg(layout, graph.files));
  graphs.push(graph);
  const steps = graph.situations.reduce((n, s) => n + s.steps.length, 0);
  shape.name = `${shape.name}|${steps}|${graph.jumps.length}`;
  console.log(`| ${shape.name} | ${fmt(build)} | ${fmt(lay)} | ${fmt(svg)} | ${await inBrowser(graph)} |`);
}

console.log('\n## Simulator (bench/views.ts)\n');
console.log('| walk | steps | per step |');
console.log('|---|---:|---:|');
{
  // The silent call of the samples, three silences to the hang-up, many times over.
  const sample = readFileSync(join(root, 'test/web/workspace/flow.sop'), 'utf8').replace(/^import .*$/m, '');
  const compiled = compileProgram(singleFileProgram(parseSop('file:///flow.sop', sample)));
  const once = simulateCompiled(compiled, 'silent_call', ['silence', 'silence', 'silence']);
  const runs = 2000;
  const total = time(5, () => {
    for (let i = 0; i < runs; i++) simulateCompiled(compiled, 'silent_call', ['silence', 'silence', 'silence']);
  });
  console.log(`| silent_call, silence ×3 (flow.sop) | ${once.steps.length} | ${((total / runs / once.steps.length) * 1000).toFixed(2)} µs |`);

  // A long call: the connected script, always silent, round all 1,000 situations.
  const big = compileProgram(singleFileProgram(parseSop('file:///bench.sop', connectedScript(1000))));
  const long = simulateCompiled(big, 's0', [], { maxSteps: 100_000 });
  const longTime = time(5, () => simulateCompiled(big, 's0', [], { maxSteps: 100_000 }));
  console.log(`| connected 1,000 situations, silent to the loop | ${long.steps.length} | ${((longTime / long.steps.length) * 1000).toFixed(2)} µs |`);
  // What the panel does per click: replay from the start with one more answer (interactive).
  const click = time(5, () => simulateCompiled(big, 's0', Array(100).fill('silence'), { interactive: true }));
  console.log(`| panel click after 100 answers (replayed from the start) | ${simulateCompiled(big, 's0', Array(100).fill('silence'), { interactive: true }).steps.length} | ${fmt(click)} per click |`);
}
}

/**
 * The real webview script in headless Chromium: a page with the view's elements and a stub
 * of `acquireVsCodeApi`, the graph posted to it as the extension would, and the time until
 * the frame after the script reported "rendered". `n/a` when Chromium is not installed.
 */
async function inBrowser(graph: FlowGraph): Promise<string> {
  let browser: Browser;
  try {
    // A plain ES module shared with the web tests (no type declarations).
    const { ensureWebToolchain } = (await import('../scripts/ensure-web-toolchain.mjs' as string)) as { ensureWebToolchain(): string };
    ensureWebToolchain();
    const { launchChromium } = (await import('../scripts/ensure-chromium.mjs' as string)) as { launchChromium(): Promise<Browser> };
    browser = await launchChromium();
  } catch {
    return 'n/a (no Chromium)';
  }
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => console.error(`webview script: ${error.message}`));
    // The view's own rules, with a grey palette standing in for the theme.
    const palette = FLOW_COLOURS.map((name, i) => `${name}: hsl(${i * 24}, 40%, 50%);`).join(' ');
    await page.setContent(
      `<style>body { ${palette} } ${FLOW_CSS} #stage { position: absolute; transform-origin: 0 0; }</style>` +
        `<body><input id="search"><span id="matches"></span><span id="summary"></span><div id="problem"></div>` +
        `<button id="zoom-in"></button><button id="zoom-out"></button><button id="fit"></button><button id="export"></button>` +
        `<div id="canvas" style="position:absolute;inset:0;overflow:hidden"><div id="stage"></div></div></body>`,
    );
    // Plain JavaScript: the page must not see the helpers the TypeScript loader adds.
    await page.addScriptTag({ content: 'window.sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.sent.push(m) });' });
    await page.addScriptTag({ content: readFileSync(join(root, 'dist/webview/graph.js'), 'utf8') });
    await page.addScriptTag({
      content: `window.timeGraph = (graph) => new Promise((resolve) => {
        const start = performance.now();
        const before = window.sent.length;
        window.postMessage({ type: 'graph', graph, focus: null }, '*');
        const poll = () => {
          const drawn = window.sent.slice(before).find((m) => m.type === 'rendered');
          if (!drawn) return setTimeout(poll, 1);
          requestAnimationFrame(() => requestAnimationFrame(() =>
            resolve({ total: performance.now() - start, layout: drawn.layoutMs, markup: drawn.renderMs })));
        };
        poll();
      });`,
    });
    type Timing = { total: number; layout: number; markup: number };
    const samples: Timing[] = [];
    for (let i = 0; i < 3; i++) {
      samples.push(await page.evaluate((g: FlowGraph) => (window as unknown as { timeGraph(g: FlowGraph): Promise<Timing> }).timeGraph(g), graph));
    }
    const at = (key: keyof Timing) => median(samples.map((t) => t[key]));
    return `${fmt(at('total'))} (layout ${fmt(at('layout'))}, markup + DOM ${fmt(at('markup'))})`;
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

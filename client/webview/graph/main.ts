/**
 * The flow graph webview: lays out and draws the graph the extension sends (layout.ts,
 * svg.ts), and lets the writer search, zoom, pan and click. It never parses a script: the
 * graph comes from the language server through the extension.
 *
 * Laying out happens here, in the webview's own process, rather than in the extension
 * host, so a large script's layout never blocks other extensions.
 */
import type { FlowGraph } from '../../../server/src/language/graph/flow-graph';
import { layoutFlowGraph, type Box, type GraphLayout } from './layout';
import type { GraphHostMessage, GraphViewMessage } from './messages';
import { exportSvg, FLOW_COLOURS, renderRows, renderSvg } from './svg';

interface VsCodeApi {
  postMessage(message: GraphViewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const MESSAGES = {
  matches: (n: number, at: number) => (n === 0 ? 'no match' : at > 0 ? `${at} of ${n}` : `${n} match${n === 1 ? '' : 'es'}`),
  summary: (situations: number, steps: number, jumps: number) => `${situations} situations · ${steps} steps · ${jumps} jumps`,
};

const vscode = acquireVsCodeApi();
const stage = document.getElementById('stage') as HTMLDivElement;
const canvas = document.getElementById('canvas') as HTMLDivElement;
const search = document.getElementById('search') as HTMLInputElement;
const counter = document.getElementById('matches') as HTMLSpanElement;
const summary = document.getElementById('summary') as HTMLSpanElement;
const problem = document.getElementById('problem') as HTMLDivElement;

/**
 * Above this many steps a box's rows are drawn only once it is on screen at a readable
 * scale: the first frame of a 1,000-situation script then paints a few thousand elements
 * instead of tens of thousands, and at the scale that shows it whole the rows would be
 * too small to read anyway.
 */
const LAZY_ROWS_ABOVE = 1500;
const ROWS_MIN_SCALE = 0.3;
/** The picture's margin (svg.ts draws everything shifted by it). */
const MARGIN = 16;

let graph: FlowGraph | null = null;
let layout: GraphLayout | null = null;
/** Boxes whose rows are not drawn yet, by situation id. */
let pendingRows = new Map<string, Box>();
let view = { x: 0, y: 0, scale: 1 };
let drawnOnce = false;
let current: { situation: string | null; node: string | null } = { situation: null, node: null };
let matches: string[] = [];
let matchAt = -1;

window.addEventListener('message', (event: MessageEvent<GraphHostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'graph':
      draw(message.graph, message.focus);
      break;
    case 'cursor':
      markCurrent(message.situation, message.node, true);
      break;
    case 'focus':
      markCurrent(message.situation, null, false);
      centerOn(message.situation);
      break;
    case 'requestSvg':
      vscode.postMessage({ type: 'svg', id: message.id, svg: standaloneSvg() });
      break;
    case 'error':
      problem.textContent = message.message;
      problem.hidden = false;
      break;
  }
});

function draw(next: FlowGraph, focus: string | null): void {
  problem.hidden = true;
  const started = performance.now();
  layout = layoutFlowGraph(next);
  const laidOut = performance.now();
  const steps = next.situations.reduce((n, s) => n + s.steps.length, 0);
  const lazy = steps > LAZY_ROWS_ABOVE;
  stage.innerHTML = renderSvg(layout, next.files, { rows: !lazy });
  pendingRows = new Map(lazy ? layout.boxes.map((box) => [box.situation.id, box]) : []);
  graph = next;
  summary.textContent = MESSAGES.summary(next.situations.length, steps, next.jumps.length);
  markCurrent(current.situation, current.node, false);
  applySearch(false);
  if (focus !== null) {
    markCurrent(focus, null, false);
    centerOn(focus);
  } else if (!drawnOnce) {
    fit();
  } else {
    applyView();
  }
  drawnOnce = true;
  // The counts are what is in the document now, so the extension (and the tests) learn
  // what was actually drawn, not what was sent.
  vscode.postMessage({
    type: 'rendered',
    situations: stage.querySelectorAll('[data-situation]').length,
    steps: stage.querySelectorAll('[data-node]').length,
    jumps: stage.querySelectorAll('[data-jump]').length,
    layoutMs: laidOut - started,
    renderMs: performance.now() - laidOut,
  });
}

// ── highlighting ───────────────────────────────────────────────────────────────────────

function elementOf(attribute: 'data-situation' | 'data-node', id: string | null): SVGGElement | null {
  if (id === null) return null;
  return stage.querySelector<SVGGElement>(`[${attribute}="${CSS.escape(id)}"]`);
}

function markCurrent(situation: string | null, node: string | null, follow: boolean): void {
  stage.querySelectorAll('.current').forEach((element) => element.classList.remove('current'));
  current = { situation, node };
  const box = elementOf('data-situation', situation);
  box?.classList.add('current');
  elementOf('data-node', node)?.classList.add('current');
  if (follow && box && !isVisible(box)) centerOn(situation!);
}

function applySearch(jump: boolean): void {
  stage.querySelectorAll('.match').forEach((element) => element.classList.remove('match'));
  const query = search.value.trim().toLowerCase();
  matches = [];
  if (query === '' || !graph) {
    counter.textContent = '';
    return;
  }
  for (const situation of graph.situations) {
    const own = situation.id.toLowerCase().includes(query) || (situation.title ?? '').toLowerCase().includes(query);
    const steps = situation.steps.filter((s) => s.text.toLowerCase().includes(query));
    if (!own && steps.length === 0) continue;
    matches.push(situation.id);
    elementOf('data-situation', situation.id)?.classList.add('match');
    for (const step of steps) elementOf('data-node', step.node)?.classList.add('match');
  }
  if (matchAt >= matches.length) matchAt = -1;
  if (jump && matches.length > 0) {
    matchAt = (matchAt + 1) % matches.length;
    centerOn(matches[matchAt]);
  }
  counter.textContent = MESSAGES.matches(matches.length, matchAt + 1);
}

search.addEventListener('input', () => {
  matchAt = -1;
  applySearch(true);
});
search.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') applySearch(true);
  if (event.key === 'Escape') {
    search.value = '';
    applySearch(false);
  }
});

// ── zoom and pan ───────────────────────────────────────────────────────────────────────

function applyView(): void {
  stage.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  if (pendingRows.size > 0 && !rowsScheduled) {
    rowsScheduled = true;
    requestAnimationFrame(drawVisibleRows);
  }
}

let rowsScheduled = false;

/** Draws the rows of the boxes on screen (and half a screen around), at a readable scale. */
function drawVisibleRows(): void {
  rowsScheduled = false;
  if (view.scale < ROWS_MIN_SCALE) return;
  const width = canvas.clientWidth / view.scale;
  const height = canvas.clientHeight / view.scale;
  const left = -view.x / view.scale - MARGIN - width / 2;
  const top = -view.y / view.scale - MARGIN - height / 2;
  let drawn = false;
  for (const [id, box] of pendingRows) {
    if (box.x > left + 2 * width || box.x + box.width < left || box.y > top + 2 * height || box.y + box.height < top) continue;
    const element = elementOf('data-situation', id);
    element?.insertAdjacentHTML('beforeend', renderRows(box));
    element?.removeAttribute('data-rows');
    pendingRows.delete(id);
    drawn = true;
  }
  // New rows get the marks the others have.
  if (drawn) {
    markCurrent(current.situation, current.node, false);
    applySearch(false);
  }
}

function svgSize(): { width: number; height: number } {
  const svg = stage.querySelector('svg');
  return { width: Number(svg?.getAttribute('width') ?? 0), height: Number(svg?.getAttribute('height') ?? 0) };
}

function fit(): void {
  const { width, height } = svgSize();
  if (width === 0 || height === 0) return;
  // Small graphs are shown at their size; large ones shrink, but never below legibility
  // of the boxes' outlines (the writer zooms or searches from there).
  const scale = Math.max(0.05, Math.min(1, canvas.clientWidth / width, canvas.clientHeight / height));
  view = { scale, x: Math.max(0, (canvas.clientWidth - width * scale) / 2), y: 8 };
  applyView();
}

function zoomBy(factor: number, cx = canvas.clientWidth / 2, cy = canvas.clientHeight / 2): void {
  const scale = Math.min(4, Math.max(0.02, view.scale * factor));
  const k = scale / view.scale;
  view = { scale, x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k };
  applyView();
}

/** Moves the view so the situation's box is in the middle, at a readable scale. */
function centerOn(situation: string): void {
  const box = elementOf('data-situation', situation);
  if (!box) return;
  const { x, y, width, height } = boxOf(box);
  if (view.scale < 0.6) view.scale = 1;
  view.x = canvas.clientWidth / 2 - (x + width / 2) * view.scale;
  view.y = canvas.clientHeight / 2 - (y + Math.min(height, canvas.clientHeight / view.scale) / 2) * view.scale;
  applyView();
}

/** A box's place in graph coordinates, read from its transform and its frame. */
function boxOf(element: SVGGElement): { x: number; y: number; width: number; height: number } {
  const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(element.getAttribute('transform') ?? '');
  const frame = element.querySelector('rect');
  // The whole picture is shifted by its margin (the outer group's translate).
  const margin = 16;
  return {
    x: Number(match?.[1] ?? 0) + margin,
    y: Number(match?.[2] ?? 0) + margin,
    width: Number(frame?.getAttribute('width') ?? 0),
    height: Number(frame?.getAttribute('height') ?? 0),
  };
}

function isVisible(element: SVGGElement): boolean {
  const { x, y, width, height } = boxOf(element);
  const left = view.x + x * view.scale;
  const top = view.y + y * view.scale;
  return left >= 0 && top >= 0 && left + width * view.scale <= canvas.clientWidth && top + Math.min(height * view.scale, 40) <= canvas.clientHeight;
}

canvas.addEventListener(
  'wheel',
  (event) => {
    event.preventDefault();
    const rect = canvas.getBoundingClientRect();
    if (event.ctrlKey || event.metaKey || !event.shiftKey) zoomBy(Math.exp(-event.deltaY / 400), event.clientX - rect.left, event.clientY - rect.top);
    else {
      view.x -= event.deltaY;
      applyView();
    }
  },
  { passive: false },
);

let drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | null = null;
canvas.addEventListener('pointerdown', (event) => {
  if (event.button !== 0) return;
  drag = { x: view.x, y: view.y, startX: event.clientX, startY: event.clientY, moved: false };
});
window.addEventListener('pointermove', (event) => {
  if (!drag) return;
  const dx = event.clientX - drag.startX;
  const dy = event.clientY - drag.startY;
  if (!drag.moved && Math.hypot(dx, dy) < 4) return;
  if (!drag.moved) canvas.setPointerCapture?.(event.pointerId);
  drag.moved = true;
  view.x = drag.x + dx;
  view.y = drag.y + dy;
  applyView();
});
window.addEventListener('pointerup', (event) => {
  const wasDrag = drag?.moved ?? false;
  drag = null;
  if (wasDrag || !(event.target instanceof Element) || !canvas.contains(event.target)) return;
  const step = event.target.closest('[data-node]');
  if (step) {
    vscode.postMessage({ type: 'reveal', node: step.getAttribute('data-node')! });
    return;
  }
  const box = event.target.closest('[data-situation]');
  if (box) vscode.postMessage({ type: 'revealSituation', situation: box.getAttribute('data-situation')! });
});

document.getElementById('zoom-in')!.addEventListener('click', () => zoomBy(1.25));
document.getElementById('zoom-out')!.addEventListener('click', () => zoomBy(0.8));
document.getElementById('fit')!.addEventListener('click', fit);
document.getElementById('export')!.addEventListener('click', () => vscode.postMessage({ type: 'svg', id: null, svg: standaloneSvg() }));
window.addEventListener('keydown', (event) => {
  if (event.target === search) return;
  if (event.key === '+' || event.key === '=') zoomBy(1.25);
  else if (event.key === '-') zoomBy(0.8);
  else if (event.key === '0') fit();
  else if (event.key === 'f' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    search.focus();
  }
});

/** The picture as a file, in the colours of the theme in use now. */
function standaloneSvg(): string {
  const style = getComputedStyle(document.body);
  const colours: Record<string, string> = {};
  for (const name of FLOW_COLOURS) colours[name] = style.getPropertyValue(name).trim();
  // Always every row, whatever the view has drawn so far.
  const markup = layout && graph ? renderSvg(layout, graph.files) : '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
  return exportSvg(markup, colours, style.fontFamily || 'sans-serif');
}

vscode.postMessage({ type: 'ready' });

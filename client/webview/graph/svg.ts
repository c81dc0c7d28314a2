/**
 * The flow graph as SVG markup, from its layout. Pure (a string out), so the webview, the
 * "Export SVG" file and the benchmark all draw the same picture.
 *
 * Colours are never written into the markup: every element has classes, and the rules in
 * `FLOW_CSS` colour them through `--flow-*` custom properties. In the webview those map to
 * VS Code's theme variables (media/graph.css), so the picture follows light, dark and high
 * contrast themes; an exported file gets the same rules with the theme's concrete colours
 * put in (`exportSvg`), so it looks the same outside the editor.
 *
 * Elements the webview acts on carry data attributes: `data-situation` on a box,
 * `data-node` on a step row, `data-jump` on an arrow.
 */
import type { FlowStep, FlowStepKind } from '../../../server/src/language/graph/flow-graph';
import { HEADER_HEIGHT, ROW_HEIGHT, type Box, type GraphLayout, type JumpPath } from './layout';

/** The keyword each step is shown with (the script's English spelling). */
const KEYWORDS: Record<FlowStepKind, string> = {
  say: 'say',
  note: 'note',
  promise: 'promise',
  hold: 'hold',
  wait: 'wait',
  goto: 'goto',
  transfer: 'transfer',
  hangup: 'hangup',
  end: 'end',
};

const MESSAGES = {
  missingTarget: (id: string) => `${id} (no such situation)`,
  importedFrom: (file: string) => `from ${file}`,
};

/** Width of the keyword column of a row. */
const KEYWORD_WIDTH = 58;
const MARGIN = 16;

/** The custom properties the picture is coloured with, and what each is for. */
export const FLOW_COLOURS = [
  '--flow-background',
  '--flow-foreground',
  '--flow-muted',
  '--flow-box',
  '--flow-box-border',
  '--flow-header',
  '--flow-keyword',
  '--flow-jump',
  '--flow-terminal',
  '--flow-current',
  '--flow-match',
  '--flow-error',
  '--flow-warning',
  '--flow-info',
  '--flow-hint',
] as const;

/** The rules that colour the markup; shared by the webview and the exported file. */
export const FLOW_CSS = `
svg.flow { background: var(--flow-background); font-family: var(--flow-font, sans-serif); font-size: 12px; }
.flow .box { fill: var(--flow-box); stroke: var(--flow-box-border); stroke-width: 1; }
.flow .header { fill: var(--flow-header); }
.flow .sid { fill: var(--flow-foreground); font-weight: 600; font-size: 13px; }
.flow .stitle, .flow .file { fill: var(--flow-muted); font-size: 11px; }
.flow .row { fill: transparent; }
.flow .kw { fill: var(--flow-keyword); font-weight: 600; }
.flow .label { fill: var(--flow-foreground); }
.flow .branch .kw { fill: var(--flow-muted); font-style: italic; font-weight: 400; }
.flow .kind-goto .label, .flow .kind-transfer .label { fill: var(--flow-jump); }
.flow .kind-hangup .kw, .flow .kind-transfer .kw, .flow .kind-end .kw { fill: var(--flow-terminal); }
.flow .jump { fill: none; stroke: var(--flow-jump); stroke-width: 1.4; }
.flow .arrowhead { fill: var(--flow-jump); }
.flow .sev-error > .box { stroke: var(--flow-error); stroke-width: 2; }
.flow .sev-warning > .box { stroke: var(--flow-warning); stroke-width: 2; }
.flow .sev-info > .box { stroke: var(--flow-info); stroke-width: 2; }
.flow .sev-hint > .box { stroke: var(--flow-hint); stroke-dasharray: 3 2; }
.flow .step.sev-error > .row { fill: var(--flow-error); fill-opacity: 0.18; stroke: var(--flow-error); }
.flow .step.sev-warning > .row { fill: var(--flow-warning); fill-opacity: 0.18; stroke: var(--flow-warning); }
.flow .step.sev-info > .row { fill: var(--flow-info); fill-opacity: 0.14; stroke: var(--flow-info); }
.flow .step.sev-hint > .row { stroke: var(--flow-hint); stroke-dasharray: 3 2; }
.flow .situation.current > .box { stroke: var(--flow-current); stroke-width: 3; }
.flow .step.current > .row { fill: var(--flow-current); fill-opacity: 0.22; }
.flow .situation.match > .box { stroke: var(--flow-match); stroke-width: 3; }
.flow .step.match > .row { fill: var(--flow-match); fill-opacity: 0.3; }
`;

/**
 * The whole picture. With `rows: false` each box is drawn with its header only and marked
 * `data-rows="pending"`; the webview draws a box's rows (`renderRows`) once it is on screen
 * at a readable scale, which keeps the first frame of a large script cheap.
 */
export function renderSvg(layout: GraphLayout, files: readonly string[], options: { rows?: boolean; rootFile?: number } = {}): string {
  const rows = options.rows ?? true;
  const rootFile = options.rootFile ?? 0;
  const width = Math.ceil(layout.width + 2 * MARGIN + 32);
  const height = Math.ceil(layout.height + 2 * MARGIN);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      '<path class="arrowhead" d="M0,0L10,5L0,10z"/></marker></defs>',
    `<g transform="translate(${MARGIN},${MARGIN})">`,
    '<g class="situations">',
  ];
  for (const box of layout.boxes) parts.push(renderBox(box, files, rootFile, rows));
  // Arrows after the boxes, so they stay visible where they cross one.
  parts.push('</g><g class="jumps">');
  for (const jump of layout.jumps) parts.push(renderJump(jump));
  parts.push('</g></g></svg>');
  return parts.join('');
}

function renderBox(box: Box, files: readonly string[], rootFile: number, rows: boolean): string {
  const { situation } = box;
  const severity = situation.severity ? ` sev-${situation.severity}` : '';
  const out: string[] = [
    `<g class="situation${severity}" data-situation="${attr(situation.id)}"${rows ? '' : ' data-rows="pending"'} transform="translate(${round(box.x)},${round(box.y)})">`,
    `<rect class="box" width="${box.width}" height="${round(box.height)}" rx="6"/>`,
    `<rect class="header" x="1" y="1" width="${box.width - 2}" height="${HEADER_HEIGHT - 4}" rx="5"/>`,
    `<text class="sid" x="10" y="17">${text(fit(situation.id, box.width - 20, 13))}</text>`,
  ];
  const subtitle =
    situation.file !== rootFile
      ? MESSAGES.importedFrom(baseName(files[situation.file] ?? ''))
      : (situation.title ?? '');
  if (subtitle) out.push(`<text class="${situation.file !== rootFile ? 'file' : 'stitle'}" x="10" y="32">${text(fit(subtitle, box.width - 20, 11))}</text>`);
  if (rows) out.push(renderRows(box));
  out.push('</g>');
  return out.join('');
}

/** The rows of one box (its steps and body labels), in the box's coordinates. */
export function renderRows(box: Box): string {
  const out: string[] = [];
  for (const row of box.rows) {
    const x = 4 + row.indent;
    const rowWidth = box.width - x - 4;
    if (row.type === 'branch') {
      out.push(
        `<g class="branch" transform="translate(0,${row.y})"><text class="kw" x="${x + 6}" y="15">${row.label}</text></g>`,
      );
      continue;
    }
    const step = row.step;
    const stepSeverity = step.severity ? ` sev-${step.severity}` : '';
    const label = labelOf(step);
    const room = rowWidth - KEYWORD_WIDTH - 8;
    const shown = fit(label, room, 12);
    out.push(
      `<g class="step kind-${step.kind}${stepSeverity}" data-node="${attr(step.node)}" transform="translate(0,${row.y})">` +
        `<rect class="row" x="${x}" y="1" width="${rowWidth}" height="${ROW_HEIGHT - 2}" rx="3"/>` +
        `<text class="kw" x="${x + 6}" y="15">${KEYWORDS[step.kind]}</text>` +
        (shown ? `<text class="label" x="${x + 6 + KEYWORD_WIDTH}" y="15">${text(shown)}</text>` : '') +
        (shown !== label ? `<title>${text(label)}</title>` : '') +
        '</g>',
    );
  }
  return out.join('');
}

function labelOf(step: FlowStep): string {
  if (step.kind === 'goto' && !step.resolved) return MESSAGES.missingTarget(step.target ?? '');
  return step.text;
}

function renderJump(path: JumpPath): string {
  return `<path class="jump" data-jump="${attr(path.jump.from)}" d="${pathData(path.points)}" marker-end="url(#arrow)"/>`;
}

/** A smooth line through the points: straight ends, rounded corners at the points between. */
export function pathData(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const p = points.map((q) => ({ x: round(q.x), y: round(q.y) }));
  let d = `M${p[0].x},${p[0].y}`;
  for (let i = 1; i < p.length - 1; i++) {
    const mid = { x: round((p[i].x + p[i + 1].x) / 2), y: round((p[i].y + p[i + 1].y) / 2) };
    d += `Q${p[i].x},${p[i].y} ${mid.x},${mid.y}`;
  }
  if (p.length > 1) d += `L${p[p.length - 1].x},${p[p.length - 1].y}`;
  return d;
}

/**
 * A standalone SVG file of the picture: the markup `renderSvg` made (so without the
 * webview's highlights) with the rules in a `<style>` and every
 * `var(--flow-…)` replaced by the colour `colours` gives it (the theme's, read by the
 * webview), so it looks the same in a browser, an image viewer or a document.
 */
export function exportSvg(markup: string, colours: Readonly<Record<string, string>>, font = 'sans-serif'): string {
  const css = FLOW_CSS.replace(/var\((--flow-[a-z-]+)(?:,\s*([^)]*))?\)/g, (_, name: string, fallback?: string) =>
    name === '--flow-font' ? font : (colours[name] || fallback || 'currentColor'),
  );
  const style = `<style>${css.replace(/</g, '')}</style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup.replace(/(<svg[^>]*>)/, `$1${style}`)}\n`;
}

/**
 * `label` cut to fit `width` pixels at `fontSize`, with an ellipsis. Widths are estimated
 * (a CJK or full-width character is one em, anything else about 0.58 em), because the
 * layout runs where no font can be measured.
 */
export function fit(label: string, width: number, fontSize: number): string {
  let used = 0;
  const chars = [...label];
  for (let i = 0; i < chars.length; i++) {
    used += charWidth(chars[i]) * fontSize;
    if (used > width) return `${chars.slice(0, Math.max(0, i - 1)).join('')}…`;
  }
  return label;
}

function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 ? 1 : 0.58;
}

function baseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

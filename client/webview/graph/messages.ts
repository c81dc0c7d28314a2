/**
 * The messages between the flow graph webview and the extension. The webview is treated
 * as untrusted input: it only ever names things by id (a step's node id, a situation id),
 * never by URI or line, and the extension looks each id up in the graph it sent before
 * acting on it. `parseGraphViewMessage` checks every message's shape first.
 */
import type { FlowGraph } from '../../../server/src/language/graph/flow-graph';

/** Extension → webview. */
export type GraphHostMessage =
  /** Draw this graph; `focus` names a situation to bring into view. */
  | { type: 'graph'; graph: FlowGraph; focus: string | null }
  /** The editor's cursor is in this situation (and on this step's line), or in none. */
  | { type: 'cursor'; situation: string | null; node: string | null }
  /** Bring a situation into view and mark it. */
  | { type: 'focus'; situation: string }
  /** Send the picture as a standalone SVG file's text, answering with the same `id`. */
  | { type: 'requestSvg'; id: number }
  /** The graph could not be made (the message says why); the last picture stays. */
  | { type: 'error'; message: string };

/** Webview → extension. */
export type GraphViewMessage =
  | { type: 'ready' }
  /** The user clicked a step. */
  | { type: 'reveal'; node: string }
  /** The user clicked a situation's header. */
  | { type: 'revealSituation'; situation: string }
  /** A graph was drawn: what is on screen, and how long it took. */
  | { type: 'rendered'; situations: number; steps: number; jumps: number; layoutMs: number; renderMs: number }
  /** The picture as SVG; `id` answers a `requestSvg`, null when the user pressed "Export SVG". */
  | { type: 'svg'; id: number | null; svg: string };

/** The largest SVG the extension accepts from the webview (a 1,000-situation picture is ~3 MB). */
export const MAX_SVG_CHARS = 64 * 1024 * 1024;
const MAX_ID_CHARS = 1000;

/** The message if it has exactly the shape of one the webview may send, otherwise undefined. */
export function parseGraphViewMessage(value: unknown): GraphViewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isId(m.node) ? { type: 'reveal', node: m.node } : undefined;
    case 'revealSituation':
      return isId(m.situation) ? { type: 'revealSituation', situation: m.situation } : undefined;
    case 'rendered': {
      const numbers = [m.situations, m.steps, m.jumps, m.layoutMs, m.renderMs];
      if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) return undefined;
      return {
        type: 'rendered',
        situations: m.situations as number,
        steps: m.steps as number,
        jumps: m.jumps as number,
        layoutMs: m.layoutMs as number,
        renderMs: m.renderMs as number,
      };
    }
    case 'svg': {
      const id = m.id === null || (typeof m.id === 'number' && Number.isInteger(m.id)) ? (m.id as number | null) : undefined;
      if (id === undefined || typeof m.svg !== 'string' || m.svg.length > MAX_SVG_CHARS) return undefined;
      // Only a picture this webview made: an XML prolog and one SVG root, nothing scriptable.
      if (!/^<\?xml [^>]*\?>\s*<svg[\s>]/.test(m.svg) || /<script|<foreignObject|<[^>]*\son[a-z]+\s*=|javascript:/i.test(m.svg)) return undefined;
      return { type: 'svg', id, svg: m.svg };
    }
    default:
      return undefined;
  }
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_CHARS;
}

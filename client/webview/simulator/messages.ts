/**
 * The messages between the simulator webview and the extension. As with the flow graph,
 * the webview is untrusted: it sends only choices (an answer, back, restart, a situation
 * id, placeholder values, a transcript line's index), each checked here before the
 * extension acts on it, and the extension checks ids and indexes against its own state.
 */
import type { SimulateResult } from '../../../server/src/lsp/protocol';

export interface SimulatorState {
  result: SimulateResult;
  /** The placeholder values in use. */
  vars: Record<string, string>;
  /** How many answers were given (Back is possible when > 0). */
  answers: number;
}

/** Extension → webview. */
export type SimulatorHostMessage = { type: 'state'; state: SimulatorState };

/** Webview → extension. */
export type SimulatorViewMessage =
  | { type: 'ready' }
  /** The caller's answer at the wait the call stopped at; `afterMs` times a reply. */
  | { type: 'answer'; event: 'silence' | 'reply'; afterMs: number | null }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'situation'; id: string }
  | { type: 'vars'; vars: Record<string, string> }
  /** Show the step of this transcript line in the editor. */
  | { type: 'reveal'; index: number };

const MAX_TEXT = 1000;
const MAX_VARS = 500;
/** The longest reply delay accepted: a wait is minutes at most in practice. */
const MAX_AFTER_MS = 24 * 3_600_000;

export function parseSimulatorViewMessage(value: unknown): SimulatorViewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'back':
    case 'restart':
      return { type: m.type };
    case 'answer': {
      if (m.event !== 'silence' && m.event !== 'reply') return undefined;
      const after = m.afterMs;
      if (after !== null && !(typeof after === 'number' && Number.isFinite(after) && after >= 0 && after <= MAX_AFTER_MS)) return undefined;
      return { type: 'answer', event: m.event, afterMs: m.event === 'reply' ? (after as number | null) : null };
    }
    case 'situation':
      return typeof m.id === 'string' && m.id.length > 0 && m.id.length <= MAX_TEXT ? { type: 'situation', id: m.id } : undefined;
    case 'vars': {
      if (typeof m.vars !== 'object' || m.vars === null || Array.isArray(m.vars)) return undefined;
      const entries = Object.entries(m.vars as Record<string, unknown>);
      if (entries.length > MAX_VARS) return undefined;
      const vars: Record<string, string> = {};
      for (const [name, text] of entries) {
        if (typeof text !== 'string' || name.length > MAX_TEXT || text.length > MAX_TEXT) return undefined;
        vars[name] = text;
      }
      return { type: 'vars', vars };
    }
    case 'reveal':
      return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 ? { type: 'reveal', index: m.index } : undefined;
    default:
      return undefined;
  }
}

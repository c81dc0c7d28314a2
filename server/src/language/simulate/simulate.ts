/**
 * `sop simulate`'s pure part: walks the compiled IVR graph from a situation's entry exactly
 * as `docs/output-format.md` ("Walking the graph") tells an engine to, taking one caller
 * event per `wait`, and records every step with the time on a simulated clock.
 *
 * The clock counts what the script itself spends: a phrase its estimated speaking time
 * (the compiler's model, re-estimated with the values of filled placeholders), a wait met
 * with silence the whole wait, a hold its maximum. A reply comes at once unless the event
 * says when (`reply@2s`); how long the caller then talks is not the script's.
 *
 * In interactive mode (the editor's simulator panel) the walk stops at the first `wait`
 * after the given events ran out, with the outcome `awaiting-caller`, instead of taking
 * silence; the panel adds the user's choice to the events and walks again.
 *
 * A call can go round for ever (a `goto` cycle that the caller's silence keeps taking), so
 * the walk stops at the first node visited twice after the given events ran out (from then
 * on every `wait` meets silence, so the same node means the same future), and in any case
 * after `maxSteps` steps.
 */
import { compileProgram } from '../compile/compile';
import { estimateSpeakingMs } from '../compile/speaking-time';
import type { CompiledScript, EndReason, IvrNode, SourcePosition, TextPart } from '../compile/types';
import type { Program } from '../program';
import { toTimedEvent, type CallerEvent, type CallerInput } from './events';

/** A piece of a phrase as spoken: literal text, or a placeholder with its value (`null`: unfilled). */
export type SpokenPart = { text: string } | { var: string; value: string | null };

/** Fields every recorded step has. */
interface StepBase {
  /** Milliseconds since the call entered the simulated situation, when the step starts. */
  at: number;
  /** The IVR node id. */
  node: string;
  /** The situation the node belongs to (changes after a `goto`). */
  situation: string;
  source: SourcePosition;
}

export type SimStep = StepBase &
  (
    /**
     * `text` for display, filled placeholders replaced by their value and unfilled ones
     * written `{name}`; `parts` as the script wrote them; `spoken` with each placeholder's
     * value, to tell placeholders from literal braces; `estimatedMs` with the values.
     */
    | { type: 'say'; text: string; parts: TextPart[]; spoken: SpokenPart[]; estimatedMs: number }
    | { type: 'note'; text: string }
    | { type: 'promise'; windowMs: number; text: string | null }
    | { type: 'hold'; maxMs: number | null }
    /**
     * `assumed`: the given events had run out, so silence was taken. `replyAfterMs`: when
     * the caller answered, into the wait (0 for a reply at once; `null` for silence).
     */
    | { type: 'wait'; timeoutMs: number; event: CallerEvent; replyAfterMs: number | null; assumed: boolean }
    | { type: 'goto'; target: string; title: string | null }
    | { type: 'transfer'; queue: string }
    | { type: 'hangup' }
    | { type: 'end'; reason: EndReason }
  );

/**
 * How the simulated call ended: the three ways a script ends (`hangup`, `transfer`,
 * `agent-takeover`), or a problem the linter reports in a real script (`dead-end`,
 * `unknown-situation`), or the walk was stopped (`loop`, `step-limit`), or it stopped at a
 * wait: for the user's next event (`awaiting-caller`, interactive mode only) or because the
 * given reply comes after the wait timed out (`late-reply`, a mistake in the events).
 */
export type OutcomeKind =
  | 'hangup'
  | 'transfer'
  | 'agent-takeover'
  | 'dead-end'
  | 'unknown-situation'
  | 'loop'
  | 'step-limit'
  | 'awaiting-caller'
  | 'late-reply';

/** The wait a call stopped at. */
export interface WaitPoint {
  node: string;
  situation: string;
  timeoutMs: number;
  source: SourcePosition;
}

export interface SimOutcome {
  type: 'outcome';
  at: number;
  outcome: OutcomeKind;
  /** The queue of a transfer, the missing id of an unknown situation. */
  target: string | null;
  /** For `loop`: the situations the call goes round, the first one repeated at the end. */
  loop: string[] | null;
  /** How many steps ran. */
  steps: number;
  /** How many of the given events a `wait` consumed; the rest were never needed. */
  eventsUsed: number;
  eventsUnused: number;
  /** For `awaiting-caller` and `late-reply`: the wait the call stopped at. */
  wait: WaitPoint | null;
  /** For `late-reply`: the offending event (its index in the given events) and its time. */
  lateReply: { index: number; afterMs: number } | null;
}

export interface Simulation {
  situation: string;
  title: string | null;
  steps: SimStep[];
  outcome: SimOutcome;
}

export interface SimulateOptions {
  /** Stop after this many steps (default 1000). */
  maxSteps?: number;
  /** Placeholder values by variable name; a placeholder without one stays `{name}`. */
  vars?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Stop at a `wait` when the events ran out (`awaiting-caller`) instead of taking silence. */
  interactive?: boolean;
}

export const DEFAULT_MAX_STEPS = 1000;

/** Compiles `program` and simulates `situationId`; see `simulateCompiled`. */
export function simulateSituation(
  program: Program,
  situationId: string,
  events: readonly CallerInput[],
  options: SimulateOptions & { displayPath?: (uri: string) => string } = {},
): Simulation {
  return simulateCompiled(compileProgram(program, { displayPath: options.displayPath }), situationId, events, options);
}

/**
 * Walks `situationId` of a compiled script. The id must name one of its situations (callers
 * check first, so they can answer "did you mean …?"); anything else is a programming error.
 */
export function simulateCompiled(
  compiled: CompiledScript,
  situationId: string,
  givenEvents: readonly CallerInput[],
  options: SimulateOptions = {},
): Simulation {
  const events = givenEvents.map(toTimedEvent);
  const vars = toVarMap(options.vars);
  const { nodes, situations } = compiled.ivr;
  const start = situations[situationId];
  if (!start) throw new RangeError(`no situation "${situationId}" in the compiled script`);
  const titles = new Map(compiled.agent.situations.map((s) => [s.id, s.title]));
  const maxSteps = Math.max(1, options.maxSteps ?? DEFAULT_MAX_STEPS);

  const steps: SimStep[] = [];
  let clock = 0;
  let used = 0;
  /** Nodes visited since the events ran out, with the index of their step. */
  const visitedAfterEvents = new Map<string, number>();
  let wait: WaitPoint | null = null;
  let lateReply: SimOutcome['lateReply'] = null;
  const finish = (outcome: OutcomeKind, target: string | null = null, loop: string[] | null = null): Simulation => ({
    situation: situationId,
    title: titles.get(situationId) ?? null,
    steps,
    outcome: {
      type: 'outcome',
      at: clock,
      outcome,
      target,
      loop,
      steps: steps.length,
      eventsUsed: used,
      eventsUnused: events.length - used,
      wait,
      lateReply,
    },
  });

  let nodeId: string | null = start.entry;
  while (nodeId !== null) {
    const node: IvrNode | undefined = nodes[nodeId];
    // The compiler's graph is closed; a missing node can only come from a hand-made input.
    if (!node) return finish('unknown-situation', nodeId);
    if (used >= events.length) {
      const first = visitedAfterEvents.get(nodeId);
      if (first !== undefined) return finish('loop', null, loopSituations(steps.slice(first), node.situation));
      visitedAfterEvents.set(nodeId, steps.length);
    }
    if (steps.length >= maxSteps) return finish('step-limit');

    const base = { at: clock, node: nodeId, situation: node.situation, source: node.source };
    switch (node.type) {
      case 'say': {
        const say = fillPlaceholders(node.parts, vars);
        const estimatedMs = say.filled ? estimateSpeakingMs(say.literal) : node.estimatedMs;
        steps.push({ type: 'say', ...base, text: say.text, parts: node.parts, spoken: say.spoken, estimatedMs });
        clock += estimatedMs;
        nodeId = node.next;
        break;
      }
      case 'note':
        steps.push({ type: 'note', ...base, text: node.text });
        nodeId = node.next;
        break;
      case 'promise':
        steps.push({ type: 'promise', ...base, windowMs: node.windowMs, text: node.text });
        nodeId = node.next;
        break;
      case 'hold':
        steps.push({ type: 'hold', ...base, maxMs: node.maxMs });
        clock += node.maxMs ?? 0;
        nodeId = node.next;
        break;
      case 'wait': {
        const assumed = used >= events.length;
        if (assumed && options.interactive) {
          wait = { node: nodeId, situation: node.situation, timeoutMs: node.timeoutMs, source: node.source };
          return finish('awaiting-caller');
        }
        const given = assumed ? { event: 'silence' as const, afterMs: null } : events[used];
        if (given.event === 'reply' && given.afterMs !== null && given.afterMs > node.timeoutMs) {
          wait = { node: nodeId, situation: node.situation, timeoutMs: node.timeoutMs, source: node.source };
          lateReply = { index: used, afterMs: given.afterMs };
          return finish('late-reply');
        }
        if (!assumed) used++;
        const replyAfterMs = given.event === 'reply' ? (given.afterMs ?? 0) : null;
        steps.push({ type: 'wait', ...base, timeoutMs: node.timeoutMs, event: given.event, replyAfterMs, assumed });
        clock += replyAfterMs ?? node.timeoutMs;
        nodeId = given.event === 'reply' ? node.onReply : node.onSilence;
        break;
      }
      case 'goto':
        steps.push({ type: 'goto', ...base, target: node.target, title: titles.get(node.target) ?? null });
        if (node.next === null) return finish('unknown-situation', node.target);
        nodeId = node.next;
        break;
      case 'transfer':
        steps.push({ type: 'transfer', ...base, queue: node.queue });
        return finish('transfer', node.queue);
      case 'hangup':
        steps.push({ type: 'hangup', ...base });
        return finish('hangup');
      case 'end':
        steps.push({ type: 'end', ...base, reason: node.reason });
        return finish(node.reason === 'dead-end' ? 'dead-end' : 'agent-takeover');
    }
  }
  return finish('unknown-situation');
}

function toVarMap(vars: SimulateOptions['vars']): ReadonlyMap<string, string> {
  if (vars === undefined) return new Map();
  if (vars instanceof Map) return vars;
  return new Map(Object.entries(vars as Readonly<Record<string, string>>));
}

/** A phrase with the given values in: for display, for the speaking-time estimate, and per part. */
function fillPlaceholders(parts: readonly TextPart[], vars: ReadonlyMap<string, string>) {
  let filled = false;
  let text = '';
  const literal: TextPart[] = [];
  const spoken: SpokenPart[] = [];
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
      literal.push(part);
      spoken.push(part);
      continue;
    }
    const value = vars.get(part.var);
    if (value === undefined) {
      text += `{${part.var}}`;
      literal.push(part);
      spoken.push({ var: part.var, value: null });
    } else {
      filled = true;
      text += value;
      literal.push({ text: value });
      spoken.push({ var: part.var, value });
    }
  }
  return { filled, text, literal, spoken };
}

/** The situations one round of a loop passes through, in order, back to where it started. */
function loopSituations(round: readonly SimStep[], back: string): string[] {
  const out: string[] = [];
  for (const step of round) if (out[out.length - 1] !== step.situation) out.push(step.situation);
  if (out[out.length - 1] !== back || out.length === 1) out.push(back);
  return out;
}

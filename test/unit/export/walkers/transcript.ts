/**
 * What the equivalence tests compare: the phrases a caller hears, each wait with the
 * caller's answer, holds, and how the call ends. Notes, promises and jumps are left out,
 * because no platform shows them to the caller.
 */
import type { Simulation } from '../../../../server/src/language/simulate/index';
import type { CallerEvent } from '../../../../server/src/language/simulate/index';

export type Transcript = string[];

/** The walkers stop a call that goes on this long: it would never end. */
export const WALK_LIMIT = 1000;

/** The projection of `sop simulate`'s walk. A dead end exports as the agent taking over. */
export function simulationTranscript(simulation: Simulation): Transcript {
  const out: Transcript = [];
  for (const step of simulation.steps) {
    if (step.type === 'say') out.push(`SAY ${step.parts.map((p) => ('var' in p ? `{${p.var}}` : p.text)).join('')}`);
    else if (step.type === 'wait') out.push(`WAIT ${step.timeoutMs} ${step.event}`);
    else if (step.type === 'hold') out.push('HOLD');
  }
  const o = simulation.outcome;
  switch (o.outcome) {
    case 'hangup':
      out.push('HANGUP');
      break;
    case 'transfer':
      out.push(`TRANSFER ${o.target}`);
      break;
    case 'agent-takeover':
    case 'dead-end':
      out.push('AGENT');
      break;
    case 'loop':
      out.push('LOOP');
      break;
    default:
      out.push(o.outcome.toUpperCase());
  }
  return out;
}

/**
 * The caller's side of a walk, shared by the walkers: one event per wait, silence once
 * the events ran out, and the loop rule of `sop simulate` (a state seen twice after the
 * events ran out repeats for ever).
 */
export class Caller {
  private used = 0;
  private arrivals = 0;
  private readonly seen = new Set<string>();
  readonly transcript: Transcript = [];

  constructor(private readonly events: readonly CallerEvent[]) {}

  /** Call at each state; true when the walk must stop (a loop or the limit). */
  arrive(state: string): boolean {
    if (this.used >= this.events.length) {
      if (this.seen.has(state)) {
        this.transcript.push('LOOP');
        return true;
      }
      this.seen.add(state);
    }
    // Counted in states, not in lines: a loop of jumps says nothing but must still stop.
    if (++this.arrivals > WALK_LIMIT) {
      this.transcript.push('STEP-LIMIT');
      return true;
    }
    return false;
  }

  answer(timeoutMs: number): CallerEvent {
    const event = this.used < this.events.length ? this.events[this.used++] : 'silence';
    this.transcript.push(`WAIT ${timeoutMs} ${event}`);
    return event;
  }

  say(text: string): void {
    this.transcript.push(`SAY ${text}`);
  }

  push(line: string): void {
    this.transcript.push(line);
  }
}

/** Every sequence of caller events up to `depth` long, the empty one first. */
export function eventSequences(depth: number): CallerEvent[][] {
  const out: CallerEvent[][] = [[]];
  let level: CallerEvent[][] = [[]];
  for (let d = 0; d < depth; d++) {
    level = level.flatMap((seq) => [[...seq, 'silence' as CallerEvent], [...seq, 'reply' as CallerEvent]]);
    out.push(...level);
  }
  return out;
}

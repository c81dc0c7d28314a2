/**
 * The control-flow reading of a situation, per the spec's "Meaning" section. Lint rules,
 * the compiler and the simulator all ask these questions, so they are answered once here.
 *
 * - `goto`, `transfer`, `hangup` and `end` are terminal.
 * - A `wait` is terminal when its `fallback` body ends terminally and its `reply` body
 *   (if any) does too: a missing `reply` means the agent takes over, as if `end`.
 * - A body ends terminally when one of its steps is terminal; later steps are unreachable.
 */
import type { Situation, Step, WaitStep } from './ast';

export function isTerminal(step: Step): boolean {
  switch (step.kind) {
    case 'goto':
    case 'transfer':
    case 'hangup':
    case 'end':
      return true;
    case 'wait':
      return isTerminalWait(step);
    default:
      return false;
  }
}

export function isTerminalWait(wait: WaitStep): boolean {
  if (!wait.fallback || firstTerminalIndex(wait.fallback.steps) < 0) return false;
  return !wait.reply || firstTerminalIndex(wait.reply.steps) >= 0;
}

/** The index of the first terminal step of a body, or -1. */
export function firstTerminalIndex(steps: readonly Step[]): number {
  // `isTerminal` spelled out in a plain loop: the lint asks this of every body of a file,
  // once per process (cold), where each call costs.
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    switch (step.kind) {
      case 'goto':
      case 'transfer':
      case 'hangup':
      case 'end':
        return i;
      case 'wait':
        if (isTerminalWait(step)) return i;
        break;
      default:
        break;
    }
  }
  return -1;
}

export function endsTerminally(steps: readonly Step[]): boolean {
  return firstTerminalIndex(steps) >= 0;
}

/** Where a step sits: its body, its index there, and the wait branch that holds the body. */
export interface StepPlace {
  step: Step;
  body: readonly Step[];
  index: number;
  /** The `wait` whose `reply`/`fallback` body this is; undefined for the situation's body. */
  parent?: { wait: WaitStep; branch: 'reply' | 'fallback'; place: StepPlace };
  situation: Situation;
}

/** Visits every step of a situation, nested branches included, in source order. */
export function forEachStep(situation: Situation, visit: (place: StepPlace) => void): void {
  const walk = (body: readonly Step[], parent: StepPlace['parent']) => {
    body.forEach((step, index) => {
      const place: StepPlace = { step, body, index, parent, situation };
      visit(place);
      if (step.kind === 'wait') {
        if (step.reply) walk(step.reply.steps, { wait: step, branch: 'reply', place });
        if (step.fallback) walk(step.fallback.steps, { wait: step, branch: 'fallback', place });
      }
    });
  };
  walk(situation.steps, undefined);
}

/**
 * The steps that run just before `place` on the path that reaches it, nearest first. The
 * first step of a `reply`/`fallback` body is preceded by its `wait` (and what came before
 * that wait). `through` limits which branches the walk may climb out of: a rule that asks
 * "did the caller stay silent for this wait?" climbs only out of `fallback` bodies.
 */
export function stepsBefore(
  place: StepPlace,
  count: number,
  through: ReadonlyArray<'reply' | 'fallback'> = ['reply', 'fallback'],
): Step[] {
  const out: Step[] = [];
  let current: StepPlace | undefined = place;
  while (current && out.length < count) {
    for (let i = current.index - 1; i >= 0 && out.length < count; i--) out.push(current.body[i]);
    if (out.length >= count || !current.parent || !through.includes(current.parent.branch)) break;
    out.push(current.parent.wait);
    current = current.parent.place;
  }
  return out;
}

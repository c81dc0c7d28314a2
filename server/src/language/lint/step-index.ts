/**
 * The steps of a file's situations that some rule judges, by kind, each with its place
 * (its body, its index there, the wait branch holding it). Most rules judge steps of
 * one or two kinds (`hangup`, `wait`, `say`…); each walking every situation itself made
 * as many walks of the file as rules, and a cold `sop check` of 50,000 lines spent more
 * time in those walks (and the closures and places each made) than in the judging. So
 * the file is walked once, on the first rule's request, and every rule reads the lists.
 *
 * Kept per file object, which is immutable: the editor's lint cache checks a few
 * situations through a partial copy of the file (`withDecls`), which gets its own index.
 */
import type { HangupStep, HoldStep, PromiseStep, SayStep, Situation, SopFile, Step, WaitStep } from '../ast';
import { firstTerminalIndex, type StepPlace } from '../flow';

/** A place whose step is of one kind. */
export type PlaceOf<S extends Step> = StepPlace & { step: S };

/**
 * Every step of these kinds, nested branches included, in source order: with their place
 * where a rule reads around them, else the step alone (the rules that read `say` and
 * `promise` texts judge them wherever they are).
 */
export interface StepIndex {
  readonly says: readonly SayStep[];
  readonly promises: readonly PromiseStep[];
  readonly waits: readonly PlaceOf<WaitStep>[];
  readonly holds: readonly PlaceOf<HoldStep>[];
  readonly hangups: readonly PlaceOf<HangupStep>[];
  /** Where each body of the file (a situation's, a branch's) stops: see `firstTerminalIn`. */
  readonly terminals: ReadonlyMap<readonly Step[], number>;
}

interface Lists {
  says: SayStep[];
  promises: PromiseStep[];
  waits: PlaceOf<WaitStep>[];
  holds: PlaceOf<HoldStep>[];
  hangups: PlaceOf<HangupStep>[];
  terminals: Map<readonly Step[], number>;
}

const indexes = new WeakMap<SopFile, StepIndex>();

/** The step index of `file`, made in one walk of its situations when first asked for. */
export function stepIndexOf(file: SopFile): StepIndex {
  let index = indexes.get(file);
  if (!index) {
    const lists: Lists = { says: [], promises: [], waits: [], holds: [], hangups: [], terminals: new Map() };
    // Indexed loops here and in `walk`: this code runs once per process (cold), where a
    // `for…of` allocates an iterator result per element.
    const { decls } = file;
    for (let i = 0; i < decls.length; i++) {
      const decl = decls[i];
      if (decl.kind === 'situation') walk(lists, decl, decl.steps, undefined);
    }
    index = lists;
    indexes.set(file, index);
  }
  return index;
}

/**
 * The index of the first terminal step of `body` (`firstTerminalIndex` in `flow.ts`), or
 * -1. Several rules ask it of every body; the walk answers it on the way, where it reads
 * every step anyway (reading the kind of each step again costs: steps of nine shapes).
 */
export function firstTerminalIn(index: StepIndex, body: readonly Step[]): number {
  return index.terminals.get(body) ?? firstTerminalIndex(body);
}

/**
 * Adds the steps of `body` (and of the branches of its waits, right after their wait, as
 * `forEachStep` visits them), and where the body stops. A plain recursive function, not a
 * closure per situation: this runs for every step of the file.
 */
function walk(lists: Lists, situation: Situation, body: readonly Step[], parent: StepPlace['parent']): void {
  let terminal = -1;
  for (let index = 0; index < body.length; index++) {
    const step = body[index];
    switch (step.kind) {
      case 'say':
        lists.says.push(step);
        break;
      case 'wait': {
        const place: PlaceOf<WaitStep> = { step, body, index, parent, situation };
        lists.waits.push(place);
        if (step.reply) walk(lists, situation, step.reply.steps, { wait: step, branch: 'reply', place });
        if (step.fallback) walk(lists, situation, step.fallback.steps, { wait: step, branch: 'fallback', place });
        // `isTerminalWait`, from what the walks of its branches found.
        if (
          terminal < 0 &&
          step.fallback &&
          lists.terminals.get(step.fallback.steps)! >= 0 &&
          (!step.reply || lists.terminals.get(step.reply.steps)! >= 0)
        ) {
          terminal = index;
        }
        break;
      }
      case 'promise':
        lists.promises.push(step);
        break;
      case 'hold':
        lists.holds.push({ step, body, index, parent, situation });
        break;
      case 'hangup':
        lists.hangups.push({ step, body, index, parent, situation });
        if (terminal < 0) terminal = index;
        break;
      case 'goto':
      case 'transfer':
      case 'end':
        if (terminal < 0) terminal = index;
        break;
      default:
        break;
    }
  }
  lists.terminals.set(body, terminal);
}

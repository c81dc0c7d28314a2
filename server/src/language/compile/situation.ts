/**
 * Compiles one situation into its IVR nodes and its agent items in a single walk, so the two
 * views always agree on which steps exist and which node each agent item belongs to.
 *
 * Node ids come from the structure, not from a counter: `silent_call/3` is the third step of
 * `silent_call`, `silent_call/3/fallback/1` the first step of that wait's fallback body. An
 * edit in one situation therefore never renumbers another, and an edit below a step never
 * renumbers it. Two ids are synthesised, both `end` nodes:
 *
 * - `<wait id>/reply` for a `wait` without a `reply` part (the caller answered, so the
 *   agent takes over);
 * - `<situation id>/dead-end` where a path runs off the end of the situation (the lint rule
 *   `dead-end` reports it; the marker keeps the graph closed for tools that walk it).
 *
 * Only reachable steps are compiled: steps after a terminal step in the same body are
 * skipped (`unreachable-step` reports them), so every node can be reached from the entry.
 */
import type { Situation, Step, WaitStep } from '../ast';
import { firstTerminalIndex } from '../flow';
import { estimateSpeakingMs } from './speaking-time';
import { textParts, variablesOf } from './text';
import type {
  AgentNote,
  AgentPhrase,
  AgentPromise,
  Branch,
  EndReason,
  IvrNode,
  SourcePosition,
} from './types';

/** What the situation compiler needs from the program around it. */
export interface SituationContext {
  /** The source position of a document offset in the situation's file. */
  sourceAt(offset: number): SourcePosition;
  /** The entry node of a situation, or null when no situation has that id. */
  entryOf(situationId: string): string | null;
}

export interface CompiledSituation {
  entry: string;
  nodes: Array<[string, IvrNode]>;
  phrases: AgentPhrase[];
  notes: AgentNote[];
  promises: AgentPromise[];
}

/** The entry node id of a situation: its first step, or its dead-end marker when empty. */
export function entryNodeId(situation: Situation): string {
  return situation.steps.length > 0 ? `${situation.id.name}/1` : `${situation.id.name}/dead-end`;
}

/** Where a body sits, for the agent view. */
interface BodyPlace {
  branch: Branch;
  depth: number;
}

export function compileSituation(situation: Situation, context: SituationContext): CompiledSituation {
  const id = situation.id.name;
  const out: CompiledSituation = { entry: entryNodeId(situation), nodes: [], phrases: [], notes: [], promises: [] };
  let deadEndUsed = false;
  const deadEnd = (): string => {
    deadEndUsed = true;
    return `${id}/dead-end`;
  };
  const source = (offset: number) => context.sourceAt(offset);
  const endNode = (reason: EndReason, at: SourcePosition): IvrNode => ({
    type: 'end',
    situation: id,
    source: at,
    outcome: 'agent-takeover',
    reason,
  });

  /** The first node of a body, or `continuation` when the body is empty. */
  const firstOf = (steps: readonly Step[], prefix: string, continuation: () => string): string =>
    steps.length > 0 ? `${prefix}/1` : continuation();

  const compileBody = (steps: readonly Step[], prefix: string, continuation: () => string, place: BodyPlace) => {
    const terminal = firstTerminalIndex(steps);
    const last = terminal >= 0 ? terminal : steps.length - 1;
    for (let i = 0; i <= last; i++) {
      const nodeId = `${prefix}/${i + 1}`;
      const next = i < last ? () => `${prefix}/${i + 2}` : continuation;
      compileStep(steps[i], nodeId, next, place);
    }
  };

  const compileWait = (step: WaitStep, at: SourcePosition, nodeId: string, next: () => string, place: BodyPlace) => {
    const replyPrefix = `${nodeId}/reply`;
    const fallbackPrefix = `${nodeId}/fallback`;
    const onReply = step.reply ? firstOf(step.reply.steps, replyPrefix, next) : replyPrefix;
    const onSilence = step.fallback ? firstOf(step.fallback.steps, fallbackPrefix, next) : next();
    out.nodes.push([
      nodeId,
      { type: 'wait', situation: id, source: at, timeoutMs: step.duration.ms, onReply, onSilence },
    ]);
    const inner = place.depth + 1;
    if (step.reply) compileBody(step.reply.steps, replyPrefix, next, { branch: 'reply', depth: inner });
    else out.nodes.push([replyPrefix, endNode('reply-without-body', at)]);
    if (step.fallback) compileBody(step.fallback.steps, fallbackPrefix, next, { branch: 'fallback', depth: inner });
  };

  // Nodes and agent items are written as whole object literals, keys in the documented
  // order, rather than spread from a shared base: every node of a type then has one shape,
  // which is cheaper to build and to serialise. A step's node and its agent item share
  // one source position object.
  const compileStep = (step: Step, nodeId: string, next: () => string, place: BodyPlace) => {
    const at = source(step.span.start);
    switch (step.kind) {
      case 'say': {
        const parts = textParts(step.text);
        const estimatedMs = estimateSpeakingMs(parts);
        const text = step.text.value;
        out.nodes.push([nodeId, { type: 'say', situation: id, source: at, text, parts, estimatedMs, next: next() }]);
        out.phrases.push({
          node: nodeId,
          branch: place.branch,
          depth: place.depth,
          text,
          variables: variablesOf(step.text),
          estimatedSeconds: Math.round(estimatedMs / 100) / 10,
          source: at,
        });
        return;
      }
      case 'note': {
        const text = step.text.value;
        out.nodes.push([nodeId, { type: 'note', situation: id, source: at, text, next: next() }]);
        out.notes.push({
          node: nodeId,
          branch: place.branch,
          depth: place.depth,
          text,
          variables: variablesOf(step.text),
          source: at,
        });
        return;
      }
      case 'promise': {
        const text = step.text?.value ?? null;
        const windowMs = step.duration.ms;
        out.nodes.push([nodeId, { type: 'promise', situation: id, source: at, windowMs, text, next: next() }]);
        out.promises.push({
          node: nodeId,
          branch: place.branch,
          depth: place.depth,
          seconds: windowMs / 1000,
          text,
          variables: variablesOf(step.text),
          source: at,
        });
        return;
      }
      case 'hold':
        out.nodes.push([
          nodeId,
          { type: 'hold', situation: id, source: at, maxMs: step.duration?.ms ?? null, next: next() },
        ]);
        return;
      case 'wait':
        compileWait(step, at, nodeId, next, place);
        return;
      case 'goto': {
        const target = step.target.name;
        out.nodes.push([
          nodeId,
          { type: 'goto', situation: id, source: at, outcome: 'jump', target, next: context.entryOf(target) },
        ]);
        return;
      }
      case 'transfer':
        out.nodes.push([
          nodeId,
          { type: 'transfer', situation: id, source: at, outcome: 'transfer', queue: step.target.value },
        ]);
        return;
      case 'hangup':
        out.nodes.push([nodeId, { type: 'hangup', situation: id, source: at, outcome: 'hangup' }]);
        return;
      case 'end':
        out.nodes.push([
          nodeId,
          { type: 'end', situation: id, source: at, outcome: 'agent-takeover', reason: 'end-step' },
        ]);
        return;
    }
  };

  compileBody(situation.steps, id, deadEnd, { branch: 'main', depth: 0 });
  if (deadEndUsed || situation.steps.length === 0) {
    // The marker sits on the closing brace: that is where the situation runs out of steps.
    out.nodes.push([deadEnd(), endNode('dead-end', source(Math.max(situation.span.start, situation.span.end - 1)))]);
  }
  return out;
}

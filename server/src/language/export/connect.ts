/**
 * Amazon Connect flow language (`Version` 2019-10-30): one flow per script. Each step the
 * caller hears or that ends the call is an action named after its IVR node
 * (`silent_call/3` → `silent_call.3`, since `/` is not allowed in an identifier); a wait
 * is `GetParticipantInput` whose timeout (`InputTimeLimitExceeded`) is the fallback and
 * whose any-key answer (`NoMatchingCondition`) is the reply. Mapping: docs/exports.md.
 */
import type { TextPart } from '../compile/types';
import { stringifyStable } from '../compile/serialize';
import type { ExportContext } from './context';
import { buildFlowGraph, type FlowStep } from './flow-graph';
import { groupBy, layoutGroups } from './layout';
import { EXPORT_RULES } from './types';
import { msg, type Msg } from '../i18n/messages';

const MESSAGES = {
  tooMany: (count: number) => msg('export.connect.too-many', { count: String(count), max: String(MAX_ACTIONS) }),
  wholeSeconds: (ms: number) => msg('export.connect.whole-seconds', { ms: String(ms) }),
  badIdentifier: (id: string, why: Msg) => msg('export.connect.bad-identifier', { id, why }),
  sameIdentifier: (id: string) => msg('export.connect.same-identifier', { id }),
  unmapped: (queue: string) => msg('export.connect.unmapped', { queue }),
};

export const MAX_ACTIONS = 250;
export const MAX_IDENTIFIER = 50;
/** The queue every Amazon Connect instance is created with: where the agent takes over by default. */
export const DEFAULT_AGENT_QUEUE = 'BasicQueue';
/** One of the prompts every Amazon Connect instance ships with, for `hold`. */
export const DEFAULT_HOLD_PROMPT = 'Music_Jazz_MyTimetoFly_Inst.wav';
/** Where a failed transfer goes: it has no `.`, so it is never the name of a step. */
export const TRANSFER_FAILED = 'transfer-failed';

const FORBIDDEN = /[%:(\\/)=$,;[\]{}]/;
const RESERVED = new Set(['__proto__', 'constructor', '__defineGetter__', '__defineSetter__', 'toString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'valueOf']);

export function actionId(nodeId: string): string {
  return nodeId.replace(/\//g, '.');
}

interface Action {
  Identifier: string;
  Type: string;
  Parameters: Record<string, unknown>;
  Transitions: Record<string, unknown>;
}

export function exportConnect(context: ExportContext): string {
  const graph = buildFlowGraph(context);
  const id = (nodeId: string) => actionId(graph.resolve(nodeId));
  const actions: Action[] = [];
  const sources = new Map<string, FlowStep>();
  let needsFailure = false;
  const add = (action: Action, step: FlowStep) => {
    actions.push(action);
    sources.set(action.Identifier, step);
  };

  for (const step of graph.steps) {
    const name = actionId(step.id);
    const node = step.node;
    switch (node.type) {
      case 'say':
        add({ Identifier: name, Type: 'MessageParticipant', Parameters: { Text: connectText(node.parts) }, Transitions: { NextAction: id(node.next) } }, step);
        break;
      case 'hold':
        add({ Identifier: name, Type: 'MessageParticipant', Parameters: { PromptId: context.settings.holdMusic.connect ?? DEFAULT_HOLD_PROMPT }, Transitions: { NextAction: id(node.next) } }, step);
        break;
      case 'wait': {
        if (node.timeoutMs % 1000 !== 0) context.report(EXPORT_RULES.limit, 'error', node.source, MESSAGES.wholeSeconds(node.timeoutMs));
        const reply = id(node.onReply);
        const silence = id(node.onSilence);
        const parameters: Record<string, unknown> = step.prompt ? { Text: connectText(step.prompt.parts) } : {};
        parameters.InputTimeLimitSeconds = String(Math.round(node.timeoutMs / 1000));
        parameters.StoreInput = 'False';
        add(
          {
            Identifier: name,
            Type: 'GetParticipantInput',
            Parameters: parameters,
            Transitions: {
              NextAction: reply,
              Conditions: [],
              Errors: [
                { NextAction: silence, ErrorType: 'InputTimeLimitExceeded' },
                { NextAction: reply, ErrorType: 'NoMatchingCondition' },
                { NextAction: silence, ErrorType: 'NoMatchingError' },
              ],
            },
          },
          step,
        );
        break;
      }
      case 'transfer':
      case 'end': {
        const queue = node.type === 'transfer' ? queueOf(context, node.queue, node.source) : (context.settings.agent.connect ?? DEFAULT_AGENT_QUEUE);
        needsFailure = true;
        add({ Identifier: name, Type: 'UpdateContactTargetQueue', Parameters: { QueueId: queue }, Transitions: { NextAction: `${name}.queue`, Errors: [{ NextAction: TRANSFER_FAILED, ErrorType: 'NoMatchingError' }] } }, step);
        add({ Identifier: `${name}.queue`, Type: 'TransferContactToQueue', Parameters: {}, Transitions: { Errors: [{ NextAction: TRANSFER_FAILED, ErrorType: 'QueueAtCapacity' }, { NextAction: TRANSFER_FAILED, ErrorType: 'NoMatchingError' }] } }, step);
        break;
      }
      case 'hangup':
        add({ Identifier: name, Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} }, step);
        break;
    }
  }
  if (needsFailure) actions.push({ Identifier: TRANSFER_FAILED, Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} });

  checkActions(context, actions, sources);
  const band = (a: Action) => sources.get(a.Identifier)?.node.situation ?? '';
  const positions = layoutGroups(groupBy(actions, band, (a) => a.Identifier, targetsOf), { x: 240, y: 40 });
  const actionMetadata: Record<string, unknown> = {};
  for (const action of actions) actionMetadata[action.Identifier] = { Position: positions.get(action.Identifier) };
  const flow = {
    Version: '2019-10-30',
    StartAction: graph.startStep !== null ? actionId(graph.startStep) : '',
    Metadata: { EntryPointPosition: { x: 40, y: 40 }, ActionMetadata: actionMetadata },
    Actions: actions,
  };
  return stringifyStable(flow);
}

function checkActions(context: ExportContext, actions: readonly Action[], sources: Map<string, FlowStep>): void {
  if (actions.length > MAX_ACTIONS) {
    const step = sources.get(actions[MAX_ACTIONS].Identifier) ?? [...sources.values()].pop();
    if (step) context.report(EXPORT_RULES.limit, 'error', step.node.source, MESSAGES.tooMany(actions.length));
  }
  const seen = new Set<string>();
  for (const action of actions) {
    const step = sources.get(action.Identifier);
    if (!step) continue;
    const name = action.Identifier;
    let why: Msg | null = null;
    if (name.length > MAX_IDENTIFIER) why = msg('export.connect.too-long', { max: String(MAX_IDENTIFIER) });
    else if (FORBIDDEN.test(name)) why = msg('export.connect.forbidden', { found: FORBIDDEN.exec(name)![0] });
    else if (RESERVED.has(name)) why = msg('export.connect.reserved');
    if (why !== null) context.report(EXPORT_RULES.identifier, 'error', step.node.source, MESSAGES.badIdentifier(name, why));
    if (seen.has(name)) context.report(EXPORT_RULES.identifier, 'error', step.node.source, MESSAGES.sameIdentifier(name));
    seen.add(name);
  }
}

/** Every action a transition of `action` names. */
export function targetsOf(action: { Transitions: Record<string, unknown> }): string[] {
  const t = action.Transitions as { NextAction?: string; Errors?: Array<{ NextAction: string }>; Conditions?: Array<{ NextAction: string }> };
  const out = t.NextAction !== undefined ? [t.NextAction] : [];
  for (const list of [t.Errors ?? [], t.Conditions ?? []]) for (const item of list) out.push(item.NextAction);
  return out;
}

function queueOf(context: ExportContext, queue: string, source: FlowStep['node']['source']): string {
  const mapped = context.settings.queues[queue]?.connect;
  if (mapped !== undefined) return mapped;
  context.report(EXPORT_RULES.unmappedQueue, 'warning', source, MESSAGES.unmapped(queue));
  return queue;
}

/**
 * A phrase as Connect's text-to-speech reads it: a variable is the contact attribute of
 * the same name, in the bracket form Connect documents for names with special
 * characters (`$.Attributes.['name']`), so that text written right after it (as in
 * `{姓氏}先生`) is never read as part of the name.
 */
export function connectText(parts: readonly TextPart[]): string {
  return parts.map((part) => ('var' in part ? `$.Attributes.['${part.var}']` : part.text)).join('');
}

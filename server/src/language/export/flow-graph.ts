/**
 * The compiled graph as flow platforms (Connect, Studio) see it: they have no jump and no
 * agent-only steps, so a reference to a `goto`, `note` or `promise` lands on the next step
 * that the caller hears or that ends the call; and a phrase said right before a wait
 * becomes the wait's own prompt (one "Get customer input" block, one "Gather" widget), as
 * an IVR engineer would build it, whenever nothing else jumps to that wait.
 */
import type { IvrNode, SayNode, WaitNode } from '../compile/types';
import type { ExportContext } from './context';
import { EXPORT_RULES } from './types';
import { msg } from '../i18n/messages';

const MESSAGES = {
  jumpLoop: msg('export.jump-loop'),
};

export interface FlowStep {
  /** The node the step is named after (for a prompted wait: the phrase before it). */
  id: string;
  node: Exclude<IvrNode, { type: 'goto' | 'note' | 'promise' }>;
  /** For a wait: the phrase said as its prompt. */
  prompt?: SayNode;
  /** For a prompted wait: the wait's own node id. */
  waitId?: string;
}

export interface FlowGraph {
  steps: FlowStep[];
  /** The step a reference to a node lands on. */
  resolve(nodeId: string): string;
  /** The step a call starts on. */
  startStep: string | null;
}

const SKIPPED = new Set(['goto', 'note', 'promise']);

export function buildFlowGraph(context: ExportContext): FlowGraph {
  const { nodes, situations } = context.compiled.ivr;
  const resolved = new Map<string, string>();
  const resolve = (nodeId: string): string => {
    const known = resolved.get(nodeId);
    if (known !== undefined) return known;
    const seen = new Set<string>();
    let id = nodeId;
    for (;;) {
      const node = nodes[id];
      if (!node || !SKIPPED.has(node.type)) break;
      if (seen.has(id)) {
        context.report(EXPORT_RULES.unresolved, 'error', node.source, MESSAGES.jumpLoop);
        break;
      }
      seen.add(id);
      const next = node.type === 'goto' ? node.next : 'next' in node ? node.next : null;
      if (next === null) break;
      id = next;
    }
    resolved.set(nodeId, id);
    return id;
  };

  const emitted: Array<[string, IvrNode]> = [];
  for (const situation of context.situations) {
    for (const entry of context.nodesOf(situation)) if (!SKIPPED.has(entry[1].type)) emitted.push(entry);
  }
  const startStep = context.start !== null ? resolve(situations[context.start].entry) : null;
  const refs = new Map<string, number>();
  const count = (id: string) => refs.set(resolve(id), (refs.get(resolve(id)) ?? 0) + 1);
  if (startStep !== null) refs.set(startStep, 1);
  for (const [, node] of emitted) for (const edge of edgesOf(node)) count(edge);

  const promptOf = new Map<string, string>();
  for (const [id, node] of emitted) {
    if (node.type !== 'say') continue;
    const target = resolve(node.next);
    if (nodes[target]?.type === 'wait' && refs.get(target) === 1 && !promptOf.has(target)) promptOf.set(target, id);
  }
  const merged = new Map<string, string>([...promptOf].map(([wait, say]) => [say, wait]));

  const steps: FlowStep[] = [];
  for (const [id, node] of emitted) {
    if (node.type === 'goto' || node.type === 'note' || node.type === 'promise') continue;
    if (node.type === 'wait' && promptOf.has(id)) continue;
    const waitId = merged.get(id);
    if (waitId !== undefined) steps.push({ id, node: nodes[waitId] as WaitNode, prompt: node as SayNode, waitId });
    else steps.push({ id, node });
  }
  return { steps, resolve, startStep };
}

/** The node ids a node goes on to. */
export function edgesOf(node: IvrNode): string[] {
  switch (node.type) {
    case 'wait':
      return [node.onReply, node.onSilence];
    case 'goto':
      return node.next !== null ? [node.next] : [];
    case 'say':
    case 'note':
    case 'promise':
    case 'hold':
      return [node.next];
    default:
      return [];
  }
}

/**
 * The platforms' documented rules that a JSON Schema cannot state: unique identifiers or
 * names, a start that exists, every transition landing on an action or widget, and the
 * size limits. Each returns the broken rules in words (empty: the flow is fine).
 */
interface ConnectFlow {
  StartAction: string;
  Actions: Array<{ Identifier: string; Transitions: { NextAction?: string; Errors?: Array<{ NextAction: string }>; Conditions?: Array<{ NextAction: string }> } }>;
  Metadata?: { ActionMetadata?: Record<string, unknown> };
}

export function checkConnectRules(flow: ConnectFlow): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const action of flow.Actions) {
    if (ids.has(action.Identifier)) problems.push(`identifier ${action.Identifier} is used twice`);
    ids.add(action.Identifier);
  }
  if (!ids.has(flow.StartAction)) problems.push(`StartAction ${flow.StartAction} is no action`);
  if (flow.Actions.length > 250) problems.push(`${flow.Actions.length} actions, more than 250`);
  for (const action of flow.Actions) {
    const t = action.Transitions;
    const targets = [t.NextAction, ...(t.Errors ?? []).map((e) => e.NextAction), ...(t.Conditions ?? []).map((c) => c.NextAction)];
    for (const target of targets) if (target !== undefined && !ids.has(target)) problems.push(`${action.Identifier} goes to ${target}, which is no action`);
    if (flow.Metadata?.ActionMetadata && !flow.Metadata.ActionMetadata[action.Identifier]) problems.push(`${action.Identifier} has no position`);
  }
  return problems;
}

interface StudioFlow {
  initial_state: string;
  states: Array<{ name: string; type: string; transitions: Array<{ event: string; next?: string }> }>;
}

export function checkStudioRules(flow: StudioFlow): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const widget of flow.states) {
    if (names.has(widget.name)) problems.push(`widget name ${widget.name} is used twice`);
    names.add(widget.name);
  }
  const initial = flow.states.find((w) => w.name === flow.initial_state);
  if (!initial || initial.type !== 'trigger') problems.push(`initial_state ${flow.initial_state} is not the trigger`);
  if (flow.states.filter((w) => w.type === 'trigger').length !== 1) problems.push('a flow has exactly one trigger');
  for (const widget of flow.states) {
    const events = widget.transitions.map((t) => t.event);
    if (new Set(events).size !== events.length) problems.push(`${widget.name} has an event twice`);
    for (const t of widget.transitions) if (t.next !== undefined && !names.has(t.next)) problems.push(`${widget.name} goes to ${t.next}, which is no widget`);
  }
  return problems;
}

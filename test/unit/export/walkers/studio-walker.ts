/**
 * A walker for Twilio Studio flows as `sop export --target studio` writes them: from the
 * trigger's `incomingCall`, through `say-play`, `gather-input-on-call` (`timeout` on
 * silence, `keypress`/`speech` on an answer) and `enqueue-call`; a transition without
 * `next` ends the call, which Studio does by hanging up.
 */
import type { CallerEvent } from '../../../../server/src/language/simulate/index';
import { Caller, type Transcript } from './transcript';

interface Widget {
  name: string;
  type: string;
  transitions: Array<{ event: string; next?: string }>;
  properties: Record<string, unknown>;
}

export function walkStudio(text: string, events: readonly CallerEvent[], agentQueue: string): Transcript {
  const flow = JSON.parse(text) as { initial_state: string; states: Widget[] };
  const widgets = new Map(flow.states.map((w) => [w.name, w]));
  const caller = new Caller(events);
  const on = (widget: Widget, event: string) => {
    const t = widget.transitions.find((x) => x.event === event);
    if (!t) throw new Error(`${widget.name} has no "${event}" transition`);
    return t.next;
  };
  let name: string | undefined = on(widgets.get(flow.initial_state)!, 'incomingCall');
  for (;;) {
    if (name === undefined || name === '') {
      caller.push('HANGUP');
      return caller.transcript;
    }
    const widget = widgets.get(name);
    if (!widget) throw new Error(`no widget ${name}`);
    if (caller.arrive(name)) return caller.transcript;
    const p = widget.properties;
    switch (widget.type) {
      case 'say-play':
        if (p.play !== undefined) caller.push('HOLD');
        else caller.say(spoken(String(p.say)));
        name = on(widget, 'audioComplete');
        break;
      case 'gather-input-on-call': {
        if (p.say !== undefined) caller.say(spoken(String(p.say)));
        const event = caller.answer(Number(p.timeout) * 1000);
        const next = event === 'silence' ? on(widget, 'timeout') : on(widget, 'keypress');
        if (event === 'reply' && on(widget, 'speech') !== next) throw new Error(`${name}: a spoken and a keyed answer go different ways`);
        name = next;
        break;
      }
      case 'enqueue-call':
        caller.push(p.queue_name === agentQueue ? 'AGENT' : `TRANSFER ${String(p.queue_name)}`);
        return caller.transcript;
      default:
        throw new Error(`unexpected widget type ${widget.type}`);
    }
  }
}

/** Liquid back to the script's placeholders. */
function spoken(text: string): string {
  return text
    .replace(/\{\{flow\.data\["([^"]*)"\]\}\}|\{\{flow\.data\.([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_m, a?: string, b?: string) => `{${a ?? b}}`)
    .replace(/\{\{ '([{%])' \}\}/g, '$1');
}

/**
 * A form-interpretation walker for the VoiceXML subset `sop export --target voicexml`
 * writes: a document of forms whose items are `<block>`, `<field>` and `<transfer>`. A
 * form starts with its first item; a block runs its prompts, logs and one jump or ending;
 * a field waits `timeout` and runs its `<noinput>` on silence and its `<filled>` on an
 * answer. It reads only the VoiceXML text, as a VoiceXML interpreter would.
 */
import type { CallerEvent } from '../../../../server/src/language/simulate/index';
import { Caller, type Transcript } from './transcript';
import { elements, parseXml, type XmlElement } from './xml-tree';

export interface VoiceXmlWalkOptions {
  /** The destination an `end` step transfers to (`export.agent.voicexml`), if any. */
  agentDest?: string;
}

export function walkVoiceXml(text: string, events: readonly CallerEvent[], options: VoiceXmlWalkOptions = {}): Transcript {
  const vxml = parseXml(text);
  const forms = new Map(elements(vxml, 'form').map((f) => [f.attrs.id, f]));
  const names = variableNames(vxml);
  const caller = new Caller(events);
  let form = elements(vxml, 'form')[0];
  let item: XmlElement | undefined = elements(form)[0];

  const itemNamed = (name: string) => elements(form).find((e) => e.attrs.name === name);
  for (;;) {
    if (!item) throw new Error(`form ${form.attrs.id}: no item to run`);
    if (caller.arrive(`${form.attrs.id}#${item.attrs.name}`)) return caller.transcript;
    let jump: XmlElement | undefined;
    if (item.name === 'block') {
      for (const child of elements(item)) {
        if (child.name === 'prompt') {
          if (elements(child, 'audio').length > 0) caller.push('HOLD');
          else caller.say(promptText(child, names));
        } else if (child.name === 'disconnect') {
          caller.push('HANGUP');
          return caller.transcript;
        } else if (child.name === 'exit') {
          caller.push('AGENT');
          return caller.transcript;
        } else if (child.name === 'goto') {
          jump = child;
          break;
        } else if (child.name !== 'log') throw new Error(`unexpected <${child.name}> in a block`);
      }
    } else if (item.name === 'field') {
      const timeout = elements(item, 'property').find((p) => p.attrs.name === 'timeout')!.attrs.value;
      const event = caller.answer(parseDuration(timeout));
      const handler = elements(item, event === 'silence' ? 'noinput' : 'filled')[0];
      jump = elements(handler, 'goto')[0];
    } else if (item.name === 'transfer') {
      const dest = item.attrs.dest;
      caller.push(dest === options.agentDest ? 'AGENT' : `TRANSFER ${queueOf(dest)}`);
      return caller.transcript;
    } else {
      throw new Error(`unexpected form item <${item.name}>`);
    }
    if (!jump) throw new Error(`item ${item.attrs.name} neither jumps nor ends the call`);
    if (jump.attrs.nextitem !== undefined) item = itemNamed(jump.attrs.nextitem);
    else {
      form = forms.get(jump.attrs.next.replace(/^#/, ''))!;
      item = elements(form)[0];
    }
  }
}

/** The script's name of each document variable: the comment beside its `<var>`, else its name. */
function variableNames(vxml: XmlElement): Map<string, string> {
  const names = new Map<string, string>();
  const children = vxml.children;
  children.forEach((child, i) => {
    if (!('name' in child) || child.name !== 'var') return;
    let next = children[i + 1];
    if (next && 'text' in next && next.text.trim() === '' && !next.text.includes('\n')) next = children[i + 2];
    names.set(child.attrs.name, next && 'comment' in next ? next.comment.trim() : child.attrs.name);
  });
  return names;
}

function promptText(prompt: XmlElement, names: Map<string, string>): string {
  return prompt.children
    .map((c) => ('text' in c ? c.text : 'name' in c && c.name === 'value' ? `{${names.get(c.attrs.expr) ?? c.attrs.expr}}` : ''))
    .join('');
}

function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(value);
  if (!m) throw new Error(`bad duration ${value}`);
  return m[2] === 's' ? Number(m[1]) * 1000 : Number(m[1]);
}

/** The queue of the documented placeholder destination `sip:<queue>@queue.invalid`. */
function queueOf(dest: string): string {
  const m = /^sip:(.*)@queue\.invalid$/.exec(dest);
  return m ? decodeURIComponent(m[1]) : dest;
}

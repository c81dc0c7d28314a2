/**
 * A form-interpretation walker for the VoiceXML subset `sop export --target voicexml`
 * writes: a document of forms whose items are `<block>`, `<field>` and `<transfer>`. A
 * form starts with its first item (its variables and counters fresh); a block runs its
 * prompts, logs and one jump or ending; a field queues its prompts of the highest `count`
 * up to its prompt counter (on its first visit, or after `<reprompt/>`), waits the
 * timeout of the last queued prompt (else its `timeout` property), then runs the
 * `<noinput>` of the highest `count` up to the noinput counter on silence, and `<filled>`
 * on an answer — with `<assign>` and `<if cond="v == n">`, as the ladder needs. It reads
 * only the VoiceXML text, as a VoiceXML interpreter would.
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
  let item: XmlElement | undefined;
  // Per form entry: form variables, and each field's prompt and noinput counters.
  let vars = new Map<string, number>();
  let promptCounts = new Map<string, number>();
  let noinputCounts = new Map<string, number>();
  let reprompt = false;
  const enter = (next: XmlElement) => {
    form = next;
    vars = new Map(elements(form, 'var').map((v) => [v.attrs.name, Number(v.attrs.expr)]));
    promptCounts = new Map();
    noinputCounts = new Map();
    reprompt = false;
    item = elements(form).find((e) => FORM_ITEMS.has(e.name));
  };
  enter(form);

  const itemNamed = (name: string) => elements(form).find((e) => e.attrs.name === name);
  for (;;) {
    if (!item) throw new Error(`form ${form.attrs.id}: no item to run`);
    const visits = promptCounts.get(item.attrs.name) ?? 0;
    if (caller.arrive(`${form.attrs.id}#${item.attrs.name}#${visits}`)) return caller.transcript;
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
      let timeout = parseDuration(elements(item, 'property').find((p) => p.attrs.name === 'timeout')!.attrs.value);
      const prompts = elements(item, 'prompt');
      if ((visits === 0 || reprompt) && prompts.length > 0) {
        const counter = visits + 1;
        const best = Math.max(...prompts.map(countOf).filter((c) => c <= counter));
        for (const prompt of prompts.filter((p) => countOf(p) === best)) {
          if (prompt.children.length > 0) caller.say(promptText(prompt, names));
          if (prompt.attrs.timeout !== undefined) timeout = parseDuration(prompt.attrs.timeout);
        }
        promptCounts.set(item.attrs.name, counter);
      } else if (visits === 0) promptCounts.set(item.attrs.name, 1);
      reprompt = false;
      const event = caller.answer(timeout);
      let handler: XmlElement;
      if (event === 'silence') {
        const count = (noinputCounts.get(item.attrs.name) ?? 0) + 1;
        noinputCounts.set(item.attrs.name, count);
        const handlers = elements(item, 'noinput');
        const best = Math.max(...handlers.map(countOf).filter((c) => c <= count));
        handler = handlers.find((h) => countOf(h) === best)!;
      } else handler = elements(item, 'filled')[0];
      for (const child of handlerSteps(handler, vars)) {
        if (child.name === 'prompt') caller.say(promptText(child, names));
        else if (child.name === 'assign') vars.set(child.attrs.name, Number(child.attrs.expr));
        else if (child.name === 'reprompt') reprompt = true;
        else if (child.name === 'goto') jump = child;
        else throw new Error(`unexpected <${child.name}> in a handler`);
      }
    } else if (item.name === 'transfer') {
      const dest = item.attrs.dest;
      caller.push(dest === options.agentDest ? 'AGENT' : `TRANSFER ${queueOf(dest)}`);
      return caller.transcript;
    } else {
      throw new Error(`unexpected form item <${item.name}>`);
    }
    if (!jump) throw new Error(`item ${item.attrs.name} neither jumps nor ends the call`);
    if (jump.attrs.nextitem !== undefined) item = itemNamed(jump.attrs.nextitem);
    else enter(forms.get(jump.attrs.next.replace(/^#/, ''))!);
  }
}

const FORM_ITEMS = new Set(['block', 'field', 'transfer']);

function countOf(element: XmlElement): number {
  return element.attrs.count !== undefined ? Number(element.attrs.count) : 1;
}

/** A handler's steps, with `<if cond="v == n">…<elseif/>…<else/>…</if>` resolved. */
function handlerSteps(handler: XmlElement, vars: Map<string, number>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of elements(handler)) {
    if (child.name !== 'if') {
      out.push(child);
      continue;
    }
    // The branches of an `<if>` are its children between the `<elseif/>` and `<else/>` marks.
    let taking = holds(child.attrs.cond, vars);
    let taken = taking;
    for (const inner of elements(child)) {
      if (inner.name === 'elseif' || inner.name === 'else') {
        taking = !taken && (inner.name === 'else' || holds(inner.attrs.cond, vars));
        taken ||= taking;
      } else if (taking) out.push(inner);
    }
  }
  return out;
}

function holds(cond: string, vars: Map<string, number>): boolean {
  const m = /^(\S+) == (\d+)$/.exec(cond);
  if (!m) throw new Error(`unexpected condition ${cond}`);
  return vars.get(m[1]) === Number(m[2]);
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

/**
 * The VoiceXML shape of the classic escalation ladder — ask, wait; on silence say
 * something and wait again; on silence again say goodbye… — as ONE field with escalating
 * counts: `<prompt count="n" timeout="…">` sets each rung's wait, `<noinput count="n">`
 * says the next rung's phrases and re-prompts, and the last `<noinput>` leaves the
 * ladder. Because an answer at each rung may go a different way, a form variable
 * (`<field name>$rung`) remembers the rung, and `<filled>` and `<nomatch>` branch on it.
 *
 * A wait starts a ladder only when its silence leads, through phrases alone, to another
 * wait of the same situation, and nothing else jumps into that stretch; anything else in
 * a fallback body (a note, a hold, a transfer, a step that others continue to) keeps the
 * plain one-field-per-wait shape, which says the same thing with more items.
 */
import type { IvrNode, SayNode, WaitNode } from '../compile/types';
import { edgesOf } from './flow-graph';
import { go, promptText, vxmlDuration, writeGrammars } from './voicexml-parts';
import { attributes, type XmlLines } from './xml';

export interface Rung {
  waitId: string;
  wait: WaitNode;
  /** The phrases said after the previous rung's silence, before this rung's wait. */
  says: SayNode[];
}

export interface Ladder {
  rungs: Rung[];
  /** The nodes the field stands for beyond its first wait: they get no item of their own. */
  absorbed: string[];
}

/** The ladders of one situation's nodes, keyed by the id of each ladder's first wait. */
export function findLadders(nodes: ReadonlyArray<[string, IvrNode]>, entry: string): Map<string, Ladder> {
  const byId = new Map(nodes);
  const refs = new Map<string, number>([[entry, 1]]);
  for (const [, node] of nodes) for (const edge of edgesOf(node)) refs.set(edge, (refs.get(edge) ?? 0) + 1);
  const once = (id: string) => refs.get(id) === 1 && byId.has(id);

  const ladders = new Map<string, Ladder>();
  const taken = new Set<string>();
  for (const [id, node] of nodes) {
    if (node.type !== 'wait' || taken.has(id)) continue;
    const rungs: Rung[] = [{ waitId: id, wait: node, says: [] }];
    const absorbed: string[] = [];
    let current: WaitNode = node;
    for (;;) {
      const says: SayNode[] = [];
      const stretch: string[] = [];
      let next = current.onSilence;
      while (once(next) && byId.get(next)!.type === 'say') {
        const say = byId.get(next) as SayNode;
        says.push(say);
        stretch.push(next);
        next = say.next;
      }
      const wait = byId.get(next);
      if (!once(next) || wait?.type !== 'wait' || rungs.some((r) => r.waitId === next)) break;
      rungs.push({ waitId: next, wait, says });
      absorbed.push(...stretch, next);
      current = wait;
    }
    if (rungs.length < 2) continue;
    for (const a of absorbed) taken.add(a);
    ladders.set(id, { rungs, absorbed });
  }
  return ladders;
}

export function writeLadder(out: XmlLines, name: string, ladder: Ladder): void {
  const rung = `${name}$rung`;
  const { rungs } = ladder;
  const last = rungs.length;
  out.line(2, `<var${attributes({ name: rung, expr: '1' })}/>`);
  out.line(2, `<field${attributes({ name })}>`);
  out.line(3, `<property${attributes({ name: 'timeout', value: vxmlDuration(rungs[0].wait.timeoutMs) })}/>`);
  writeGrammars(out, name);
  rungs.forEach((r, i) => out.line(3, `<prompt${attributes({ count: i + 1, timeout: vxmlDuration(r.wait.timeoutMs) })}/>`));
  for (let i = 1; i < last; i++) {
    // `<reprompt/>` queues the next rung's prompt (and so its timeout), and the explicit
    // jump back keeps the form interpretation algorithm from picking another item.
    const phrases = rungs[i].says.map((say) => `<prompt>${promptText(say.parts)}</prompt>`).join('');
    const climb = `<assign${attributes({ name: rung, expr: String(i + 1) })}/><reprompt/>${go(rungs[0].waitId)}`;
    out.line(3, `<noinput${attributes({ count: i })}>${phrases}${climb}</noinput>`);
  }
  out.line(3, `<noinput${attributes({ count: last })}>${go(rungs[last - 1].wait.onSilence)}</noinput>`);
  out.line(3, `<nomatch>${answered(rung, rungs)}</nomatch>`);
  out.line(3, `<filled>${answered(rung, rungs)}</filled>`);
  out.line(2, '</field>');
}

/** Where an answer goes: the reply of the rung the caller answered at. */
function answered(rung: string, rungs: readonly Rung[]): string {
  const targets = rungs.map((r) => r.wait.onReply);
  if (targets.every((t) => t === targets[0])) return go(targets[0]);
  const branches = targets.slice(0, -1).map((target, i) => {
    const cond = attributes({ cond: `${rung} == ${i + 1}` });
    return `${i === 0 ? `<if${cond}>` : `<elseif${cond}/>`}${go(target)}`;
  });
  return `${branches.join('')}<else/>${go(targets[targets.length - 1])}</if>`;
}

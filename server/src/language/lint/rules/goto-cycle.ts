/** `goto-cycle`: situations jump to each other in a loop that never speaks or waits. */
import { msg } from '../../i18n/messages';
import type { Program } from '../../program';
import type { Report, Rule } from '../rule';
import { fileFactsOf, situationStart, type FileFacts, type RelativeName } from '../situation-facts';

/** A definition of a situation: situation `s` of piece `p` of a file of the program. */
interface Definition {
  key: string;
  id: string;
  uri: string;
  facts: FileFacts;
  p: number;
  s: number;
  jump?: RelativeName;
}

export const gotoCycle: Rule = {
  meta: {
    id: 'goto-cycle',
    severity: 'error',
    description: 'rule.goto-cycle.description',
  },
  check({ program, file }) {
    // The jump each situation makes without a word is collected once per piece
    // (`situation-facts.ts`): only the situations that make one are looked at.
    const own = fileFactsOf(file);
    // A cycle is made of silent jumps only, and is reported in the file it starts from.
    if (own.withSilentJump.length === 0) return [];
    // Only the first definition of an id is jumped to; each is looked up once per run.
    const firstDefinitions = new Map<string, Definition | undefined>();
    const firstOf = (id: string): Definition | undefined => {
      if (!firstDefinitions.has(id)) firstDefinitions.set(id, firstDefinition(program, id));
      return firstDefinitions.get(id);
    };
    const next = (from: Definition) => (from.jump ? firstOf(from.jump.name) : undefined);
    const reported = new Set<string>();
    const reports: Report[] = [];
    for (const p of own.withSilentJump) {
      own.pieces[p].situations.forEach(({ situation, facts: f }, s) => {
        const jump = f.silentJump;
        if (!jump) return;
        const start = definition(file.uri, own, p, s, situation.id.name, jump);
        if (reported.has(start.key) || firstOf(start.id)?.key !== start.key) return;
        const cycle = cycleFrom(start, next);
        if (!cycle) return;
        for (const member of cycle) reported.add(member.key);
        const path = [...cycle, cycle[0]].map((m) => m.id).join(' → ');
        const base = situationStart(own, p, s);
        reports.push({
          span: { start: base + jump.start, end: base + jump.end },
          message: msg('goto-cycle.message', { path }),
        });
      });
    }
    return reports;
  },
};

function definition(uri: string, facts: FileFacts, p: number, s: number, id: string, jump: RelativeName | undefined): Definition {
  return { key: `${uri}#${situationStart(facts, p, s)}`, id, uri, facts, p, s, jump };
}

/**
 * The first definition of `id` in the program (files in load order). A file that defines
 * it once and makes silent jumps has it among those, or it makes none; only a duplicated
 * id needs a look at every situation of a file.
 */
function firstDefinition(program: Program, id: string): Definition | undefined {
  for (const [uri, file] of program.files) {
    const facts = fileFactsOf(file);
    const count = facts.idCounts.get(id) ?? 0;
    if (count === 0) continue;
    const pieces = count === 1 ? facts.withSilentJump : facts.pieces.map((_, p) => p);
    for (const p of pieces) {
      const situations = facts.pieces[p].situations;
      for (let s = 0; s < situations.length; s++) {
        if (situations[s].situation.id.name === id) return definition(uri, facts, p, s, id, situations[s].facts.silentJump);
      }
    }
    // Defined once, without a silent jump: the chain stops there.
    return { key: `${uri}#${id}`, id, uri, facts, p: -1, s: -1 };
  }
  return undefined;
}

/** The silent-jump cycle through `start`, in jump order, or undefined when `start` is on none. */
function cycleFrom(start: Definition, next: (d: Definition) => Definition | undefined): Definition[] | undefined {
  const path: Definition[] = [];
  const seen = new Set<string>();
  let current: Definition | undefined = start;
  while (current && !seen.has(current.key)) {
    seen.add(current.key);
    path.push(current);
    current = next(current);
  }
  return current?.key === start.key ? path : undefined;
}

/**
 * Checking phrases against what lexicon entries need (`required-chars.ts`), in one pass
 * over each phrase: all of a matcher's pattern requirements at once, and the gate in front
 * of the whole lexicon that turns away a phrase no entry can match before it is folded.
 */
import { foldUnit, MANY, singleUnit, singleUnits } from './normalize';
import type { Clause, Requirement } from './required-chars';

/**
 * Clauses indexed by the units they name: how many units each needs, and which clauses
 * (by id) each unit counts towards. A unit no clause names costs one table read.
 */
class ClauseTable {
  /** Whether some clause names the unit, by UTF-16 unit. */
  readonly named = new Uint8Array(0x10000);
  /** The clauses (by id) that name each unit. */
  readonly clausesOf = new Map<number, number[]>();
  /** How many units each clause needs. */
  readonly need: number[] = [];

  /** Adds a clause; returns its id. */
  add({ chars, count }: Clause): number {
    const id = this.need.length;
    this.need.push(count);
    for (let i = 0; i < chars.length; i++) {
      const code = chars.charCodeAt(i);
      this.named[code] = 1;
      let list = this.clausesOf.get(code);
      if (!list) this.clausesOf.set(code, (list = []));
      list.push(id);
    }
    return id;
  }
}

/**
 * Checks a text against many requirements in one pass: each unit the requirements name
 * counts towards the clauses that name it, and a unit none names (most of them) costs one
 * table read.
 */
export class RequirementChecker {
  private readonly table = new ClauseTable();
  /** The clause ids of each requirement. */
  private readonly ids: number[][] = [];
  private readonly seen: Int32Array;

  constructor(requirements: readonly Requirement[]) {
    for (const requirement of requirements) this.ids.push(requirement.map((clause) => this.table.add(clause)));
    this.seen = new Int32Array(this.table.need.length);
  }

  /** The indexes of the requirements `text` satisfies, in order. */
  satisfied(text: string): number[] {
    const { seen } = this;
    const { named, clausesOf, need } = this.table;
    seen.fill(0);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (named[code] === 0) continue;
      for (const id of clausesOf.get(code)!) seen[id]++;
    }
    const out: number[] = [];
    for (let r = 0; r < this.ids.length; r++) {
      let ok = true;
      for (const id of this.ids[r]) {
        if (seen[id] < need[id]) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(r);
    }
    return out;
  }
}

/**
 * A gate in front of a whole lexicon: one clause per entry (`pickClauses`), and a text passes
 * when its folded form holds what some clause asks. A text that does not pass cannot
 * match any entry, and is not folded or searched at all. Read over the text as written,
 * folding each unit on the way (`normalize.ts`), and stops at the first clause that holds.
 */
export class LexiconGate {
  private readonly table = new ClauseTable();
  private readonly seen: Int32Array;

  constructor(clauses: readonly Clause[]) {
    for (const clause of clauses) this.table.add(clause);
    this.seen = new Int32Array(clauses.length);
  }

  /** Whether the folded form of `text` holds what one of the clauses asks. */
  passes(text: string): boolean {
    const { seen } = this;
    const { named } = this.table;
    seen.fill(0);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // The table read inline (`singleUnit` fills it): this runs for every unit of every phrase.
      let single = singleUnits[code];
      if (single === 0) single = singleUnit(code);
      if (single !== MANY) {
        if (named[single - 1] !== 0 && this.count(single - 1)) return true;
        continue;
      }
      const folded = foldUnit(code);
      for (let k = 0; k < folded.length; k++) if (named[folded.charCodeAt(k)] !== 0 && this.count(folded.charCodeAt(k))) return true;
    }
    return false;
  }

  /** Counts one more `unit` for its clauses; true when that completes one. */
  private count(unit: number): boolean {
    const ids = this.table.clausesOf.get(unit)!;
    const { need } = this.table;
    for (let k = 0; k < ids.length; k++) if (++this.seen[ids[k]] >= need[ids[k]]) return true;
    return false;
  }
}

/**
 * The clause of each requirement that says most about a text: the one whose characters
 * the fewest other entries need (a character every entry needs lets every text through),
 * per character it asks for; `requirements` must not be empty.
 */
export function pickClauses(requirements: readonly Requirement[]): Clause[] {
  const entriesNeeding = new Map<string, number>();
  for (const requirement of requirements) {
    for (const ch of new Set(requirement.flatMap((c) => [...c.chars]))) entriesNeeding.set(ch, (entriesNeeding.get(ch) ?? 0) + 1);
  }
  const score = (c: Clause) => [...c.chars].reduce((n, ch) => n + entriesNeeding.get(ch)!, 0) / c.count;
  return requirements.map((requirement) => requirement.reduce((best, c) => (score(c) <= score(best) ? c : best)));
}

/** The requirement of a literal key (already folded): each of its units, as often as it holds it. */
export function literalRequirement(key: string): Requirement {
  const counts = new Map<string, number>();
  for (let i = 0; i < key.length; i++) counts.set(key[i], (counts.get(key[i]) ?? 0) + 1);
  return [...counts].map(([ch, count]) => ({ chars: ch, count }));
}

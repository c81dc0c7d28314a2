/**
 * What a phrase must contain for a lexicon pattern to match it at all, read off the
 * pattern's source: "at least one of 清 and at least one of 楚", "three of 好". Most phrases
 * of a script hold none of what the lexicon's patterns ask for, and checking that costs one
 * pass over the phrase, where compiling the patterns for RE2 and running them costs far
 * more (most of banned-phrase's share of a cold `sop check`). So the matcher compiles and
 * runs a pattern only for the phrases that pass its check (see `matcher.ts`).
 *
 * The reading must never claim more than the pattern needs, so it understands a plain
 * subset of RE2's syntax — literals, escaped punctuation, classes, groups, alternation and
 * counted repeats — and gives up (no requirement, the pattern always runs) on anything
 * else. Matching is case-insensitive (Unicode simple folding), so a letter stands for its
 * case variants, and a character whose variants are not known here says nothing.
 */

/** At least `count` units of the phrase are among `chars`. */
export interface Clause {
  chars: string;
  count: number;
}

/** Every clause holds for a phrase the pattern matches (none: nothing can be said). */
export type Requirement = Clause[];

/** Thrown inside the reader for syntax it does not follow; the pattern then requires nothing. */
class GiveUp extends Error {}

/** Requirements are kept short: any subset of them still holds, so the rest can be dropped. */
const MAX_CLAUSES = 16;
/** A class or range of more characters than this says too little to be worth checking. */
const MAX_SET = 64;

/**
 * What a phrase must hold for `source` (a pattern as normalised for matching, see
 * `normalizePattern`) to match anywhere in it, when compiled case-insensitively.
 */
export function requiredChars(source: string): Requirement {
  try {
    const reader = new Reader(source);
    const requirement = reader.alternation();
    if (reader.at < source.length) return [];
    return requirement;
  } catch (error) {
    if (error instanceof GiveUp) return [];
    throw error;
  }
}

/** The units a pattern character matches case-insensitively, or undefined when not known here. */
function variantsOf(code: number): string | undefined {
  if (code < 0x80) {
    const ch = String.fromCharCode(code);
    if (!/[a-z]/i.test(ch)) return ch;
    const lower = ch.toLowerCase();
    // RE2 folds K with the Kelvin sign and s with the long s; no other non-ASCII unit
    // folds to an ASCII letter.
    const extra = lower === 'k' ? '\u212a' : lower === 's' ? '\u017f' : '';
    return lower + lower.toUpperCase() + extra;
  }
  // Scripts without letter case: CJK radicals, symbols and punctuation, kana, bopomofo,
  // ideographs (and their extension A and compatibility forms), hangul syllables.
  const caseless =
    (code >= 0x2e80 && code <= 0x2fdf) ||
    (code >= 0x3000 && code <= 0x312f) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff);
  return caseless ? String.fromCharCode(code) : undefined;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** A clause for one character or a set of them; none when what it matches is not known. */
function clauseOf(chars: string | undefined): Requirement {
  return chars === undefined || chars.length === 0 ? [] : [{ chars: sortedUnique(chars), count: 1 }];
}

/** The units of `chars`, each once, in code order (a clause's key: equal sets, equal strings). */
function sortedUnique(chars: string): string {
  const units: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    if (!units.includes(code)) units.push(code);
  }
  units.sort((x, y) => x - y);
  return String.fromCharCode(...units);
}

/** Both parts match, at different places of the phrase: what each needs adds up. */
function both(a: Requirement, b: Requirement): Requirement {
  if (b.length === 0) return a;
  const out = a.map((c) => ({ ...c }));
  for (const clause of b) {
    const same = out.find((c) => c.chars === clause.chars);
    if (same) same.count += clause.count;
    else out.push({ ...clause });
  }
  return out.slice(0, MAX_CLAUSES);
}

/**
 * One of the parts matches: each pair of clauses, one from each part, joined. Only the
 * few narrowest clauses of each part take part (any of them still holds), so the pairs
 * stay few however many alternatives a pattern nests.
 */
function either(a: Requirement, b: Requirement): Requirement {
  if (a.length === 0 || b.length === 0) return [];
  const out: Clause[] = [];
  for (const x of narrowest(a)) {
    for (const y of narrowest(b)) {
      const chars = sortedUnique(x.chars + y.chars);
      const count = Math.min(x.count, y.count);
      const same = out.find((c) => c.chars === chars);
      if (same) same.count = Math.max(same.count, count);
      else if (chars.length <= MAX_SET) out.push({ chars, count });
    }
  }
  return withoutImplied(out).slice(0, MAX_CLAUSES);
}

/** How many clauses of each part `either` pairs. */
const PAIRED = 4;

function narrowest(r: Requirement): Requirement {
  if (r.length <= PAIRED) return r;
  return [...r].sort((x, y) => x.chars.length - y.chars.length || y.count - x.count).slice(0, PAIRED);
}

/** Drops the clauses another one implies (fewer of a subset of its characters suffice). */
function withoutImplied(clauses: Clause[]): Clause[] {
  return clauses.filter(
    (c, i) => !clauses.some((o, j) => j !== i && o.count >= c.count && [...o.chars].every((ch) => c.chars.includes(ch)) && (o.chars !== c.chars || j < i)),
  );
}

/** `times` repetitions of a part, at different places of the phrase. */
function repeated(a: Requirement, times: number): Requirement {
  if (times === 0) return [];
  return a.map((c) => ({ chars: c.chars, count: c.count * times }));
}

/** A recursive-descent reader over a pattern; `at` is the next unit to read. */
class Reader {
  at = 0;
  constructor(private readonly source: string) {}

  private peek(): string | undefined {
    return this.source[this.at];
  }

  alternation(): Requirement {
    let requirement = this.sequence();
    while (this.peek() === '|') {
      this.at++;
      requirement = either(requirement, this.sequence());
    }
    return requirement;
  }

  private sequence(): Requirement {
    let requirement: Requirement = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined || ch === '|' || ch === ')') return requirement;
      if (ch === '*' || ch === '+' || ch === '?' || ch === '{') throw new GiveUp();
      const atom = this.atom();
      requirement = both(requirement, this.repeat(atom));
    }
  }

  /** A repeat after an atom, if any: the atom is needed as many times as the least count. */
  private repeat(atom: Requirement): Requirement {
    const ch = this.peek();
    let least: number;
    if (ch === '*' || ch === '?') {
      least = 0;
      this.at++;
    } else if (ch === '+') {
      least = 1;
      this.at++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!m) throw new GiveUp();
      least = Number(m[1]);
      this.at += m[0].length;
    } else {
      return atom;
    }
    if (this.peek() === '?') this.at++;
    const next = this.peek();
    if (next === '*' || next === '+' || next === '?' || next === '{') throw new GiveUp();
    return repeated(atom, least);
  }

  private atom(): Requirement {
    const ch = this.source[this.at];
    const code = ch.charCodeAt(0);
    if (isSurrogate(code)) throw new GiveUp();
    this.at++;
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return this.characterClass();
      case '\\':
        return this.escape();
      case '.':
      case '^':
      case '$':
        return [];
      default:
        return clauseOf(variantsOf(code));
    }
  }

  private group(): Requirement {
    if (this.peek() === '?') {
      const rest = this.source.slice(this.at);
      const m = /^\?(?::|P?<[A-Za-z0-9_]+>)/.exec(rest);
      // Flags and anything else RE2 reads after `(?` are left to RE2.
      if (!m) throw new GiveUp();
      this.at += m[0].length;
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new GiveUp();
    this.at++;
    return inner;
  }

  /** After `\`: escaped punctuation is itself; classes and assertions say nothing. */
  private escape(): Requirement {
    const ch = this.source[this.at];
    if (ch === undefined) throw new GiveUp();
    this.at++;
    if ('dDsSwW'.includes(ch) || 'bBAz'.includes(ch)) return [];
    if (ch === 'p' || ch === 'P') {
      this.skipUnicodeClassName();
      return [];
    }
    const code = ch.charCodeAt(0);
    if (code < 0x80 && !/[A-Za-z0-9]/.test(ch)) return clauseOf(variantsOf(code));
    throw new GiveUp();
  }

  private skipUnicodeClassName(): void {
    if (this.peek() !== '{') {
      if (this.peek() === undefined) throw new GiveUp();
      this.at++;
      return;
    }
    const close = this.source.indexOf('}', this.at);
    if (close < 0) throw new GiveUp();
    this.at = close + 1;
  }

  /** After `[`: the set of what it matches, or nothing for a negated or too large class. */
  private characterClass(): Requirement {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    let chars: string | undefined = '';
    let first = true;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new GiveUp();
      if (ch === ']' && !first) break;
      first = false;
      if (ch === '[' && this.source[this.at + 1] === ':') {
        const close = this.source.indexOf(':]', this.at + 2);
        if (close < 0) throw new GiveUp();
        this.at = close + 2;
        chars = undefined;
        continue;
      }
      const lo = this.classChar();
      if (lo === undefined) {
        chars = undefined;
        continue;
      }
      let hi = lo;
      if (this.peek() === '-' && this.source[this.at + 1] !== ']' && this.source[this.at + 1] !== undefined) {
        this.at++;
        const end = this.classChar();
        if (end === undefined) throw new GiveUp();
        hi = end;
      }
      if (chars === undefined) continue;
      if (hi - lo >= MAX_SET) {
        chars = undefined;
        continue;
      }
      for (let code = lo; code <= hi && chars !== undefined; code++) {
        const variants = variantsOf(code);
        chars = variants === undefined ? undefined : chars + variants;
      }
    }
    this.at++;
    if (negated || chars === undefined || chars.length > MAX_SET) return [];
    return clauseOf(chars);
  }

  /** One character of a class, as a code; undefined for an escape that stands for many (`\d`, `\pL`). */
  private classChar(): number | undefined {
    const ch = this.source[this.at];
    const code = ch.charCodeAt(0);
    if (isSurrogate(code)) throw new GiveUp();
    this.at++;
    if (ch !== '\\') return code;
    const escaped = this.source[this.at];
    if (escaped === undefined) throw new GiveUp();
    this.at++;
    if ('dDsSwW'.includes(escaped)) return undefined;
    if (escaped === 'p' || escaped === 'P') {
      this.skipUnicodeClassName();
      return undefined;
    }
    const escapedCode = escaped.charCodeAt(0);
    if (escapedCode < 0x80 && !/[A-Za-z0-9]/.test(escaped)) return escapedCode;
    throw new GiveUp();
  }
}

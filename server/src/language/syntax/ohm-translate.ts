/**
 * What the speedups learn from a grammar's expressions, for exact shortcuts in Ohm's first
 * match (see `ohm-speedups.ts`): which rules are leaves, which units an expression can
 * start with, and the regular expression that matches what an expression matches.
 */
import type { AnyPExpr, Ctor, OhmGrammar, PExpr } from './ohm-internals';

const leavesOf = new WeakMap<object, Set<string>>();

/**
 * The leaf rules of a grammar: rules that reach no recursive rule (and take no parameters).
 * Matching one again costs no more than looking it up, so the speedups do not memoize them.
 */
export function leafRules(grammar: OhmGrammar, Apply: Ctor<PExpr>): Set<string> {
  let set = leavesOf.get(grammar);
  if (set) return set;
  set = new Set();
  const state = new Map<string, 'visiting' | 'leaf' | 'not'>();
  const visit = (name: string): boolean => {
    const known = state.get(name);
    if (known === 'leaf') return true;
    if (known) return false;
    const rule = grammar.rules[name];
    if (!rule || rule.formals.length > 0) {
      state.set(name, 'not');
      return false;
    }
    state.set(name, 'visiting');
    let ok = true;
    const walk = (e: AnyPExpr | undefined): void => {
      if (!e || !ok) return;
      if (typeof e.ruleName === 'string' && (e as PExpr) instanceof Apply) {
        if ((e.args?.length ?? 0) > 0 || !visit(e.ruleName)) ok = false;
        return;
      }
      e.terms?.forEach(walk);
      e.factors?.forEach(walk);
      walk(e.expr);
    };
    walk(rule.body as AnyPExpr);
    state.set(name, ok ? 'leaf' : 'not');
    return ok;
  };
  for (const name of Object.keys(grammar.rules)) if (visit(name)) set.add(name);
  leavesOf.set(grammar, set);
  return set;
}

/**
 * The UTF-16 units an expression can start with, when it can only fail at its start on any
 * other: it begins with a non-empty string (through sequences, choices and applications of
 * lexical rules, which skip no blanks). Null when not known.
 */
export function firstUnits(e: AnyPExpr, grammar: OhmGrammar, pexprs: Record<string, unknown>, depth: number): number[] | null {
  if (depth > 20) return null;
  const is = (name: string) => e instanceof (pexprs[name] as Ctor<object>);
  if (is('Terminal')) {
    const obj = (e as { obj?: unknown }).obj;
    return typeof obj === 'string' && obj.length > 0 ? [obj.charCodeAt(0)] : null;
  }
  if (is('Alt')) {
    const units = new Set<number>();
    for (const term of e.terms!) {
      const u = firstUnits(term, grammar, pexprs, depth + 1);
      if (!u) return null;
      for (const unit of u) units.add(unit);
    }
    return [...units];
  }
  if (is('Seq')) return e.factors!.length > 0 ? firstUnits(e.factors![0], grammar, pexprs, depth + 1) : null;
  if (is('Lex')) return firstUnits(e.expr!, grammar, pexprs, depth + 1);
  if (is('Apply')) {
    const name = e.ruleName!;
    const rule = grammar.rules[name];
    if (!rule || (e.args?.length ?? 0) > 0 || rule.formals.length > 0 || name[0] === name[0].toUpperCase()) return null;
    return firstUnits(rule.body as AnyPExpr, grammar, pexprs, depth + 1);
  }
  return null;
}

/** Escapes a string for a `u` regular expression, code point by code point. */
function literal(text: string): string {
  let out = '';
  for (const ch of text) out += `\\u{${ch.codePointAt(0)!.toString(16)}}`;
  return out;
}

/**
 * The source of a regular expression that matches exactly what `expr` matches under PEG
 * rules, or undefined for an expression that has no such translation. Ordered choice and
 * greedy repetition never give back what they matched; a regular expression would, so each
 * is made atomic with the `(?=(?<g>…))\\k<g>` idiom.
 */
export function compileToRegex(grammar: OhmGrammar, body: AnyPExpr, pexprs: Record<string, unknown>): string | undefined {
  let groups = 0;
  const is = (e: unknown, name: string) => e instanceof (pexprs[name] as Ctor<object>);
  const atomic = (inner: string) => {
    groups++;
    return `(?=(?<g${groups}>${inner}))\\k<g${groups}>`;
  };
  const seen = new Set<string>();
  const go = (e: AnyPExpr): string | undefined => {
    const x = e as AnyPExpr & { obj?: string; from?: string; to?: string; matchCodePoint?: boolean; pattern?: RegExp; minNumMatches?: number; maxNumMatches?: number };
    if (e === pexprs.any) return '[^]';
    if (e === pexprs.end) return '$';
    if (is(e, 'Terminal')) return typeof x.obj === 'string' ? literal(x.obj) : undefined;
    if (is(e, 'Range')) {
      const from = x.from!.codePointAt(0)!;
      const to = x.to!.codePointAt(0)!;
      if (!x.matchCodePoint && to >= 0xd800 && from <= 0xdfff) return undefined;
      return `[\\u{${from.toString(16)}}-\\u{${to.toString(16)}}]`;
    }
    if (is(e, 'UnicodeChar')) return x.pattern ? `(?:${x.pattern.source})` : undefined;
    if (is(e, 'Alt')) {
      if (is(e, 'Extend') || is(e, 'Splice')) return undefined;
      const terms = e.terms!.map(go);
      return terms.every((t) => t !== undefined) ? atomic(terms.join('|')) : undefined;
    }
    if (is(e, 'Seq')) {
      const factors = e.factors!.map(go);
      return factors.every((f) => f !== undefined) ? factors.map((f) => `(?:${f})`).join('') : undefined;
    }
    if (is(e, 'Iter')) {
      const inner = go(e.expr!);
      if (inner === undefined) return undefined;
      const op = x.maxNumMatches === 1 ? '?' : x.minNumMatches === 1 ? '+' : '*';
      return atomic(`(?:${inner})${op}`);
    }
    if (is(e, 'Not')) {
      const inner = go(e.expr!);
      return inner === undefined ? undefined : `(?!${inner})`;
    }
    if (is(e, 'Lookahead')) {
      const inner = go(e.expr!);
      return inner === undefined ? undefined : `(?=${inner})`;
    }
    if (is(e, 'Lex')) return go(e.expr!);
    if (is(e, 'Apply')) {
      const name = e.ruleName!;
      const rule = grammar.rules[name];
      if (!rule || (e.args?.length ?? 0) > 0 || rule.formals.length > 0 || seen.has(name) || name[0] === name[0].toUpperCase()) return undefined;
      seen.add(name);
      const inner = go(rule.body as AnyPExpr);
      seen.delete(name);
      return inner === undefined ? undefined : `(?:${inner})`;
    }
    return undefined;
  };
  return go(body);
}

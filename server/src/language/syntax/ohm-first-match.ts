/**
 * Exact shortcuts in Ohm's first match of an input (installed by `ohm-speedups.ts`).
 *
 * They change how the first match of an input runs, never what it finds. Ohm matches
 * an input once without recording failures, and a second time, recording them at the
 * rightmost failure position, only when the first match failed and a message is wanted; the
 * second match always runs as shipped.
 * - Leaf rules (those that reach no recursive rule) are not memoized in the first match. Ohm
 *   memoizes every application at every position so that backtracking never matches a rule
 *   twice at one place; a leaf rule matched again costs no more than looking it up, and the
 *   memo entries (a position record, a memo record, a table slot) were a large part of the
 *   garbage. The rightmost failure position a leaf adds is the same either way.
 * - Tokens (lexical rules with a description, such as `string (a string)`) are matched with
 *   one regular expression compiled from the rule's body, with PEG's semantics (every
 *   choice and repetition atomic). A description hides every failure inside its rule, so all
 *   that a token adds to the match state is its length, or one failure at its start. Its
 *   CST node has no children: `build-ast.ts` reads tokens from the text.
 * - A negative lookahead (`~identPart`) is one test of its compiled expression (Ohm throws
 *   away every failure inside a `~`); a choice of plain strings is tried with `startsWith`;
 *   any other choice skips the alternatives that cannot start with the next character,
 *   recording the one failure at that position each would have recorded.
 * - Every expression of the grammar is prepared before the first match (see
 *   `prepareExpressions`).
 *
 * What they read off the grammar is in `ohm-translate.ts`.
 */
import type { AnyPExpr, ApplyExpr, CstNode, Ctor, FullMatchState, MatchState, NodeCtor, OhmGrammar, PExpr } from './ohm-internals';
import { compileToRegex, firstUnits, leafRules } from './ohm-translate';

/** Installs the shortcuts and prepares every expression of `grammar` for them. */
export function installFirstMatchShortcuts(
  grammar: OhmGrammar,
  pexprs: Record<string, unknown>,
  matchState: FullMatchState,
  TerminalNode: new (matchLength: number) => CstNode,
  NonterminalNode: NodeCtor,
): void {
  patchMatchState(matchState);
  const preparers = [patchNot(pexprs), patchChoice(pexprs, TerminalNode), patchLeafApply(pexprs.Apply as Ctor<ApplyExpr>, pexprs, NonterminalNode)];
  prepareExpressions(grammar, preparers);
}

/** Works out once, for one grammar, what a patched method would on its first evaluation. */
type Preparer = (expr: PExpr, grammar: OhmGrammar) => void;

/**
 * Gives every expression of the grammar's rules (the built-in ones included) its cached
 * facts before anything is matched. Added on first use instead, each property would change
 * the object's hidden class while the matching code is being optimised, and V8 would throw
 * that code away and optimise it again (it did, for every property, in every thread).
 */
function prepareExpressions(grammar: OhmGrammar, preparers: Preparer[]): void {
  const seen = new Set<AnyPExpr>();
  const visit = (e: AnyPExpr | undefined): void => {
    if (!e || seen.has(e)) return;
    seen.add(e);
    for (const prepare of preparers) prepare(e, grammar);
    e.getArity();
    e.terms?.forEach(visit);
    e.factors?.forEach(visit);
    e.args?.forEach(visit);
    visit(e.expr);
  };
  // `for…in` also walks the built-in rules, which the grammar inherits.
  for (const name in grammar.rules) visit(grammar.rules[name].body as AnyPExpr);
}

/** A negative lookahead (`~identPart`) whose expression has a regular translation is one test. */
function patchNot(pexprs: Record<string, unknown>): Preparer {
  const Not = pexprs.Not as Ctor<PExpr & { expr: PExpr }>;
  const original = Not.prototype.eval;
  interface Compiled extends PExpr {
    expr: PExpr;
    sopGrammar?: object;
    sopRegex?: RegExp | null;
  }
  // Ohm throws away every failure inside a `~` (and records the `~` itself when what it
  // forbids is there), so whether the expression matches is all that counts.
  const prepare = (not: Compiled, grammar: OhmGrammar) => {
    not.sopGrammar = grammar;
    const source = compileToRegex(grammar, not.expr as AnyPExpr, pexprs);
    not.sopRegex = source === undefined ? null : new RegExp(source, 'uy');
  };
  Not.prototype.eval = function (this: Compiled, s: MatchState): boolean {
    const state = s as FullMatchState;
    if (state.recordedFailures || state.trace || state.inSyntacticContext()) return original.call(this, state);
    if (this.sopGrammar !== state.grammar) prepare(this, state.grammar);
    const regex = this.sopRegex;
    if (!regex) return original.call(this, state);
    const origPos = state.inputStream.pos;
    regex.lastIndex = origPos;
    if (regex.test(state.inputStream.source)) {
      state.processFailure(origPos, this);
      return false;
    }
    return true;
  };  return (expr, grammar) => {
    if (expr instanceof Not) prepare(expr as Compiled, grammar);
  };
}

/**
 * Choices. A choice of plain strings (`("say" | "说")`) tries each with `startsWith`. In
 * any other choice, an alternative that cannot start with the next character (every
 * `step` but one, on each line) is not evaluated: it would fail right there, and all it
 * would add to the match state is one failure at that position.
 */
function patchChoice(pexprs: Record<string, unknown>, TerminalNode: new (matchLength: number) => CstNode): Preparer {
  const Alt = pexprs.Alt as Ctor<PExpr & { terms: PExpr[] }>;
  const Terminal = pexprs.Terminal as Ctor<PExpr & { obj: unknown }>;
  const original = Alt.prototype.eval;
  interface Choice extends PExpr {
    terms: PExpr[];
    sopGrammar?: object;
    sopStrings?: string[] | null;
    /** The UTF-16 units each alternative can start with (null: not known). */
    sopFirst?: (number[] | null)[] | null;
  }
  const prepare = (alt: Choice, grammar: OhmGrammar) => {
    alt.sopGrammar = grammar;
    const plain = alt.terms.every((t) => t instanceof Terminal && typeof t.obj === 'string' && t.obj.length > 0);
    alt.sopStrings = plain ? alt.terms.map((t) => (t as unknown as { obj: string }).obj) : null;
    const first = plain ? [] : alt.terms.map((t) => firstUnits(t as AnyPExpr, grammar, pexprs, 0));
    alt.sopFirst = first.some((f) => f !== null) ? first : null;
  };
  Alt.prototype.eval = function (this: Choice, s: MatchState): boolean {
    const state = s as FullMatchState;
    if (this.sopGrammar !== state.grammar) prepare(this, state.grammar);
    if (state.recordedFailures || state.trace || state.inSyntacticContext()) return original.call(this, state);
    const stream = state.inputStream;
    const source = stream.source;
    const origPos = stream.pos;
    const strings = this.sopStrings;
    if (strings) {
      // As Ohm's: each string that does not match records a failure at the choice's start.
      for (let i = 0; i < strings.length; i++) {
        if (source.startsWith(strings[i], origPos)) {
          stream.pos = origPos + strings[i].length;
          state.pushBinding(new TerminalNode(strings[i].length), origPos);
          return true;
        }
        state.processFailure(origPos, this.terms[i]);
      }
      return false;
    }
    const first = this.sopFirst;
    if (!first) return original.call(this, state);
    const code = source.charCodeAt(origPos);
    const terms = this.terms;
    for (let i = 0; i < terms.length; i++) {
      const units = first[i];
      if (units !== null && !units.includes(code)) {
        state.processFailure(origPos, terms[i]);
        continue;
      }
      if (state.eval(terms[i])) return true;
    }
    return false;
  };
  return (expr, grammar) => {
    if (expr instanceof Alt) prepare(expr as Choice, grammar);
  };
}

function patchMatchState(proto: FullMatchState): void {
  const original = proto.eval;
  const skips = new WeakMap<PExpr, boolean>();
  proto.eval = function (this: FullMatchState, expr: PExpr): boolean {
    if (this.recordedFailures || this.trace) return original.call(this, expr);
    const inputStream = this.inputStream;
    const origNumBindings = this._bindings.length;
    const origUserData = this.userData;
    const origPos = inputStream.pos;
    let skip = skips.get(expr);
    if (skip === undefined) {
      skip = (expr as unknown as { allowsSkippingPrecedingSpace(): boolean }).allowsSkippingPrecedingSpace();
      skips.set(expr, skip);
    }
    if (skip) this.maybeSkipSpacesBefore(expr);
    const ans = expr.eval(this);
    if (!ans) {
      inputStream.pos = origPos;
      this.truncateBindings(origNumBindings);
      this.userData = origUserData;
    }
    return ans;
  };
}

function patchLeafApply(Apply: Ctor<ApplyExpr>, pexprs: Record<string, unknown>, Nonterminal: NodeCtor): Preparer {
  const original = Apply.prototype.eval;
  const tokenOf = new WeakMap<object, Map<string, RegExp | null>>();
  const tokenRegex = (grammar: OhmGrammar, name: string): RegExp | null => {
    let map = tokenOf.get(grammar);
    if (!map) {
      map = new Map();
      tokenOf.set(grammar, map);
    }
    let re = map.get(name);
    if (re === undefined) {
      const rule = grammar.rules[name];
      re = null;
      if (rule.description && name[0] !== name[0].toUpperCase()) {
        const source = compileToRegex(grammar, rule.body as AnyPExpr, pexprs);
        if (source !== undefined) re = new RegExp(source, 'uy');
      }
      map.set(name, re);
    }
    return re;
  };
  const leaves = (grammar: OhmGrammar) => leafRules(grammar, Apply);
  // What an application is, worked out once per grammar it is evaluated in (the bodies of
  // built-in rules are shared by every grammar): 1 as shipped, 2 a leaf, 3 a token.
  interface Classified extends ApplyExpr {
    args: unknown[];
    sopGrammar?: object;
    sopKind?: number;
    sopToken?: RegExp | null;
  }
  const prepare = (app: Classified, grammar: OhmGrammar) => {
    app.sopGrammar = grammar;
    app.sopToken = null;
    app.sopKind = app.args.length > 0 || !leaves(grammar).has(app.ruleName) ? 1 : 2;
    if (app.sopKind === 2) {
      app.sopToken = tokenRegex(grammar, app.ruleName);
      if (app.sopToken) app.sopKind = 3;
    }
  };
  Apply.prototype.eval = function (this: Classified, s: MatchState): boolean {
    const state = s as FullMatchState;
    if (this.sopGrammar !== state.grammar) prepare(this, state.grammar);
    if (this.sopKind === 1 || state.recordedFailures || state.trace) return original.call(this, state);
    const inputStream = state.inputStream;
    const origPos = inputStream.pos;
    const token = this.sopToken;
    if (token) {
      token.lastIndex = origPos;
      if (token.test(inputStream.source)) {
        inputStream.pos = token.lastIndex;
        state.pushBinding(new Nonterminal(this.ruleName, [], [], token.lastIndex - origPos), origPos);
        return true;
      }
      state.processFailure(origPos, this);
      return false;
    }
    const ruleInfo = state.grammar.rules[this.ruleName];
    const description = ruleInfo.description;
    state._posStack.push(origPos);
    state._applicationStack.push(this);
    state.inLexifiedContextStack.push(false);
    state._rightmostFailurePositionStack.push(state.rightmostFailurePosition);
    state.rightmostFailurePosition = -1;
    if (description) state.pushFailuresInfo();
    const origExamined = inputStream.examinedLength;
    inputStream.examinedLength = 0;
    const value = (this as unknown as { evalOnce(body: PExpr, state: MatchState): CstNode | false }).evalOnce(ruleInfo.body, state);
    if (state.doNotMemoize) state.doNotMemoize = false;
    if (description) {
      state.popFailuresInfo();
      if (!value) state.processFailure(origPos, this);
    }
    inputStream.examinedLength = Math.max(inputStream.examinedLength, origExamined);
    const enteredAt = state._posStack.pop()!;
    state._applicationStack.pop();
    state.inLexifiedContextStack.pop();
    state.rightmostFailurePosition = Math.max(state.rightmostFailurePosition, state._rightmostFailurePositionStack.pop()!);
    if (value) state.pushBinding(value, enteredAt);
    return Boolean(value);
  };
  return (expr, grammar) => {
    if (expr instanceof Apply) {
      prepare(expr as Classified, grammar);
      expr.isSyntactic();
    }
  };
}


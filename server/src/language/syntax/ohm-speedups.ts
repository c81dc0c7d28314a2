/**
 * Faster versions of a few methods of Ohm's interpreter, with the same results.
 *
 * Profiling a cold `sop check` showed Ohm's per-character bookkeeping as the largest cost after
 * the matching itself: reading a code point sliced the rest of the input (`source.slice(pos)`),
 * every matched character built a one-character string to learn its length, every evaluation
 * upper-cased the current rule's first letter to decide whether it skips blanks, and every
 * iteration spliced its bindings off the stack. The replacements below compute exactly the
 * same values (positions, examined lengths, bindings, failures) without those allocations.
 *
 * The others change how the first match of an input runs, never what it finds. Ohm matches
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
 * What these read off the grammar is in `ohm-translate.ts`. They are written against ohm-js 17.5.0, which `package.json` pins exactly; with any other
 * version nothing is patched and Ohm runs as shipped. The grammar and parser tests (and the
 * fuzz suite, which compares every message and span) check that the behaviour is the same.
 */
import * as ohm from 'ohm-js';
import type { AnyPExpr, ApplyExpr, CstNode, Ctor, FullMatchState, InputStream, IterExpr, MatchState, NodeCtor, OhmGrammar, PExpr, RangeExpr } from './ohm-internals';
import { compileToRegex, firstUnits, leafRules } from './ohm-translate';

const SUPPORTED_VERSION = '17.5.0';
let installed = false;
let active = false;

/** Whether the faster methods are in use (for the test that compares them with Ohm's). */
export function ohmSpeedupsActive(): boolean {
  return active;
}

/** Installs the faster methods once; a no-op for another Ohm version. */
export function installOhmSpeedups(grammar: ohm.Grammar): void {
  if (installed || ohm.version !== SUPPORTED_VERSION) return;
  installed = true;
  const pexprs = (ohm as unknown as { pexprs: Record<string, Ctor<PExpr>> }).pexprs;
  const Range = pexprs.Range as Ctor<RangeExpr>;
  const Iter = pexprs.Iter as Ctor<IterExpr>;
  const Opt = pexprs.Opt as Ctor<IterExpr>;
  const Apply = pexprs.Apply as Ctor<ApplyExpr>;

  // The classes Ohm does not export are read off one small match: the input stream's, and
  // the node classes of a terminal and of an iteration.
  const originalRange = Range.prototype.eval;
  let stream: InputStream | undefined;
  let probeState: MatchState | undefined;
  Range.prototype.eval = function (this: RangeExpr, state: MatchState) {
    stream ??= state.inputStream;
    probeState ??= state;
    return originalRange.call(this, state);
  };
  const probe = grammar.match('say "x"', 'Say') as unknown as { _cst: { children: CstNode[] } };
  Range.prototype.eval = originalRange;
  // Say > sayStep > [keyword, s, string]; a string is `"` (chars)* `"`.
  const sayStep = probe._cst.children[0] as unknown as { children: Array<{ children: CstNode[] }> };
  const stringNode = sayStep.children[2];
  const terminalNode = stringNode?.children[0];
  const iterationNode = stringNode?.children[1];
  if (!stream || !probeState || !iterationNode || !terminalNode) return;
  const Terminal = terminalNode.constructor as new (matchLength: number) => CstNode;
  const Iteration = iterationNode.constructor as new (children: CstNode[], offsets: number[], matchLength: number, optional: boolean) => CstNode;
  const streamProto = Object.getPrototypeOf(stream) as InputStream & Record<string, unknown>;
  patchInputStream(streamProto);
  patchRange(Range, Terminal);
  patchApply(Apply);
  patchIter(Iter, Opt, Iteration);
  patchArity(pexprs);
  patchMatchState(Object.getPrototypeOf(probeState) as FullMatchState);
  const preparers = [
    patchNot(pexprs),
    patchChoice(pexprs, Terminal),
    patchLeafApply(Apply, pexprs, probe._cst.constructor as unknown as NodeCtor),
  ];
  prepareExpressions(grammar as unknown as OhmGrammar, preparers);
  active = true;
}

function patchInputStream(proto: InputStream & Record<string, unknown>): void {
  proto.nextCharCode = function (this: InputStream): number | undefined {
    const at = this.pos++;
    if (this.pos > this.examinedLength) this.examinedLength = this.pos;
    return at < this.source.length ? this.source.charCodeAt(at) : undefined;
  };
  proto.nextCodePoint = function (this: InputStream): number | undefined {
    const cp = this.source.codePointAt(this.pos++);
    if (cp !== undefined && cp > 0xffff) this.pos += 1;
    if (this.pos > this.examinedLength) this.examinedLength = this.pos;
    return cp;
  };
  const originalMatchString = proto.matchString as (s: string, ignoreCase?: boolean) => boolean;
  proto.matchString = function (this: InputStream, s: string, ignoreCase?: boolean): boolean {
    if (ignoreCase) return originalMatchString.call(this, s, ignoreCase);
    // As Ohm's: the position moves past every compared character, the first mismatch included.
    const { source } = this;
    const start = this.pos;
    let i = 0;
    let ok = true;
    while (i < s.length) {
      const same = source.charCodeAt(start + i) === s.charCodeAt(i);
      i++;
      if (!same) {
        ok = false;
        break;
      }
    }
    this.pos = start + i;
    if (this.pos > this.examinedLength) this.examinedLength = this.pos;
    return ok;
  };
}

function patchRange(Range: Ctor<RangeExpr>, Terminal: new (matchLength: number) => CstNode): void {
  const bounds = new WeakMap<RangeExpr, [number, number]>();
  Range.prototype.eval = function (this: RangeExpr, state: MatchState): boolean {
    const stream = state.inputStream;
    const origPos = stream.pos;
    const source = stream.source;
    let cp: number | undefined;
    if (this.matchCodePoint) {
      cp = source.codePointAt(origPos);
      stream.pos = origPos + (cp !== undefined && cp > 0xffff ? 2 : 1);
    } else {
      cp = origPos < source.length ? source.charCodeAt(origPos) : undefined;
      stream.pos = origPos + 1;
    }
    if (stream.pos > stream.examinedLength) stream.examinedLength = stream.pos;
    let range = bounds.get(this);
    if (!range) {
      range = [this.from.codePointAt(0)!, this.to.codePointAt(0)!];
      bounds.set(this, range);
    }
    if (cp !== undefined && range[0] <= cp && cp <= range[1]) {
      state.pushBinding(new Terminal(cp > 0xffff ? 2 : 1), origPos);
      return true;
    }
    state.processFailure(origPos, this);
    return false;
  };
}

function patchApply(Apply: Ctor<ApplyExpr>): void {
  // A rule is syntactic when its name starts with a capital; the answer never changes, so
  // each application remembers it (Ohm asks on every evaluation inside a rule).
  Apply.prototype.isSyntactic = function (this: ApplyExpr & { sopSyntactic?: boolean }): boolean {
    let answer = this.sopSyntactic;
    if (answer === undefined) {
      const first = this.ruleName[0];
      answer = first === first.toUpperCase();
      this.sopSyntactic = answer;
    }
    return answer;
  };
}

function patchIter(
  Iter: Ctor<IterExpr>,
  Opt: Ctor<IterExpr>,
  Iteration: new (children: CstNode[], offsets: number[], matchLength: number, optional: boolean) => CstNode,
): void {
  const original = Iter.prototype.eval;
  // The bindings of each row are popped into their columns rather than spliced into new
  // arrays. An iteration of nothing (arity 0) runs as shipped.
  Iter.prototype.eval = function (this: IterExpr, state: MatchState): boolean {
    const arity = this.getArity();
    if (arity === 0) return original.call(this, state);
    const stream = state.inputStream;
    const origPos = stream.pos;
    const bindings = state._bindings;
    const offsets = state._bindingOffsets;
    const columns: CstNode[][] = [];
    const columnOffsets: number[][] = [];
    for (let c = 0; c < arity; c++) {
      columns.push([]);
      columnOffsets.push([]);
    }
    let count = 0;
    let prevPos = origPos;
    while (count < this.maxNumMatches && state.eval(this.expr)) {
      if (stream.pos === prevPos) throw new Error('Kleene operator has a nullable operand');
      prevPos = stream.pos;
      count++;
      const base = bindings.length - arity;
      for (let c = 0; c < arity; c++) {
        columns[c].push(bindings[base + c]);
        columnOffsets[c].push(offsets[base + c]);
      }
      for (let c = 0; c < arity; c++) {
        bindings.pop();
        offsets.pop();
      }
    }
    if (count < this.minNumMatches) return false;
    let offset = state.posToOffset(origPos);
    let matchLength = 0;
    if (count > 0) {
      const lastColumn = columns[arity - 1];
      const lastOffsets = columnOffsets[arity - 1];
      offset = columnOffsets[0][0];
      matchLength = lastOffsets[count - 1] + lastColumn[count - 1].matchLength - offset;
    }
    const optional = this instanceof Opt;
    for (let c = 0; c < arity; c++) {
      bindings.push(new Iteration(columns[c], columnOffsets[c], matchLength, optional));
      offsets.push(offset);
    }
    return true;
  };
}

/**
 * The arity of an expression is a property of its shape, which never changes; Ohm adds it
 * up again on every match of a rule and every iteration. Each expression keeps it.
 */
function patchArity(pexprs: Record<string, unknown>): void {
  for (const name of ['Alt', 'Seq', 'Iter', 'Lex', 'Lookahead']) {
    const proto = (pexprs[name] as Ctor<PExpr>).prototype as PExpr & { sopArity?: number };
    const original = proto.getArity;
    proto.getArity = function (this: PExpr & { sopArity?: number }): number {
      let arity = this.sopArity;
      if (arity === undefined) {
        arity = original.call(this);
        this.sopArity = arity;
      }
      return arity;
    };
  }
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


/**
 * Faster versions of a few methods of Ohm's interpreter, with the same results, and the
 * installation of the first-match shortcuts (`ohm-first-match.ts`).
 *
 * Profiling a cold `sop check` showed Ohm's per-character bookkeeping as the largest cost after
 * the matching itself: reading a code point sliced the rest of the input (`source.slice(pos)`),
 * every matched character built a one-character string to learn its length, every evaluation
 * upper-cased the current rule's first letter to decide whether it skips blanks, and every
 * iteration spliced its bindings off the stack. The replacements below compute exactly the
 * same values (positions, examined lengths, bindings, failures) without those allocations.
 *
 * The shortcuts change how Ohm's first match of an input runs, never what it finds. All
 * of it is written against ohm-js 17.5.0, which `package.json` pins exactly; with any other
 * version nothing is patched and Ohm runs as shipped. The grammar and parser tests (and the
 * fuzz suite, which compares every message and span) check that the behaviour is the same.
 */
import * as ohm from 'ohm-js';
import { installFirstMatchShortcuts } from './ohm-first-match';
import type { ApplyExpr, CstNode, Ctor, FullMatchState, InputStream, IterExpr, MatchState, NodeCtor, OhmGrammar, PExpr, RangeExpr } from './ohm-internals';

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
  installFirstMatchShortcuts(grammar as unknown as OhmGrammar, pexprs, Object.getPrototypeOf(probeState) as FullMatchState, Terminal, probe._cst.constructor as unknown as NodeCtor);
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

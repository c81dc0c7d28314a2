/**
 * Faster versions of a few methods of Ohm's interpreter, with the same behaviour.
 *
 * Profiling a cold `sop check` showed Ohm's per-character bookkeeping as the largest cost after
 * the matching itself: reading a code point sliced the rest of the input (`source.slice(pos)`),
 * every matched character built a one-character string to learn its length, every evaluation
 * upper-cased the current rule's first letter to decide whether it skips blanks, and every
 * iteration spliced its bindings off the stack. The replacements below compute exactly the
 * same values (positions, examined lengths, bindings, failures) without those allocations.
 *
 * They are written against ohm-js 17.5.0, which `package.json` pins exactly; with any other
 * version nothing is patched and Ohm runs as shipped. The grammar and parser tests (and the
 * fuzz suite, which compares every message and span) check that the behaviour is the same.
 */
import * as ohm from 'ohm-js';

/** The parts of Ohm's interpreter these methods touch (not in its typed API). */
interface InputStream {
  source: string;
  pos: number;
  examinedLength: number;
}
interface CstNode {
  matchLength: number;
}
interface MatchState {
  inputStream: InputStream;
  _bindings: CstNode[];
  _bindingOffsets: number[];
  eval(expr: PExpr): boolean;
  pushBinding(node: CstNode, pos: number): void;
  processFailure(pos: number, expr: PExpr): void;
  posToOffset(pos: number): number;
}
interface PExpr {
  getArity(): number;
  eval(state: MatchState): boolean;
}
interface RangeExpr extends PExpr {
  from: string;
  to: string;
  matchCodePoint: boolean;
}
interface IterExpr extends PExpr {
  expr: PExpr;
  minNumMatches: number;
  maxNumMatches: number;
}
interface ApplyExpr extends PExpr {
  ruleName: string;
  isSyntactic(): boolean;
}
type Ctor<T> = { prototype: T } & (new (...args: never[]) => T);

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
  Range.prototype.eval = function (this: RangeExpr, state: MatchState) {
    stream ??= state.inputStream;
    return originalRange.call(this, state);
  };
  const probe = grammar.match('say "x"', 'Say') as unknown as { _cst: { children: CstNode[] } };
  Range.prototype.eval = originalRange;
  // Say > sayStep > [keyword, s, string]; a string is `"` (chars)* `"`.
  const sayStep = probe._cst.children[0] as unknown as { children: Array<{ children: CstNode[] }> };
  const stringNode = sayStep.children[2];
  const terminalNode = stringNode?.children[0];
  const iterationNode = stringNode?.children[1];
  if (!stream || !iterationNode || !terminalNode) return;
  const Terminal = terminalNode.constructor as new (matchLength: number) => CstNode;
  const Iteration = iterationNode.constructor as new (children: CstNode[], offsets: number[], matchLength: number, optional: boolean) => CstNode;
  const streamProto = Object.getPrototypeOf(stream) as InputStream & Record<string, unknown>;
  patchInputStream(streamProto);
  patchRange(Range, Terminal);
  patchApply(Apply);
  patchIter(Iter, Opt, Iteration);
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
  const arities = new WeakMap<IterExpr, number>();
  // Only the common one-column iteration is rewritten: its bindings are popped rather than
  // spliced into new arrays. Wider ones run as shipped.
  Iter.prototype.eval = function (this: IterExpr, state: MatchState): boolean {
    let arity = arities.get(this);
    if (arity === undefined) {
      arity = this.getArity();
      arities.set(this, arity);
    }
    if (arity !== 1) return original.call(this, state);
    const stream = state.inputStream;
    const origPos = stream.pos;
    const bindings = state._bindings;
    const offsets = state._bindingOffsets;
    const column: CstNode[] = [];
    const columnOffsets: number[] = [];
    let prevPos = origPos;
    while (column.length < this.maxNumMatches && state.eval(this.expr)) {
      if (stream.pos === prevPos) throw new Error('Kleene operator has a nullable operand');
      prevPos = stream.pos;
      column.push(bindings.pop()!);
      columnOffsets.push(offsets.pop()!);
    }
    if (column.length < this.minNumMatches) return false;
    let offset = state.posToOffset(origPos);
    let matchLength = 0;
    if (column.length > 0) {
      const last = column.length - 1;
      offset = columnOffsets[0];
      matchLength = columnOffsets[last] + column[last].matchLength - offset;
    }
    bindings.push(new Iteration(column, columnOffsets, matchLength, this instanceof Opt));
    offsets.push(offset);
    return true;
  };
}

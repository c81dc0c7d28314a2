/**
 * The parts of Ohm's interpreter that `ohm-speedups.ts` and `ohm-translate.ts` read and
 * replace: fields and methods of its match state, input stream, CST nodes and parsing
 * expressions that its typed API does not declare (ohm-js 17.5.0).
 */
export interface InputStream {
  source: string;
  pos: number;
  examinedLength: number;
}
export interface CstNode {
  matchLength: number;
}
export interface MatchState {
  inputStream: InputStream;
  _bindings: CstNode[];
  _bindingOffsets: number[];
  eval(expr: PExpr): boolean;
  pushBinding(node: CstNode, pos: number): void;
  processFailure(pos: number, expr: PExpr): void;
  posToOffset(pos: number): number;
}
export interface PExpr {
  getArity(): number;
  eval(state: MatchState): boolean;
}
export interface RangeExpr extends PExpr {
  from: string;
  to: string;
  matchCodePoint: boolean;
}
export interface IterExpr extends PExpr {
  expr: PExpr;
  minNumMatches: number;
  maxNumMatches: number;
}
export interface ApplyExpr extends PExpr {
  ruleName: string;
  isSyntactic(): boolean;
}
export type Ctor<T> = { prototype: T } & (new (...args: never[]) => T);

/** A grammar's rules, the inherited built-in ones included. */
export interface OhmGrammar {
  rules: Record<string, { body: PExpr; description?: string; formals: string[] }>;
}

export interface FullMatchState extends MatchState {
  grammar: OhmGrammar;
  recordedFailures?: unknown;
  trace?: unknown;
  userData: unknown;
  doNotMemoize: boolean;
  rightmostFailurePosition: number;
  _posStack: number[];
  _applicationStack: PExpr[];
  inLexifiedContextStack: boolean[];
  _rightmostFailurePositionStack: number[];
  maybeSkipSpacesBefore(expr: PExpr): number;
  inSyntacticContext(): boolean;
  truncateBindings(length: number): void;
  skipSpaces(): number;
  pushFailuresInfo(): void;
  popFailuresInfo(): void;
}

export interface AnyPExpr extends PExpr {
  ruleName?: string;
  args?: AnyPExpr[];
  terms?: AnyPExpr[];
  factors?: AnyPExpr[];
  expr?: AnyPExpr;
}

export type NodeCtor = new (ruleName: string, children: CstNode[], offsets: number[], matchLength: number) => CstNode;

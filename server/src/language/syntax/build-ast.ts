/**
 * Turns a successful match of one piece of a file into AST nodes.
 *
 * The walk reads Ohm's concrete syntax tree directly instead of going through an Ohm
 * semantics: a semantics wraps every node it visits in an object with its own interval
 * (and slices `sourceString` from it), which costs more than the whole walk below. The CST
 * is plain data: a `NonterminalNode` has its `ruleName`, its `children` and their
 * `childOffsets` (relative to the start of the nearest enclosing rule application, also for
 * the children of iteration nodes) and every node has a `matchLength`. The child indexes
 * below follow the rules of `grammar/sop.ohm`: each `(x s)?` or `(s x)*` group contributes
 * one iteration node per element, and `~…` contributes none.
 *
 * Pieces are matched on their own (see `parse.ts`), so every span is shifted by the
 * piece's offset in the document.
 */
import type { MatchResult } from 'ohm-js';
// Before the grammar: makes building it from its recipe cheaper.
import './ohm-grammar-load';
import grammar from '../../../../grammar/sop.ohm-bundle.js';
import type {
  Branch,
  Decl,
  Duration,
  DurationUnit,
  Header,
  HeaderField,
  Ident,
  Keyword,
  Placeholder,
  Situation,
  Span,
  Step,
  StringLit,
} from '../ast';
import { unitMilliseconds } from '../duration';
import { installOhmSpeedups } from './ohm-speedups';

installOhmSpeedups(grammar);

/** An error production (`badStep`/`badDecl`) met during the walk: a line to explain. */
export interface BadLine {
  kind: 'bad-step' | 'bad-decl';
  span: Span;
  text: string;
}

/** What one piece of a file contributes: its header (prelude only) and declarations. */
export interface PieceAst {
  header: Header;
  decls: Decl[];
  badLines: BadLine[];
}

/** The parts of Ohm's CST this walk reads (see the module comment). */
interface CstNode {
  matchLength: number;
  ruleName?: string;
  children?: CstNode[];
  childOffsets?: number[];
}

/** A node of the CST with its start in the piece's text. */
interface Part {
  node: CstNode;
  start: number;
}

/** One walk: the piece's text, its offset in the document, and the bad lines met so far. */
class Walk {
  readonly badLines: BadLine[] = [];

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  /** The node at `children[index]` of `parent`. */
  private child(parent: Part, index: number): Part {
    return { node: parent.node.children![index], start: parent.start + parent.node.childOffsets![index] };
  }

  /** The elements of an iteration child of `parent` (offsets are relative to `parent`). */
  private elements(parent: Part, index: number): Part[] {
    const iter = parent.node.children![index];
    const out: Part[] = [];
    for (let i = 0; i < iter.children!.length; i++) {
      out.push({ node: iter.children![i], start: parent.start + iter.childOffsets![i] });
    }
    return out;
  }

  /** The only element of an optional child of `parent`, if present. */
  private optional(parent: Part, index: number): Part | undefined {
    const iter = parent.node.children![index];
    return iter.children!.length > 0 ? { node: iter.children![0], start: parent.start + iter.childOffsets![0] } : undefined;
  }

  private span(r: Part): Span {
    return { start: this.base + r.start, end: this.base + r.start + r.node.matchLength };
  }

  private source(r: Part): string {
    return this.text.slice(r.start, r.start + r.node.matchLength);
  }

  /** The keyword that is child 0 of every construct: its span and which spelling it is. */
  private keyword(r: Part): Keyword {
    const word = this.child(r, 0);
    const first = this.text.charCodeAt(word.start);
    return { span: this.span(word), spelling: first >= 0x61 && first <= 0x7a ? 'en' : 'zh' };
  }

  // prelude = (scriptField s)? (versionField s)? (localeField s)? (~end decl s)*
  prelude(r: Part): Omit<PieceAst, 'badLines'> {
    const header: Header = {};
    const script = this.optional(r, 0);
    const version = this.optional(r, 2);
    const locale = this.optional(r, 4);
    if (script) header.script = this.field(script);
    if (version) header.version = this.field(version);
    if (locale) header.locale = this.field(locale);
    return { header, decls: this.decls(r, 6) };
  }

  // chunk = situation s (~end decl s)*
  chunk(r: Part): Omit<PieceAst, 'badLines'> {
    const situation = this.situation(this.child(r, 0));
    return { header: {}, decls: [situation, ...this.decls(r, 2)] };
  }

  // scriptField = ("script" | "脚本") ~identPart s string, and the same for the others.
  private field(r: Part): HeaderField {
    return { keyword: this.keyword(r), value: this.string(this.child(r, 2)), span: this.span(r) };
  }

  private decls(r: Part, index: number): Decl[] {
    return this.collect(r, index, (d) => this.decl(d));
  }

  /**
   * What `make` gives for the first child of each element of the iteration child `index`
   * of `r` (`(x s)*` groups), leaving out what it rejects (a bad line).
   */
  private collect<T>(r: Part, index: number, make: (first: Part) => T | undefined): T[] {
    const out: T[] = [];
    for (const element of this.elements(r, index)) {
      const item = make(this.child(element, 0));
      if (item) out.push(item);
    }
    return out;
  }

  // importDecl = kw ~identPart s string; varDecl = kw ~identPart s ident (s listSep s ident)*
  private decl(r: Part): Decl | undefined {
    switch (r.node.ruleName) {
      case 'importDecl':
        return { kind: 'import', span: this.span(r), keyword: this.keyword(r), path: this.string(this.child(r, 2)) };
      case 'varDecl':
        return { kind: 'var', span: this.span(r), keyword: this.keyword(r), names: this.identList(r, 2) };
      case 'situation':
        return this.situation(r);
      default:
        this.badLine('bad-decl', r);
        return undefined;
    }
  }

  /** `ident (s listSep s ident)*` starting at child `index`: the identifiers in order. */
  private identList(r: Part, index: number): Ident[] {
    const names = [this.ident(this.child(r, index))];
    for (const name of this.elements(r, index + 4)) names.push(this.ident(name));
    return names;
  }

  // situation = kw ~identPart s ident s (string s)? (tags s)? "{" s (when s)? (~"}" step s)* "}"
  // tags = kw ~identPart s ident (s listSep s ident)*; when = kw ~identPart s string
  private situation(r: Part): Situation {
    const before = this.badLines.length;
    const title = this.optional(r, 4);
    const tags = this.optional(r, 6);
    const when = this.optional(r, 10);
    const situation: Situation = {
      kind: 'situation',
      span: this.span(r),
      keyword: this.keyword(r),
      id: this.ident(this.child(r, 2)),
      title: title && this.string(title),
      tagsKeyword: tags && this.keyword(tags),
      tags: tags ? this.identList(tags, 2) : [],
      when: when && { kind: 'when', span: this.span(when), keyword: this.keyword(when), text: this.string(this.child(when, 2)) },
      steps: this.steps(r, 12),
      hasErrors: false,
    };
    situation.hasErrors = this.badLines.length > before;
    return situation;
  }

  private steps(r: Part, index: number): Step[] {
    return this.collect(r, index, (s) => this.step(s));
  }

  // Every step starts with its keyword, then `~identPart s`, then what follows it:
  // waitStep = kw ~identPart s duration (s reply)? (s fallback)?
  // promiseStep = kw ~identPart s duration (s string)?; holdStep = kw ~identPart (s duration)?
  private step(r: Part): Step | undefined {
    switch (r.node.ruleName) {
      case 'sayStep':
        return { kind: 'say', span: this.span(r), keyword: this.keyword(r), text: this.string(this.child(r, 2)) };
      case 'waitStep': {
        const reply = this.optional(r, 4);
        const fallback = this.optional(r, 6);
        return {
          kind: 'wait',
          span: this.span(r),
          keyword: this.keyword(r),
          duration: this.duration(this.child(r, 2)),
          reply: reply && this.branch('reply', reply),
          fallback: fallback && this.branch('fallback', fallback),
        };
      }
      case 'noteStep':
        return { kind: 'note', span: this.span(r), keyword: this.keyword(r), text: this.string(this.child(r, 2)) };
      case 'promiseStep': {
        const text = this.optional(r, 4);
        return {
          kind: 'promise',
          span: this.span(r),
          keyword: this.keyword(r),
          duration: this.duration(this.child(r, 2)),
          text: text && this.string(text),
        };
      }
      case 'holdStep': {
        const duration = this.optional(r, 2);
        return { kind: 'hold', span: this.span(r), keyword: this.keyword(r), duration: duration && this.duration(duration) };
      }
      case 'gotoStep':
        return { kind: 'goto', span: this.span(r), keyword: this.keyword(r), target: this.ident(this.child(r, 2)) };
      case 'transferStep':
        return { kind: 'transfer', span: this.span(r), keyword: this.keyword(r), target: this.string(this.child(r, 2)) };
      case 'hangupStep':
        return { kind: 'hangup', span: this.span(r), keyword: this.keyword(r) };
      case 'endStep':
        return { kind: 'end', span: this.span(r), keyword: this.keyword(r) };
      default:
        this.badLine('bad-step', r);
        return undefined;
    }
  }

  /**
   * `reply` or `fallback` = kw ~identPart s (block | step), where
   * block = "{" s (~"}" step s)* "}".
   */
  private branch(kind: 'reply' | 'fallback', r: Part): Branch {
    const body = this.child(r, 2);
    if (body.node.ruleName === 'block') {
      return { kind, span: this.span(r), keyword: this.keyword(r), braces: true, steps: this.steps(body, 2) };
    }
    const step = this.step(this.child(body, 0));
    return { kind, span: this.span(r), keyword: this.keyword(r), braces: false, steps: step ? [step] : [] };
  }

  /**
   * `badStep` / `badDecl`: the line to explain. A block after it is not walked: only the
   * first bad line of a situation is explained, and this one already marks it broken.
   */
  private badLine(kind: BadLine['kind'], r: Part): void {
    this.badLines.push({ kind, span: this.span(r), text: this.source(this.child(r, 0)) });
  }

  private ident(r: Part): Ident {
    return { kind: 'ident', name: this.source(r), span: this.span(r) };
  }

  /** duration = "0".."9"+ ("." "0".."9"+)? unit ~identPart: the number is what precedes the unit. */
  private duration(r: Part): Duration {
    // The token is matched whole (see `ohm-speedups.ts`), so the unit is found in the text.
    let unitStart = r.start;
    for (let c = this.text.charCodeAt(unitStart); (c >= 0x30 && c <= 0x39) || c === 0x2e; c = this.text.charCodeAt(++unitStart));
    const amount = Number(this.text.slice(r.start, unitStart));
    const raw = this.source(r);
    const unit = raw.slice(unitStart - r.start) as DurationUnit;
    return { kind: 'duration', span: this.span(r), amount, unit, ms: Math.round(amount * unitMilliseconds(unit)), raw };
  }

  /** A string literal, read from the text rather than from its character nodes. */
  private string(r: Part): StringLit {
    const span = this.span(r);
    const raw = this.text.slice(r.start + 1, r.start + r.node.matchLength - 1);
    const quote = this.text.charCodeAt(r.start) === 0x22 ? 'ascii' : 'cjk';
    return stringLit(span, raw, quote);
  }
}

/** Placeholders are `{identifier}` groups; any other brace is literal text. */
const PLACEHOLDER = /\{([\p{L}_][\p{L}0-9_-]*)\}/gu;

function stringLit(span: Span, raw: string, quote: 'ascii' | 'cjk'): StringLit {
  const placeholders: Placeholder[] = [];
  let value = raw;
  // Most strings have neither braces nor escapes: skip the regular expressions for them.
  const hasBrace = raw.includes('{');
  if (quote === 'ascii') {
    const hasEscape = raw.includes('\\');
    if (hasBrace) {
      // Escaped braces must not start a placeholder, so find placeholders on the raw text
      // with escapes blanked out, then unescape for the value.
      const masked = hasEscape ? raw.replace(/\\./g, '  ') : raw;
      addPlaceholders(masked, span.start + 1, placeholders);
    }
    if (hasEscape) value = raw.replace(/\\(.)/g, '$1');
  } else if (hasBrace) {
    addPlaceholders(raw, span.start + 1, placeholders);
  }
  return { kind: 'string', span, raw, value, quote, placeholders };
}

function addPlaceholders(text: string, offset: number, out: Placeholder[]): void {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const start = offset + (m.index ?? 0);
    out.push({ name: m[1], span: { start, end: start + m[0].length } });
  }
}

/** Ohm keeps the CST and the input of a match in fields its typings do not declare. */
interface MatchInternals {
  _cst: CstNode;
  _cstOffset: number;
  input: string;
}

/**
 * Builds the AST of a successful match whose input starts at `offset` in the document.
 * Returns the AST with the error productions it met, for the parser to explain.
 */
export function buildPiece(match: MatchResult, offset: number): PieceAst {
  const { _cst: root, _cstOffset: rootStart, input } = match as unknown as MatchInternals;
  const walk = new Walk(input, offset);
  // The start rule (`Prelude` or `Chunk`) has one child: the lexical rule of the same name.
  const piece = { node: root.children![0], start: rootStart + root.childOffsets![0] };
  const ast = piece.node.ruleName === 'prelude' ? walk.prelude(piece) : walk.chunk(piece);
  return { ...ast, badLines: walk.badLines };
}

export { grammar };

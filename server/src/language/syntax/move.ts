/**
 * Copies of AST nodes moved to another place in the document. Spans are document offsets,
 * so a situation that an edit moved needs a tree of its own: the old tree may still be
 * held by an older parse, a lint result or a cache, and ASTs are never mutated.
 *
 * One function per node type, mirroring `build-ast.ts` key for key (optional keys are
 * present with `undefined` there, so they are here), because a feature that reads a whole
 * file after an edit (symbols, semantic tokens, folding) makes a copy of every situation
 * after the edit point (`parsed-file.ts` makes them when the file's `decls` are first read):
 * monomorphic object literals are several times cheaper to build than a generic walk
 * over unknown keys. The parser's
 * tests check that a moved tree equals a fresh parse of the moved text. Empty lists (most
 * strings have no placeholder) are shared with the original rather than copied: nothing
 * may mutate an AST, and a keystroke moves thousands of them.
 */
import type {
  Branch,
  Comment,
  Decl,
  Duration,
  Header,
  HeaderField,
  Ident,
  Keyword,
  Placeholder,
  Situation,
  Span,
  Step,
  StringLit,
  SyntaxError,
  WhenClause,
} from '../ast';

function span(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

function keyword(k: Keyword, d: number): Keyword {
  return { span: span(k.span, d), spelling: k.spelling };
}

function keywordOrNot(k: Keyword | undefined, d: number): Keyword | undefined {
  return k === undefined ? undefined : keyword(k, d);
}

function ident(i: Ident, d: number): Ident {
  return { kind: 'ident', name: i.name, span: span(i.span, d) };
}

function idents(list: Ident[], d: number): Ident[] {
  if (list.length === 0) return list;
  const out = new Array<Ident>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = ident(list[i], d);
  return out;
}

function placeholder(p: Placeholder, d: number): Placeholder {
  return { name: p.name, span: span(p.span, d) };
}

function string(s: StringLit, d: number): StringLit {
  const list = s.placeholders;
  let placeholders = list;
  if (list.length > 0) {
    placeholders = new Array<Placeholder>(list.length);
    for (let i = 0; i < list.length; i++) placeholders[i] = placeholder(list[i], d);
  }
  return { kind: 'string', span: span(s.span, d), raw: s.raw, value: s.value, quote: s.quote, placeholders };
}

function stringOrNot(s: StringLit | undefined, d: number): StringLit | undefined {
  return s === undefined ? undefined : string(s, d);
}

function duration(x: Duration, d: number): Duration {
  return { kind: 'duration', span: span(x.span, d), amount: x.amount, unit: x.unit, ms: x.ms, raw: x.raw };
}

function branch(b: Branch | undefined, d: number): Branch | undefined {
  if (b === undefined) return undefined;
  return { kind: b.kind, span: span(b.span, d), keyword: keyword(b.keyword, d), braces: b.braces, steps: steps(b.steps, d) };
}

function when(w: WhenClause | undefined, d: number): WhenClause | undefined {
  if (w === undefined) return undefined;
  return { kind: 'when', span: span(w.span, d), keyword: keyword(w.keyword, d), text: string(w.text, d) };
}

function steps(list: Step[], d: number): Step[] {
  if (list.length === 0) return list;
  const out = new Array<Step>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = step(list[i], d);
  return out;
}

function step(s: Step, d: number): Step {
  const sp = span(s.span, d);
  const kw = keyword(s.keyword, d);
  switch (s.kind) {
    case 'say':
      return { kind: 'say', span: sp, keyword: kw, text: string(s.text, d) };
    case 'note':
      return { kind: 'note', span: sp, keyword: kw, text: string(s.text, d) };
    case 'wait':
      return { kind: 'wait', span: sp, keyword: kw, duration: duration(s.duration, d), reply: branch(s.reply, d), fallback: branch(s.fallback, d) };
    case 'promise':
      return { kind: 'promise', span: sp, keyword: kw, duration: duration(s.duration, d), text: stringOrNot(s.text, d) };
    case 'hold':
      return { kind: 'hold', span: sp, keyword: kw, duration: s.duration === undefined ? undefined : duration(s.duration, d) };
    case 'goto':
      return { kind: 'goto', span: sp, keyword: kw, target: ident(s.target, d) };
    case 'transfer':
      return { kind: 'transfer', span: sp, keyword: kw, target: string(s.target, d) };
    case 'hangup':
      return { kind: 'hangup', span: sp, keyword: kw };
    case 'end':
      return { kind: 'end', span: sp, keyword: kw };
  }
}

export function moveSituation(s: Situation, d: number): Situation {
  return {
    kind: 'situation',
    span: span(s.span, d),
    keyword: keyword(s.keyword, d),
    id: ident(s.id, d),
    title: stringOrNot(s.title, d),
    tagsKeyword: keywordOrNot(s.tagsKeyword, d),
    tags: idents(s.tags, d),
    when: when(s.when, d),
    steps: steps(s.steps, d),
    hasErrors: s.hasErrors,
  };
}

export function moveDecl(decl: Decl, d: number): Decl {
  switch (decl.kind) {
    case 'situation':
      return moveSituation(decl, d);
    case 'var':
      return { kind: 'var', span: span(decl.span, d), keyword: keyword(decl.keyword, d), names: idents(decl.names, d) };
    case 'import':
      return { kind: 'import', span: span(decl.span, d), keyword: keyword(decl.keyword, d), path: string(decl.path, d) };
  }
}

function field(f: HeaderField | undefined, d: number): HeaderField | undefined {
  return f === undefined ? undefined : { keyword: keyword(f.keyword, d), value: string(f.value, d), span: span(f.span, d) };
}

/** The header keeps only the fields that were written (as `build-ast.ts` builds it). */
export function moveHeader(h: Header, d: number): Header {
  const out: Header = {};
  if (h.script) out.script = field(h.script, d);
  if (h.version) out.version = field(h.version, d);
  if (h.locale) out.locale = field(h.locale, d);
  return out;
}

export function moveComment(c: Comment, d: number): Comment {
  return { span: span(c.span, d), text: c.text, trailing: c.trailing };
}

export function moveError(e: SyntaxError, d: number): SyntaxError {
  return { span: span(e.span, d), message: e.message };
}

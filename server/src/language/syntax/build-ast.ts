/**
 * Ohm semantics that turn a successful match of one piece of a file into AST nodes.
 *
 * Pieces are matched on their own (see `parse.ts`), so every span is shifted by the
 * piece's offset in the document; `build()` sets that offset for the duration of one
 * synchronous walk.
 */
import type { Node, NonterminalNode, IterationNode, MatchResult } from 'ohm-js';
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
import { KEYWORDS } from '../keywords';

/** An error production (`BadStep`/`BadDecl`) met during the walk: a line to explain. */
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

let base = 0;
let badLines: BadLine[] = [];

function spanOf(node: Node): Span {
  return { start: base + node.source.startIdx, end: base + node.source.endIdx };
}

function optional<T>(node: IterationNode): T | undefined {
  return node.children.length > 0 ? (node.children[0].ast() as T) : undefined;
}

function list<T>(node: Node): T[] {
  return node.asIteration().children.map((c: Node) => c.ast() as T);
}

/** Placeholders are `{identifier}` groups; any other brace is literal text. */
const PLACEHOLDER = /\{([\p{L}_][\p{L}0-9_-]*)\}/gu;

function stringLit(node: NonterminalNode, quote: 'ascii' | 'cjk'): StringLit {
  const span = spanOf(node);
  const raw = node.sourceString.slice(1, -1);
  const placeholders: Placeholder[] = [];
  let value = raw;
  if (quote === 'ascii') {
    // Escaped braces must not start a placeholder, so find placeholders on the raw text
    // with escapes blanked out, then unescape for the value.
    const masked = raw.replace(/\\./g, '  ');
    for (const m of masked.matchAll(PLACEHOLDER)) {
      const start = span.start + 1 + (m.index ?? 0);
      placeholders.push({ name: m[1], span: { start, end: start + m[0].length } });
    }
    value = raw.replace(/\\(.)/g, '$1');
  } else {
    for (const m of raw.matchAll(PLACEHOLDER)) {
      const start = span.start + 1 + (m.index ?? 0);
      placeholders.push({ name: m[1], span: { start, end: start + m[0].length } });
    }
  }
  return { kind: 'string', span, raw, value, quote, placeholders };
}

function branch(kind: 'reply' | 'fallback', node: NonterminalNode, kw: Node, body: Node): Branch {
  const b = body.ast() as { braces: boolean; steps: Step[] };
  return { kind, span: spanOf(node), keyword: kw.ast() as Keyword, braces: b.braces, steps: b.steps };
}

function steps(node: IterationNode): Step[] {
  return node.children.map((c) => c.ast() as Step | null).filter((s): s is Step => s !== null);
}

function field(node: NonterminalNode, kw: Node, value: Node): HeaderField {
  return { keyword: kw.ast() as Keyword, value: value.ast() as StringLit, span: spanOf(node) };
}

/** One action per keyword rule (`kwSay`, `kwWait`, …): a `Keyword` with its spelling. */
function keywordActions(): Record<string, (this: NonterminalNode, word: Node) => Keyword> {
  const actions: Record<string, (this: NonterminalNode, word: Node) => Keyword> = {};
  for (const name of Object.keys(KEYWORDS)) {
    actions[`kw${name[0].toUpperCase()}${name.slice(1)}`] = function (this: NonterminalNode, word: Node) {
      return { span: spanOf(this), spelling: /^[a-z]/.test(word.sourceString) ? 'en' : 'zh' };
    };
  }
  return actions;
}

const semantics = grammar.createSemantics().addOperation<unknown>('ast', {
  Prelude(header, decls) {
    return { header: header.ast(), decls: decls.children.map((d) => d.ast()).filter(Boolean) };
  },
  Chunk(situation, decls) {
    return {
      header: {},
      decls: [situation.ast(), ...decls.children.map((d) => d.ast()).filter(Boolean)],
    };
  },
  Header(script, version, locale) {
    const header: Header = {};
    const s = optional<HeaderField>(script);
    const v = optional<HeaderField>(version);
    const l = optional<HeaderField>(locale);
    if (s) header.script = s;
    if (v) header.version = v;
    if (l) header.locale = l;
    return header;
  },
  ScriptField(kw, value) {
    return field(this, kw, value);
  },
  VersionField(kw, value) {
    return field(this, kw, value);
  },
  LocaleField(kw, value) {
    return field(this, kw, value);
  },
  Import(kw, path) {
    return { kind: 'import', span: spanOf(this), keyword: kw.ast(), path: path.ast() };
  },
  Var(kw, names) {
    return { kind: 'var', span: spanOf(this), keyword: kw.ast(), names: list<Ident>(names) };
  },
  Situation(kw, id, title, tags, _open, when, body, _close) {
    const before = badLines.length;
    const tagsAst = optional<{ keyword: Keyword; names: Ident[] }>(tags);
    const situation: Situation = {
      kind: 'situation',
      span: spanOf(this),
      keyword: kw.ast() as Keyword,
      id: id.ast() as Ident,
      title: optional<StringLit>(title),
      tagsKeyword: tagsAst?.keyword,
      tags: tagsAst?.names ?? [],
      when: optional(when),
      steps: steps(body),
      hasErrors: false,
    };
    situation.hasErrors = badLines.length > before;
    return situation;
  },
  Tags(kw, names) {
    return { keyword: kw.ast(), names: list<Ident>(names) };
  },
  When(kw, text) {
    return { kind: 'when', span: spanOf(this), keyword: kw.ast(), text: text.ast() };
  },
  Say(kw, text) {
    return { kind: 'say', span: spanOf(this), keyword: kw.ast(), text: text.ast() };
  },
  Wait(kw, duration, reply, fallback) {
    const replyNode = reply.children[0];
    const fallbackNode = fallback.children[0];
    return {
      kind: 'wait',
      span: spanOf(this),
      keyword: kw.ast(),
      duration: duration.ast(),
      reply: replyNode ? replyNode.ast() : undefined,
      fallback: fallbackNode ? fallbackNode.ast() : undefined,
    };
  },
  Reply(kw, body) {
    return branch('reply', this, kw, body);
  },
  Fallback(kw, body) {
    return branch('fallback', this, kw, body);
  },
  Body_block(_open, body, _close) {
    return { braces: true, steps: steps(body) };
  },
  Body_single(step) {
    const s = step.ast() as Step | null;
    return { braces: false, steps: s ? [s] : [] };
  },
  Note(kw, text) {
    return { kind: 'note', span: spanOf(this), keyword: kw.ast(), text: text.ast() };
  },
  Promise(kw, duration, text) {
    return {
      kind: 'promise',
      span: spanOf(this),
      keyword: kw.ast(),
      duration: duration.ast(),
      text: optional<StringLit>(text),
    };
  },
  Hold(kw, duration) {
    return { kind: 'hold', span: spanOf(this), keyword: kw.ast(), duration: optional(duration) };
  },
  Goto(kw, target) {
    return { kind: 'goto', span: spanOf(this), keyword: kw.ast(), target: target.ast() };
  },
  Transfer(kw, target) {
    return { kind: 'transfer', span: spanOf(this), keyword: kw.ast(), target: target.ast() };
  },
  Hangup(kw) {
    return { kind: 'hangup', span: spanOf(this), keyword: kw.ast() };
  },
  End(kw) {
    return { kind: 'end', span: spanOf(this), keyword: kw.ast() };
  },
  BadStep(line, _block) {
    badLines.push({ kind: 'bad-step', span: spanOf(this), text: line.sourceString });
    return null;
  },
  BadDecl(line, _block) {
    badLines.push({ kind: 'bad-decl', span: spanOf(this), text: line.sourceString });
    return null;
  },
  BadBlock(_open, body, _close) {
    // The steps of a block after a broken line are parsed only to report their own errors.
    steps(body);
    return null;
  },
  ...keywordActions(),
  ident(_start, _rest) {
    return { kind: 'ident', name: this.sourceString, span: spanOf(this) };
  },
  asciiString(_open, _chars, _close) {
    return stringLit(this, 'ascii');
  },
  cjkString(_open, _chars, _close) {
    return stringLit(this, 'cjk');
  },
  duration(number, unit) {
    const amount = Number(number.sourceString);
    const u = unit.sourceString as DurationUnit;
    const result: Duration = {
      kind: 'duration',
      span: spanOf(this),
      amount,
      unit: u,
      ms: Math.round(amount * unitMilliseconds(u)),
      raw: this.sourceString,
    };
    return result;
  },
});

/**
 * Builds the AST of a successful match whose input starts at `offset` in the document.
 * Returns the AST with the error productions it met, for the parser to explain.
 */
export function buildPiece(match: MatchResult, offset: number): PieceAst {
  base = offset;
  badLines = [];
  try {
    const piece = semantics(match).ast() as Omit<PieceAst, 'badLines'>;
    return { ...piece, badLines };
  } finally {
    badLines = [];
    base = 0;
  }
}

export { grammar };

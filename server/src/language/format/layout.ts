/**
 * The first half of the formatter: the syntax tree laid out as lines of tokens, before any
 * comment or blank line is placed.
 *
 * A token is only a range of the source text. The formatter never spells a keyword, quotes
 * a string or writes a duration itself: it copies each token exactly as the author wrote it
 * and decides only where the whitespace between tokens goes. That is what keeps the
 * author's keyword spelling, quote style and escapes, and makes it safe to format a file
 * that has just been parsed.
 */
import type { Branch, Ident, Situation, SopFile, Span, Step } from '../ast';

/** One source token copied verbatim into the output. */
export interface Token {
  start: number;
  end: number;
  /** No space is written before this token (a list separator, or the name after `，`). */
  glue?: boolean;
  /** This token is a `{` that opens a block, so no blank line may follow it. */
  opens?: boolean;
}

/**
 * What a line holds decides which blank lines may precede it: the author's blank lines are
 * kept before items (header fields, declarations, steps) but never before a `reply` /
 * `fallback` line, which belongs to the `wait` above it, nor before a closing `}`.
 */
export type LineKind = 'item' | 'situation' | 'branch' | 'close';

/** One output line before comments are merged in; `indent` counts levels of 2 spaces. */
export interface Line {
  indent: number;
  kind: LineKind;
  tokens: Token[];
  /** Situations are separated from whatever precedes them by exactly one blank line. */
  blankBefore: boolean;
}

/**
 * Whitespace the grammar skips between tokens: ASCII blanks and controls, the full-width
 * space, the no-break space and the BOM.
 */
export function isBlank(ch: string): boolean {
  return ch <= ' ' || ch === '\u3000' || ch === '\u00a0' || ch === '\ufeff';
}

/**
 * The offset of the next punctuation token at or after `from`, skipping whitespace and
 * comments. Braces and list separators have no node of their own in the tree, but in a file
 * that parsed they are the first thing after the previous token that is not a blank or a
 * comment, so scanning for them is exact.
 */
function findPunct(text: string, from: number, chars: string): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (isBlank(ch)) {
      i++;
    } else {
      return chars.includes(ch) ? i : -1;
    }
  }
  return -1;
}

function tokenOf(span: Span): Token {
  return { start: span.start, end: span.end };
}

/** The final character of a node whose span ends with its closing `}`. */
function closingBrace(span: Span): Token {
  return { start: span.end - 1, end: span.end };
}

function openingBrace(text: string, after: number): Token {
  const at = findPunct(text, after, '{');
  return { start: at, end: at + 1, opens: true };
}

/**
 * A comma-separated list of names. An ASCII `,` is written as `, `; the full-width `，` and
 * the enumeration comma `、` keep the author's character and get no spaces, because in
 * Chinese text these marks carry their own spacing (`var 姓氏，工号`, `tags 投诉、情绪`).
 */
function nameList(text: string, names: Ident[]): Token[] {
  const tokens: Token[] = [];
  names.forEach((name, i) => {
    if (i > 0) {
      const at = findPunct(text, names[i - 1].span.end, ',，、');
      const wide = text[at] !== ',';
      tokens.push({ start: at, end: at + 1, glue: true });
      tokens.push({ ...tokenOf(name.span), glue: wide });
    } else {
      tokens.push(tokenOf(name.span));
    }
  });
  return tokens;
}

/** Lays a whole file out as lines; comments and blank lines are added by `render`. */
export function layOutFile(file: SopFile): Line[] {
  const { text } = file;
  const lines: Line[] = [];
  for (const field of [file.header.script, file.header.version, file.header.locale]) {
    if (field) lines.push(item(0, [tokenOf(field.keyword.span), tokenOf(field.value.span)]));
  }
  let afterSituation = false;
  for (const decl of file.decls) {
    if (decl.kind === 'situation') {
      layOutSituation(text, decl, lines);
      afterSituation = true;
      continue;
    }
    const tokens =
      decl.kind === 'import'
        ? [tokenOf(decl.keyword.span), tokenOf(decl.path.span)]
        : [tokenOf(decl.keyword.span), ...nameList(text, decl.names)];
    lines.push({ ...item(0, tokens), blankBefore: afterSituation });
    afterSituation = false;
  }
  return lines;
}

function item(indent: number, tokens: Token[]): Line {
  return { indent, kind: 'item', tokens, blankBefore: false };
}

function layOutSituation(text: string, situation: Situation, lines: Line[]): void {
  const head: Token[] = [tokenOf(situation.keyword.span), tokenOf(situation.id.span)];
  let last = situation.id.span.end;
  if (situation.title) {
    head.push(tokenOf(situation.title.span));
    last = situation.title.span.end;
  }
  if (situation.tagsKeyword) {
    head.push(tokenOf(situation.tagsKeyword.span), ...nameList(text, situation.tags));
    last = situation.tags[situation.tags.length - 1].span.end;
  }
  head.push(openingBrace(text, last));
  lines.push({ indent: 0, kind: 'situation', tokens: head, blankBefore: lines.length > 0 });
  if (situation.when) {
    lines.push(item(1, [tokenOf(situation.when.keyword.span), tokenOf(situation.when.text.span)]));
  }
  for (const step of situation.steps) layOutStep(text, step, 1, [], 'item', lines);
  lines.push({ indent: 0, kind: 'close', tokens: [closingBrace(situation.span)], blankBefore: false });
}

/**
 * Lays out one step at `indent`. `prefix` is the `reply` / `fallback` keyword of a branch
 * written without braces: its single step is written on the keyword's line
 * (`fallback goto closing`), and whatever that step needs below it (the branches of a
 * nested `wait`) goes one level deeper, so the eye sees which `wait` a branch belongs to.
 */
function layOutStep(text: string, step: Step, indent: number, prefix: Token[], kind: LineKind, lines: Line[]): void {
  const tokens = [...prefix, ...stepTokens(step)];
  lines.push({ indent, kind, tokens, blankBefore: false });
  if (step.kind !== 'wait') return;
  const below = prefix.length > 0 ? indent + 1 : indent;
  if (step.reply) layOutBranch(text, step.reply, below, lines);
  if (step.fallback) layOutBranch(text, step.fallback, below, lines);
}

function layOutBranch(text: string, branch: Branch, indent: number, lines: Line[]): void {
  const keyword = tokenOf(branch.keyword.span);
  if (!branch.braces) {
    const [step] = branch.steps;
    // Only a partial tree from a broken file lacks the step; such files are never written.
    if (step) layOutStep(text, step, indent, [keyword], 'branch', lines);
    else lines.push({ indent, kind: 'branch', tokens: [keyword], blankBefore: false });
    return;
  }
  const open = openingBrace(text, branch.keyword.span.end);
  lines.push({ indent, kind: 'branch', tokens: [keyword, open], blankBefore: false });
  for (const step of branch.steps) layOutStep(text, step, indent + 1, [], 'item', lines);
  lines.push({ indent, kind: 'close', tokens: [closingBrace(branch.span)], blankBefore: false });
}

/** The tokens of a step's own line (a `wait`'s branches are laid out separately). */
function stepTokens(step: Step): Token[] {
  const keyword = tokenOf(step.keyword.span);
  switch (step.kind) {
    case 'say':
    case 'note':
      return [keyword, tokenOf(step.text.span)];
    case 'wait':
      return [keyword, tokenOf(step.duration.span)];
    case 'promise':
      return step.text ? [keyword, tokenOf(step.duration.span), tokenOf(step.text.span)] : [keyword, tokenOf(step.duration.span)];
    case 'hold':
      return step.duration ? [keyword, tokenOf(step.duration.span)] : [keyword];
    case 'goto':
    case 'transfer':
      return [keyword, tokenOf(step.target.span)];
    case 'hangup':
    case 'end':
      return [keyword];
  }
}

/**
 * Suppression comments:
 *
 * - `# sop-disable-next-line a, b -- reason` silences rules `a` and `b` for the findings
 *   that start on the next line of code (blank and comment-only lines are skipped);
 * - `# sop-disable a` … `# sop-enable a` silences them in between (to the end of the file
 *   when no `sop-enable` follows);
 * - without ids, a directive covers every rule.
 *
 * The engine records which directive silenced what, so `unused-suppression` can report the
 * ones that silenced nothing: a stale suppression hides the next real problem.
 */
import type { Comment, SopFile, Span } from '../ast';
import type { Finding, Level } from '../finding';
import { lineIndexOf, type LineIndex } from '../line-index';
import { pieceComments, piecesOf } from '../syntax/parsed-file';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface DirectiveId {
  name: string;
  span: Span;
}

export interface Directive {
  kind: DirectiveKind;
  comment: Comment;
  /** The rules named; empty means every rule. */
  ids: DirectiveId[];
  /** The text after `--`, if any. */
  reason?: string;
  /** For `disable-next-line`: the zero-based line whose findings it silences. */
  targetLine?: number;
}

/** The rule (or `*` for all) a region or next-line directive silences, and who opened it. */
export interface Silencer {
  rule: string;
  directive: Directive;
  /** The id as written; absent for a directive without ids. */
  id?: DirectiveId;
  /** Regions only: the document span in which findings are silenced. */
  region?: Span;
  /** Regions only: the `sop-enable` (and its id) that closed the region. */
  closer?: { directive: Directive; id?: DirectiveId };
  /** How many findings it silenced. */
  uses: number;
}

/** What a rule id means to suppressions: its configured level and whether it can be silenced. */
export interface KnownRule {
  level: Level;
  suppressible: boolean;
}

export interface SuppressionOutcome {
  directives: Directive[];
  silencers: Silencer[];
  /** `sop-enable` ids (or whole directives) that closed no open region. */
  strayEnables: Array<{ directive: Directive; id?: DirectiveId }>;
  rules: ReadonlyMap<string, KnownRule>;
}

const DIRECTIVE = /^(\s*)(sop-disable-next-line|sop-disable|sop-enable)(?=\s|$)/;

/** Reads the directive a comment holds, if it holds one. */
export function parseDirective(comment: Comment): Directive | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return undefined;
  const kind = match[2].slice('sop-'.length) as DirectiveKind;
  const restStart = match[0].length;
  let rest = comment.text.slice(restStart);
  let reason: string | undefined;
  const dashes = /(^|\s)--(\s|$)/.exec(rest);
  if (dashes) {
    reason = rest.slice(dashes.index + dashes[0].length).trim() || undefined;
    rest = rest.slice(0, dashes.index);
  }
  // The text after `#` starts one code unit after the comment's start.
  const base = comment.span.start + 1 + restStart;
  const ids: DirectiveId[] = [];
  for (const id of rest.matchAll(/[^\s,，、]+/g)) {
    ids.push({ name: id[0], span: { start: base + id.index, end: base + id.index + id[0].length } });
  }
  return { kind, comment, ids, reason };
}

/** Every directive of a file, in source order, with next-line targets resolved. */
export function parseDirectives(file: SopFile): Directive[] {
  // Most files have no directive at all; their line table is not needed here. The parser
  // marks the pieces whose comments may hold one, so only those comments are read.
  const comments = directiveCandidates(file);
  if (!comments.some((comment) => DIRECTIVE.test(comment.text))) return [];
  const lines = lineIndexOf(file);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment);
    if (!directive) continue;
    if (directive.kind === 'disable-next-line') {
      let line = lines.positionAt(comment.span.start).line + 1;
      while (line < lines.lineCount && isBlankOrCommentLine(file.text, lines, line)) line++;
      directive.targetLine = line;
    }
    directives.push(directive);
  }
  return directives;
}

/** The comments that may hold a directive, in source order. */
function directiveCandidates(file: SopFile): Comment[] {
  const list = piecesOf(file);
  if (!list) return file.comments;
  const comments: Comment[] = [];
  for (const i of list.marked.directives) comments.push(...pieceComments(list, i));
  return comments;
}

/**
 * A line that holds nothing, or only a comment: a comment alone on its line is one that
 * only blanks precede (a `#` cannot start a line inside a string: strings end on their line).
 */
function isBlankOrCommentLine(text: string, lines: LineIndex, line: number): boolean {
  return /^[\s\u3000\u00a0\ufeff]*(#[^]*)?$/.test(text.slice(lines.lineStart(line), lines.lineEnd(line)));
}

/**
 * Drops the findings that a directive silences and records which directive silenced each.
 * Findings of rules that are not `suppressible` are always kept.
 */
export function applySuppressions(
  file: SopFile,
  findings: readonly Finding[],
  rules: ReadonlyMap<string, KnownRule>,
): { kept: Finding[]; outcome: SuppressionOutcome } {
  const directives = parseDirectives(file);
  const { silencers, strayEnables } = buildSilencers(directives, file.text.length);
  if (silencers.length === 0) return { kept: findings.slice(), outcome: { directives, silencers, strayEnables, rules } };
  const lines = lineIndexOf(file);
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (rules.get(finding.rule)?.suppressible === false) {
      kept.push(finding);
      continue;
    }
    const line = lines.positionAt(finding.span.start).line;
    let silenced = false;
    for (const silencer of silencers) {
      if (silencer.rule !== '*' && silencer.rule !== finding.rule) continue;
      const covers = silencer.region
        ? silencer.region.start <= finding.span.start && finding.span.start < silencer.region.end
        : silencer.directive.targetLine === line;
      if (!covers) continue;
      silencer.uses++;
      silenced = true;
    }
    if (!silenced) kept.push(finding);
  }
  return { kept, outcome: { directives, silencers, strayEnables, rules } };
}

/** Turns directives into silencers: one per id of a next-line directive, one per region. */
function buildSilencers(directives: readonly Directive[], textLength: number) {
  const silencers: Silencer[] = [];
  const strayEnables: SuppressionOutcome['strayEnables'] = [];
  const open: Silencer[] = [];
  const close = (silencer: Silencer, end: number, closer: Silencer['closer']) => {
    silencer.region = { start: silencer.region!.start, end };
    silencer.closer = closer;
    open.splice(open.indexOf(silencer), 1);
  };
  for (const directive of directives) {
    const at = directive.comment.span.start;
    const targets: Array<DirectiveId | undefined> = directive.ids.length > 0 ? directive.ids : [undefined];
    for (const id of targets) {
      const rule = id?.name ?? '*';
      if (directive.kind === 'disable-next-line') {
        silencers.push({ rule, directive, id, uses: 0 });
      } else if (directive.kind === 'disable') {
        const silencer: Silencer = { rule, directive, id, region: { start: at, end: textLength }, uses: 0 };
        silencers.push(silencer);
        open.push(silencer);
      } else if (!id) {
        if (open.length === 0) strayEnables.push({ directive });
        for (const silencer of [...open]) close(silencer, at, { directive });
      } else {
        const match = [...open].reverse().find((s) => s.rule === rule);
        if (match) close(match, at, { directive, id });
        else strayEnables.push({ directive, id });
      }
    }
  }
  return { silencers, strayEnables };
}

/**
 * Questions about the semantic model that several rules ask: which situations to check,
 * where a variable is declared or used.
 */
import { msg, type Msg } from '../i18n/messages';
import type { Situation, SopFile, Span } from '../ast';
import { LineIndex } from '../line-index';
import { basenameOf, dirnameOf } from '../paths';
import type { Program } from '../program';
import { nonSituationDecls } from '../syntax/parsed-file';
import { fileFactsOf } from './situation-facts';

/** The situations written in `file`, in source order. */
export function situationsOf(file: SopFile): readonly Situation[] {
  return file.decls.filter((d): d is Situation => d.kind === 'situation');
}

const wellFormed = new WeakMap<SopFile, readonly Situation[]>();

/**
 * The situations whose whole body parsed. Rules about the shape of a body (dead ends,
 * missing fallbacks, what precedes a hangup) skip the others: their steps are partial, and
 * the `syntax` finding already says what is wrong. Made once per file (files are immutable).
 */
export function wellFormedSituationsOf(file: SopFile): readonly Situation[] {
  let situations = wellFormed.get(file);
  if (!situations) {
    const list: Situation[] = [];
    const { decls } = file;
    for (let i = 0; i < decls.length; i++) {
      const decl = decls[i];
      if (decl.kind === 'situation' && !decl.hasErrors) list.push(decl);
    }
    situations = list;
    wellFormed.set(file, situations);
  }
  return situations;
}

/** Every variable name declared with `var` in any file of the program. */
export function declaredVariables(program: Program): Set<string> {
  const names = new Set<string>();
  for (const file of program.files.values()) {
    for (const decl of nonSituationDecls(file)) if (decl.kind === 'var') for (const name of decl.names) names.add(name.name);
  }
  return names;
}

/** Every variable name some `{placeholder}` of the program uses. */
export function usedVariables(program: Program): Set<string> {
  const names = new Set<string>();
  // Counted once per parse (`situation-facts.ts`): this runs on every keystroke.
  for (const file of program.files.values()) for (const name of fileFactsOf(file).placeholderNames.keys()) names.add(name);
  return names;
}

/**
 * How many situations of the program define each id. The same map from one run to the
 * next while no id changes (a file alone is its own map), so rules may key on it.
 */
export function situationIds(program: Program): ReadonlyMap<string, number> {
  const maps = [...program.files.values()].map((file) => fileFactsOf(file).idCounts);
  if (maps.length === 1) return maps[0];
  const known = unions.get(maps[0]);
  if (known && known.parts.length === maps.length && known.parts.every((m, i) => m === maps[i])) return known.union;
  const union = new Map<string, number>();
  for (const map of maps) for (const [id, n] of map) union.set(id, (union.get(id) ?? 0) + n);
  unions.set(maps[0], { parts: maps, union });
  return union;
}

const unions = new WeakMap<ReadonlyMap<string, number>, { parts: ReadonlyMap<string, number>[]; union: Map<string, number> }>();

/**
 * Where an offset of `uri` is, as a reader of `fromUri` would look for it: `line 12` in
 * the same file, else `closing.sop:12` (the path relative to the linted file's folder
 * when it lies below it, else the file name).
 */
export function describeLocation(program: Program, fromUri: string, uri: string, offset: number): string | Msg {
  const file = program.files.get(uri);
  const line = file ? new LineIndex(file.text).positionAt(offset).line + 1 : 1;
  if (uri === fromUri) return msg('location.line', { line: String(line) });
  const dir = `${dirnameOf(fromUri)}/`.replace(/\/\/$/, '/');
  const name = uri.startsWith(dir) ? uri.slice(dir.length) : basenameOf(uri);
  return `${name}:${line}`;
}

/** The edit distance between two ids, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The candidate closest to `name`, if it is close enough to be a likely typo. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const limit = Math.max(1, Math.floor(Math.max(name.length, 2) / 3));
  return bestDistance <= limit ? best : undefined;
}

/**
 * How a message names a step with a duration (the catalog adds the quotes): its keyword and its duration as written, one
 * space apart. What the author put between them (more blanks, a comment, a line break) would
 * otherwise land in the message, and a message must stay one line.
 */
export function timedStepText(text: string, step: { keyword: { span: Span }; duration: { raw: string } }): string {
  return `${text.slice(step.keyword.span.start, step.keyword.span.end)} ${step.duration.raw}`;
}

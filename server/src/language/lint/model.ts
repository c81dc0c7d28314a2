/**
 * Questions about the semantic model that several rules ask: which situations to check,
 * where a variable is declared or used.
 */
import type { Situation, SopFile } from '../ast';
import { LineIndex } from '../line-index';
import { basenameOf, dirnameOf } from '../paths';
import type { Program } from '../program';
import { fileFactsOf } from './situation-facts';

/** The situations written in `file`, in source order. */
export function situationsOf(file: SopFile): Situation[] {
  return file.decls.filter((d): d is Situation => d.kind === 'situation');
}

/**
 * The situations whose whole body parsed. Rules about the shape of a body (dead ends,
 * missing fallbacks, what precedes a hangup) skip the others: their steps are partial, and
 * the `syntax` finding already says what is wrong.
 */
export function wellFormedSituationsOf(file: SopFile): Situation[] {
  return situationsOf(file).filter((s) => !s.hasErrors);
}

/** Every variable name declared with `var` in any file of the program. */
export function declaredVariables(program: Program): Set<string> {
  const names = new Set<string>();
  for (const file of program.files.values()) {
    for (const decl of file.decls) if (decl.kind === 'var') for (const name of decl.names) names.add(name.name);
  }
  return names;
}

/** Every variable name some `{placeholder}` of the program uses. */
export function usedVariables(program: Program): Set<string> {
  const names = new Set<string>();
  for (const file of program.files.values()) {
    // Collected once per situation text (`situation-facts.ts`): this runs on every keystroke.
    const { facts, withPlaceholders } = fileFactsOf(file);
    for (const i of withPlaceholders) for (const p of facts[i].placeholders) names.add(p.name);
  }
  return names;
}

/**
 * Where an offset of `uri` is, as a reader of `fromUri` would look for it: `line 12` in
 * the same file, else `closing.sop:12` (the path relative to the linted file's folder
 * when it lies below it, else the file name).
 */
export function describeLocation(program: Program, fromUri: string, uri: string, offset: number): string {
  const file = program.files.get(uri);
  const line = file ? new LineIndex(file.text).positionAt(offset).line + 1 : 1;
  if (uri === fromUri) return `line ${line}`;
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

/**
 * Go to definition and find references for situations and variables, across files.
 *
 * Situation ids are global across a file and the files it imports, and so are variable
 * names (a `{placeholder}` may use a `var` of any file of the program). Callers pass the
 * files to search: the program of the document, plus the programs of other documents that
 * import it (the editor knows those; a file does not know who imports it).
 */
import type { SopFile, Span } from '../ast';
import { forEachStep } from '../flow';
import type { Program } from '../program';
import { targetAt } from './target';
import { situationsIn, stringsInSituation } from './walk';

/** A place in some document. */
export interface Location {
  uri: string;
  span: Span;
}

/** A situation id or a variable name: the two kinds of name that definitions and renames follow. */
export interface NamedSymbol {
  kind: 'situation' | 'variable';
  name: string;
}

export interface Occurrence extends Location {
  /** True for a situation's own id and for a name in `var`. */
  declaration: boolean;
}

/** The situation or variable under the cursor, with the span of the name there. */
export function symbolAt(file: SopFile, offset: number): (NamedSymbol & { span: Span; declaration: boolean }) | undefined {
  const target = targetAt(file, offset);
  if (target?.kind !== 'situation' && target?.kind !== 'variable') return undefined;
  return { kind: target.kind, name: target.name, span: target.span, declaration: target.declaration };
}

/** Every place `symbol` is written in `files`, in file order then source order. */
export function occurrencesOf(files: Iterable<SopFile>, symbol: NamedSymbol): Occurrence[] {
  const out: Occurrence[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.uri)) continue;
    seen.add(file.uri);
    const uri = file.uri;
    if (symbol.kind === 'variable') {
      for (const decl of file.decls) {
        if (decl.kind !== 'var') continue;
        for (const name of decl.names) if (name.name === symbol.name) out.push({ uri, span: name.span, declaration: true });
      }
    }
    for (const situation of situationsIn(file)) {
      if (symbol.kind === 'situation') {
        if (situation.id.name === symbol.name) out.push({ uri, span: situation.id.span, declaration: true });
        forEachStep(situation, ({ step }) => {
          if (step.kind === 'goto' && step.target.name === symbol.name) out.push({ uri, span: step.target.span, declaration: false });
        });
      } else {
        for (const text of stringsInSituation(situation)) {
          for (const p of text.placeholders) {
            if (p.name === symbol.name) out.push({ uri, span: { start: p.span.start + 1, end: p.span.end - 1 }, declaration: false });
          }
        }
      }
    }
  }
  return out;
}

/**
 * The files of `program` that declare `symbol` (its situation, its `var`), or the root when
 * nothing declares it. Another program uses the same symbol exactly when it holds one of
 * these files, since names are global within a program.
 */
export function declaringUris(program: Program, symbol: NamedSymbol): string[] {
  const uris = new Set(occurrencesOf(program.files.values(), symbol).filter((o) => o.declaration).map((o) => o.uri));
  return uris.size > 0 ? [...uris] : [program.root.uri];
}

/**
 * Where the name under the cursor is defined: the situation(s) with that id, the `var`
 * declaring a variable, or the file an `import` names (at its start).
 */
export function definitionsAt(program: Program, uri: string, offset: number): Location[] {
  const file = program.files.get(uri);
  if (!file) return [];
  const target = targetAt(file, offset);
  if (!target) return [];
  if (target.kind === 'import') {
    const link = program.imports.find((i) => i.from === uri && i.path.span.start === target.path.span.start);
    return link?.found ? [{ uri: link.uri, span: { start: 0, end: 0 } }] : [];
  }
  if (target.kind === 'situation') {
    return (program.situations.get(target.name) ?? []).map((entry) => ({ uri: entry.uri, span: entry.situation.id.span }));
  }
  if (target.kind === 'variable') {
    return occurrencesOf(program.files.values(), target).filter((o) => o.declaration).map(({ uri: at, span }) => ({ uri: at, span }));
  }
  return [];
}

/** Every use of the name under the cursor across `files`; declarations only when asked. */
export function referencesAt(file: SopFile, offset: number, files: Iterable<SopFile>, includeDeclaration: boolean): Location[] {
  const symbol = symbolAt(file, offset);
  if (!symbol) return [];
  return occurrencesOf([file, ...files], symbol)
    .filter((o) => includeDeclaration || !o.declaration)
    .map(({ uri, span }) => ({ uri, span }));
}

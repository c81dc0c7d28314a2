/**
 * The CodeLenses above each situation ("Graph", "Simulate"): where they go and what they
 * act on. The editor turns each into one lens per action; which actions exist is the
 * client's business, so only the situation and its keyword's span are given here.
 */
import type { Span, SopFile } from '../ast';

export interface SituationLens {
  /** The situation id the actions act on. */
  situation: string;
  /** The `situation` keyword: a lens sits on the line where it starts. */
  span: Span;
}

/** One entry per situation of the file, in order; a situation whose id did not parse is left out. */
export function situationLensesOf(file: SopFile): SituationLens[] {
  const lenses: SituationLens[] = [];
  for (const decl of file.decls) {
    if (decl.kind !== 'situation' || decl.id.name === '') continue;
    lenses.push({ situation: decl.id.name, span: decl.keyword.span });
  }
  return lenses;
}

/**
 * The file of a parse, made of its pieces (see `parse.ts`): pieces keep their trees at the
 * offset where they were matched, and a piece that moved since gets copies at its new
 * offset only when something reads them. The path from a keystroke to its diagnostics
 * reads the pieces (`piecesOf`, `pieceDecls`, …); the file's `decls` and `comments` are
 * made on first read. Also the identities that link a situation to its moved copies.
 */
import type { Comment, Decl, Situation, SopFile, SyntaxError } from '../ast';
import { defineLazy } from '../lazy';
import { moveComment, moveDecl, moveError, moveHeader } from './move';
import type { PieceList, ParsedPiece } from './piece-list';

/**
 * Every situation the parser produced, with a token shared by all copies of it moved
 * elsewhere (see `situationIdentity`).
 */
const identities = new WeakMap<Situation, object>();

/** Gives a situation the parser just matched an identity of its own. */
export function giveIdentity(situation: Situation): void {
  identities.set(situation, {});
}

/**
 * A token shared by every situation this module built from the same piece of source: the
 * situation as first matched and its copies moved to other offsets by later edits (or
 * found at another place with the same text). Two situations with the same token have the
 * same text from the start of their first line to the end of the piece that holds them,
 * and trees that differ only by the offset of their start, so facts computed relative to
 * that start hold for both (the lint caches key on it). Undefined for situations the
 * parser did not build.
 */
export function situationIdentity(situation: Situation): object | undefined {
  return identities.get(situation);
}

/** The moved copies of a piece's trees made last, by the piece (see `materialized`). */
const movedTrees = new WeakMap<ParsedPiece, { delta: number; decls?: Decl[]; comments?: Comment[] }>();

/**
 * The trees of piece `i` of `list` at their place in this parse: the piece's own when it
 * has not moved since it was matched, else copies (`syntax/move.ts`; ASTs are never
 * mutated). The last copies of each piece are kept, so a file read again after another
 * edit that did not move the piece again gets the same objects.
 */
function movedDecls(list: PieceList, i: number): Decl[] {
  const piece = list.pieces[i];
  const delta = list.deltaOf(i);
  if (delta === 0 || piece.decls.length === 0) return piece.decls;
  let moved = movedTrees.get(piece);
  if (!moved || moved.delta !== delta) movedTrees.set(piece, (moved = { delta }));
  if (!moved.decls) {
    moved.decls = piece.decls.map((decl) => {
      const copy = moveDecl(decl, delta);
      const identity = decl.kind === 'situation' ? identities.get(decl) : undefined;
      if (identity) identities.set(copy as Situation, identity);
      return copy;
    });
  }
  return moved.decls;
}

function movedComments(list: PieceList, i: number): Comment[] {
  const piece = list.pieces[i];
  const delta = list.deltaOf(i);
  if (delta === 0 || piece.comments.length === 0) return piece.comments;
  let moved = movedTrees.get(piece);
  if (!moved || moved.delta !== delta) movedTrees.set(piece, (moved = { delta }));
  moved.comments ??= piece.comments.map((c) => moveComment(c, delta));
  return moved.comments;
}

/** The pieces a file was parsed in, for files this module made. */
const lists = new WeakMap<SopFile, PieceList>();

/**
 * The pieces `file` was parsed in (undefined for a file this module did not make). The
 * lint layer reads them to work per piece, with their trees as matched plus their current
 * offset (`PieceList.deltaOf`), without making the file's trees at their current place.
 */
export function piecesOf(file: SopFile): PieceList | undefined {
  return lists.get(file);
}

/** The declarations of piece `i` of a file's list at their current offsets. */
export function pieceDecls(list: PieceList, i: number): Decl[] {
  return movedDecls(list, i);
}

/** The comments of piece `i` of a file's list at their current offsets. */
export function pieceComments(list: PieceList, i: number): Comment[] {
  return movedComments(list, i);
}

/**
 * The declarations of `file` other than situations (imports, variables), in source order,
 * without making the trees of every situation at their current offsets.
 */
export function nonSituationDecls(file: SopFile): Decl[] {
  const list = lists.get(file);
  if (!list) return file.decls.filter((d) => d.kind !== 'situation');
  const out: Decl[] = [];
  for (const i of list.marked.decls) for (const decl of movedDecls(list, i)) if (decl.kind !== 'situation') out.push(decl);
  return out;
}

/** The first declaration of `file`, if any (see `nonSituationDecls`). */
export function firstDecl(file: SopFile): Decl | undefined {
  const list = lists.get(file);
  if (!list) return file.decls[0];
  for (let i = 0; i < list.length; i++) if (list.pieces[i].decls.length > 0) return movedDecls(list, i)[0];
  return undefined;
}

/**
 * The file of a parse. `header` and `errors` are made at once (a few nodes); `decls` and
 * `comments` — every tree of the file at its current offsets — are made when first read
 * and then kept: the path from a keystroke to its diagnostics reads the pieces instead
 * (`piecesOf`), and the features that walk the whole tree pay for the copies of the moved
 * pieces when the editor asks for them.
 */
export function fileOf(uri: string, text: string, list: PieceList): SopFile {
  const header = list.length === 0 ? {} : list.deltaOf(0) === 0 ? list.pieces[0].header : moveHeader(list.pieces[0].header, list.deltaOf(0));
  const errors: SyntaxError[] = [];
  for (const i of list.marked.errors) {
    const delta = list.deltaOf(i);
    for (const error of list.pieces[i].errors) errors.push(delta === 0 ? error : moveError(error, delta));
  }
  const file = { uri, text, header } as SopFile;
  defineLazy(file, 'decls', () => {
    const decls: Decl[] = [];
    // Indexed loops: the lint of a cold `sop check` reads this once, in code not yet optimised.
    for (let i = 0; i < list.length; i++) {
      const moved = movedDecls(list, i);
      for (let k = 0; k < moved.length; k++) decls.push(moved[k]);
    }
    return decls;
  });
  defineLazy(file, 'comments', () => {
    const comments: Comment[] = [];
    for (let i = 0; i < list.length; i++) for (const comment of movedComments(list, i)) comments.push(comment);
    return comments;
  });
  file.errors = errors;
  lists.set(file, list);
  return file;
}


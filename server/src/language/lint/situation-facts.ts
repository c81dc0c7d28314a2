/**
 * What the rules that look at the whole program (and the lint cache) need to know about
 * each situation: its jumps, its placeholders, the jump it makes without a word, the quote
 * style of its first and last `say`, the lines it covers. Collected in one walk per
 * situation (`collect-situation-facts.ts`) and kept, with offsets relative to the
 * situation's start, with the parser's piece that holds it (`piecesOf` in
 * `syntax/parsed-file.ts`): an edit re-parses one piece and moves the others without
 * copying them, so their facts hold wherever they are (a piece's situations start at
 * `situation.span.start + list.deltaOf(i)`).
 *
 * The facts of a whole file are gathered per parse (`fileFactsOf`) into sorted lists of
 * the pieces that matter to some rule (those with a jump, those with a placeholder) and
 * counts of ids and variable names; a parse made from the last one patches that one's
 * lists and counts for the pieces the edit replaced, so a keystroke costs what it changed
 * plus a few array slices, not a visit of every situation.
 */
import type { Situation, SopFile, StringLit } from '../ast';
import { collectFacts, type SituationFacts } from './collect-situation-facts';
import { pieceDecls, piecesOf } from '../syntax/parsed-file';
import { firstAtOrAfter } from '../sorted';
import { PieceList, type ParsedPiece } from '../syntax/piece-list';

export type { RelativeName, SituationFacts } from './collect-situation-facts';

type Quote = StringLit['quote'];

/** One situation of a piece as matched (offsets as of the piece's own), with its facts. */
export interface PieceSituation {
  readonly situation: Situation;
  readonly facts: SituationFacts;
}

/** The facts of the situations of one piece, and what `fileFactsOf` gathers from them. */
export interface PieceFacts {
  readonly situations: readonly PieceSituation[];
  readonly gotoCount: number;
  readonly placeholderCount: number;
  readonly silentJumps: boolean;
  readonly firstQuote?: Quote;
  readonly lastQuote?: Quote;
  /** Every situation of the piece starts its own line. */
  readonly ownLines: boolean;
}

/**
 * The facts of a file: per piece of its parse (`piecesOf`), with sorted lists of the
 * pieces that matter to some rule. Built once per parse, from the last parse's facts when
 * the parse was made from it (`PieceList.origin`): then only the pieces the edit replaced
 * are looked at, and the rest is carried over by array slices.
 */
export interface FileFacts {
  readonly list: PieceList;
  readonly pieces: readonly PieceFacts[];
  /** The indexes of the pieces with a `goto`, a placeholder, a silent jump, a `say`. */
  readonly withGotos: readonly number[];
  readonly withPlaceholders: readonly number[];
  readonly withSilentJump: readonly number[];
  readonly withSays: readonly number[];
  /** The pieces in which a situation does not start its own line. */
  readonly sharingLines: readonly number[];
  /** How many situations of the file define each id (the same map while the ids do not change). */
  readonly idCounts: ReadonlyMap<string, number>;
  /** How many placeholders of the file name each variable. */
  readonly placeholderNames: ReadonlyMap<string, number>;
}

const pieceFacts = new WeakMap<ParsedPiece, PieceFacts>();
const fileFacts = new WeakMap<PieceList, FileFacts>();
/** Lists for files the parser did not make: one piece holding the whole file. */
const wholeLists = new WeakMap<SopFile, PieceList>();

/** How many pieces have their facts collected between two pauses of `collectFactsInSteps`. */
const PIECES_PER_STEP = 50;

/** The pieces of `file`: the parser's, or one piece holding everything for a file made otherwise. */
export function listOf(file: SopFile): PieceList {
  const parsed = piecesOf(file);
  if (parsed) return parsed;
  let list = wholeLists.get(file);
  if (!list) {
    list = new PieceList();
    list.add({ offset: 0, line: 1, header: file.header, decls: file.decls, comments: file.comments, errors: file.errors }, 0, 1);
    wholeLists.set(file, list);
  }
  return list;
}

/** The facts of piece `i` of `list`, collected on first use (`text` is that of the list's parse). */
function factsOfPiece(list: PieceList, i: number, text: string): PieceFacts {
  return pieceFacts.get(list.pieces[i]) ?? collectPieceFacts(list, i, text);
}

/** Collects (and keeps) the facts of piece `i` of `list`, which has none yet. */
function collectPieceFacts(list: PieceList, i: number, text: string): PieceFacts {
  const piece = list.pieces[i];
  const delta = list.deltaOf(i);
  const situations: PieceSituation[] = [];
  let gotoCount = 0;
  let placeholderCount = 0;
  let silentJumps = false;
  let ownLines = true;
  let firstQuote: Quote | undefined;
  let lastQuote: Quote | undefined;
  // Indexed loops in what runs per situation: in code that runs once (a cold `sop check`),
  // a `for…of` allocates an iterator result per element.
  const { decls } = piece;
  for (let d = 0; d < decls.length; d++) {
    const decl = decls[d];
    if (decl.kind !== 'situation') continue;
    const f = collectFacts(decl, text, delta);
    situations.push({ situation: decl, facts: f });
    gotoCount += f.gotoCount;
    placeholderCount += f.placeholderCount;
    if (f.silentJump) silentJumps = true;
    if (!f.startsLine) ownLines = false;
    firstQuote ??= f.firstQuote;
    if (f.lastQuote) lastQuote = f.lastQuote;
  }
  const facts: PieceFacts = { situations, gotoCount, placeholderCount, silentJumps, firstQuote, lastQuote, ownLines };
  pieceFacts.set(piece, facts);
  return facts;
}

/**
 * Collects the facts of the pieces of `file` that have none yet, and the file's facts
 * from them, pausing after each batch: the first lint of a large document collects them
 * all, and an editor answers other requests in between. A file whose last parse's facts
 * are known needs none (`fileFactsOf` follows the edit).
 */
export function* collectFactsInSteps(file: SopFile): Generator<void, void, void> {
  const list = listOf(file);
  if (fileFacts.has(list) || (list.origin && fileFacts.has(list.origin.list))) return;
  const pieces: PieceFacts[] = new Array(list.length);
  let collected = 0;
  for (let i = 0; i < list.length; i++) {
    const known = pieceFacts.get(list.pieces[i]);
    if (known) {
      pieces[i] = known;
      continue;
    }
    pieces[i] = collectPieceFacts(list, i, file.text);
    if (++collected % PIECES_PER_STEP === 0) yield;
  }
  fileFacts.set(list, yield* gatherInSteps(list, pieces));
}

/** The facts of a file, gathered once per parse (several rules and the lint cache ask). */
export function fileFactsOf(file: SopFile): FileFacts {
  const list = listOf(file);
  let facts = fileFacts.get(list);
  if (facts) return facts;
  const origin = list.origin;
  const last = origin && fileFacts.get(origin.list);
  facts = last && origin ? followEdit(last, list, origin.prefix, origin.suffix, file.text) : gather(list, file.text);
  fileFacts.set(list, facts);
  return facts;
}

/** The situation `s` of piece `p` as it sits in the file (moved when the piece moved). */
export function situationAt(facts: FileFacts, p: number, s: number): Situation {
  const { list } = facts;
  if (list.deltaOf(p) === 0) return facts.pieces[p].situations[s].situation;
  return pieceDecls(list, p).filter((d): d is Situation => d.kind === 'situation')[s];
}

/** Where situation `s` of piece `p` starts in the file. */
export function situationStart(facts: FileFacts, p: number, s: number): number {
  return facts.pieces[p].situations[s].situation.span.start + facts.list.deltaOf(p);
}

interface Lists {
  withGotos: number[];
  withPlaceholders: number[];
  withSilentJump: number[];
  withSays: number[];
  sharingLines: number[];
}

const LIST_NAMES: readonly (keyof Lists)[] = ['withGotos', 'withPlaceholders', 'withSilentJump', 'withSays', 'sharingLines'];

function emptyLists(): Lists {
  return { withGotos: [], withPlaceholders: [], withSilentJump: [], withSays: [], sharingLines: [] };
}

function addToLists(lists: Lists, f: PieceFacts, i: number): void {
  if (f.gotoCount > 0) lists.withGotos.push(i);
  if (f.placeholderCount > 0) lists.withPlaceholders.push(i);
  if (f.silentJumps) lists.withSilentJump.push(i);
  if (f.lastQuote) lists.withSays.push(i);
  if (!f.ownLines) lists.sharingLines.push(i);
}

function count(map: Map<string, number>, name: string, by: number): void {
  const n = (map.get(name) ?? 0) + by;
  if (n === 0) map.delete(name);
  else map.set(name, n);
}

function addNames(ids: Map<string, number>, names: Map<string, number>, f: PieceFacts, by: number): void {
  const { situations } = f;
  for (let s = 0; s < situations.length; s++) {
    const { situation, facts } = situations[s];
    count(ids, situation.id.name, by);
    const { placeholders } = facts;
    for (let k = 0; k < placeholders.length; k++) count(names, placeholders[k].name, by);
  }
}

function gather(list: PieceList, text: string): FileFacts {
  const pieces: PieceFacts[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) pieces[i] = factsOfPiece(list, i, text);
  const steps = gatherInSteps(list, pieces);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The facts of the file made of `pieces` (the facts of each piece of `list`), pausing
 * every `PIECES_PER_STEP` pieces (at 50,000 lines it is 8 ms in one go, cold).
 */
function* gatherInSteps(list: PieceList, pieces: PieceFacts[]): Generator<void, FileFacts, void> {
  const lists = emptyLists();
  const idCounts = new Map<string, number>();
  const placeholderNames = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const f = pieces[i];
    addToLists(lists, f, i);
    addNames(idCounts, placeholderNames, f, 1);
    if ((i + 1) % PIECES_PER_STEP === 0) yield;
  }
  return { list, pieces, ...lists, idCounts, placeholderNames };
}

/**
 * The facts of `list`, made from those of the list it was built from: its first `prefix`
 * and last `suffix` pieces are that list's, so only the pieces between are looked at.
 */
function followEdit(last: FileFacts, list: PieceList, prefix: number, suffix: number, text: string): FileFacts {
  const oldEnd = last.list.length - suffix;
  const newEnd = list.length - suffix;
  const shift = list.length - last.list.length;
  const middle: PieceFacts[] = [];
  const lists = emptyLists();
  for (let i = prefix; i < newEnd; i++) {
    const f = factsOfPiece(list, i, text);
    middle.push(f);
    addToLists(lists, f, i);
  }
  const pieces = last.pieces.slice(0, prefix).concat(middle, last.pieces.slice(oldEnd));
  const merged = emptyLists();
  for (const name of LIST_NAMES) merged[name] = splice(last[name], prefix, oldEnd, lists[name], shift);
  // The ids and names of the replaced pieces against those of the new ones: usually the
  // same, and then the maps of the last parse are kept as they are.
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  for (let i = prefix; i < oldEnd; i++) addNames(ids, names, last.pieces[i], -1);
  for (const f of middle) addNames(ids, names, f, 1);
  return {
    list,
    pieces,
    ...merged,
    // Suggestions ("did you mean") prefer the id defined first, so the counts of ids
    // follow the source order: when ids change, they are counted again.
    idCounts: ids.size === 0 ? last.idCounts : countIds(pieces),
    placeholderNames: patched(last.placeholderNames, names),
  };
}

function countIds(pieces: readonly PieceFacts[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const f of pieces) for (const { situation } of f.situations) count(ids, situation.id.name, 1);
  return ids;
}

/** A sorted list of piece indexes with `[from, to)` replaced by `middle` and the rest after it shifted. */
function splice(list: readonly number[], from: number, to: number, middle: number[], shift: number): number[] {
  const a = firstAtOrAfter(list, from);
  const b = firstAtOrAfter(list, to);
  const tail = list.slice(b);
  if (shift !== 0) for (let i = 0; i < tail.length; i++) tail[i] += shift;
  if (a === 0 && middle.length === 0) return tail;
  return list.slice(0, a).concat(middle, tail);
}

/** `map` with the counts of `changes` added; `map` itself when nothing changes. */
function patched(map: ReadonlyMap<string, number>, changes: Map<string, number>): ReadonlyMap<string, number> {
  if (changes.size === 0) return map;
  const out = new Map(map);
  for (const [name, by] of changes) count(out, name, by);
  return out;
}

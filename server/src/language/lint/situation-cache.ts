/**
 * Reuse of lint results between runs on the same document. The editor lints on every
 * keystroke, and a keystroke changes one situation; rules that judge each situation on
 * its own (`meta.perSituation`) are run only on the situations whose text changed, and
 * the reports of the others are taken from the last run, moved to where the situation
 * now starts. This keeps that part of the work per keystroke independent of the size of
 * the file.
 *
 * A situation is identified by the parser's `situationIdentity`, which moved copies of an
 * unchanged situation share (same text, same tree relative to its start), so finding the
 * unchanged situations costs no text comparison. Reports are kept relative to the start of
 * the situation's first line. Besides its own text, a report may depend on the file's
 * line ends and phrase language (fixes write them) and on the quote style of the nearest
 * `say` before the situation (fixes quote like it when the situation has no `say` of its
 * own before the fix): a situation has an entry per such quote context, and the file's
 * entries are dropped when its line ends or language change.
 *
 * Finding the situations some rule must look at does not visit every situation either: a
 * run on a parse made from the last run's parse (`PieceList.origin`) looks at the last
 * run's open situations, at those of the pieces the edit replaced and at the few whose
 * quote context the edit may have changed; every other situation was checked by every
 * rule with nothing to report, and entries only gain reports. A report (or one of its fix
 * edits) outside its situation means the rule does not keep its promise: the run falls
 * back to checking the whole file, so a wrong declaration costs speed, never correctness.
 */
import type { Situation, SopFile, Span } from '../ast';
import type { SopConfig } from '../config/types';
import { eolOf, phraseLanguage, withDecls } from './edits';
import { firstAtOrAfter } from '../sorted';
import { moveReport } from './move-report';
import { situationIdentity } from '../syntax/parsed-file';
import type { Report, Rule, RuleContext } from './rule';
import { fileFactsOf, situationAt, type FileFacts } from './situation-facts';

/** The reports of one situation, by rule id, relative to the start of its first line. */
interface Entry {
  /** Made when the first rule has checked the situation (a large document starts with thousands). */
  lists?: Map<string, Report[]>;
  /** How many reports `lists` holds in all: most situations have none. */
  reported: number;
  /** What fixes may read outside the situation (`quoteContextOf`). */
  context: string;
}

interface Slot {
  situation: Situation;
  start: number;
  end: number;
  entry: Entry;
}

/** A situation of a file: situation `s` of piece `p` (see `FileFacts`). */
interface Place {
  p: number;
  s: number;
}

/**
 * How many changed situations are checked between two pauses of `checkInSteps`. The first
 * lint of a document runs cold (the rules' code not yet optimised, the lexicon's patterns
 * matched for the first time): 100 situations took 10 ms per step there, 25 stay near 3.
 */
const SITUATIONS_PER_STEP = 25;

export class SituationReportCache {
  private config: SopConfig | undefined;
  private fileContext = '';
  private ruleKey = '';
  /**
   * Entries by situation identity, one per quote context. Weakly: an identity lives as
   * long as a situation that has it, so memory follows the document (and the versions of
   * it still held) without rebuilding the table on every run.
   */
  private entries = new WeakMap<object, Entry[]>();
  /**
   * The last run's file and the situations a rule had to look at then. Every other
   * situation of that file had an entry with every rule's (empty) reports, and entries
   * only gain reports, so the next run on a parse made from that one looks only at these,
   * at the pieces the edit replaced and at those whose quote context it may have changed.
   */
  private last: { facts: FileFacts; open: Place[] } | undefined;

  /**
   * Starts a run over `file` for the `perSituation` rules `ruleIds` (those the
   * configuration turns on). A new configuration, line-ending style or phrase language
   * forgets everything. Runs may overlap (an editor abandons one when the text changes):
   * each keeps its own slots. Pauses every few batches of situations it looks at: the
   * first run on a large document looks at all of them (10 ms at 50,000 lines, cold).
   */
  *beginInSteps(file: SopFile, config: SopConfig, ruleIds: readonly string[]): Generator<void, CacheRun, void> {
    const fileContext = `${eolOf(file.text)} ${phraseLanguage(file)}`;
    const ruleKey = ruleIds.join(' ');
    if (config !== this.config || fileContext !== this.fileContext || ruleKey !== this.ruleKey) {
      this.entries = new WeakMap();
      this.last = undefined;
    }
    this.config = config;
    this.fileContext = fileContext;
    this.ruleKey = ruleKey;
    const facts = fileFactsOf(file);
    // Two situations share a line: their reports cannot be told apart, so nothing is reused.
    if (facts.sharingLines.length > 0) {
      this.last = undefined;
      return new CacheRun(undefined, this);
    }
    // Only the situations a rule has to look at get a slot: those whose entry holds reports
    // or misses some rule's. The others (usually all but the edited one) were checked by
    // every rule that runs and gave nothing, so they cost nothing more.
    const openPlaces: Place[] = [];
    const open: Slot[] = [];
    let looked = 0;
    for (const place of this.candidates(facts)) {
      if (++looked % (4 * SITUATIONS_PER_STEP) === 0) yield;
      const { p, s } = place;
      const { situation: matched, facts: f } = facts.pieces[p].situations[s];
      const identity = situationIdentity(matched);
      const context = quoteContextOf(facts, p, s);
      // A situation the parser did not build cannot be recognised later: its entry is
      // for this run only.
      let entry: Entry | undefined;
      let known = identity && this.entries.get(identity);
      if (known) entry = known.find((e) => e.context === context);
      if (!entry) {
        entry = { lists: undefined, reported: 0, context };
        if (identity) {
          if (!known) this.entries.set(identity, (known = []));
          known.push(entry);
        }
      }
      if (entry.reported === 0 && (entry.lists?.size ?? 0) === ruleIds.length) continue;
      const situation = situationAt(facts, p, s);
      const base = situation.span.start;
      openPlaces.push(place);
      open.push({ situation, start: base + f.lineStart, end: base + f.linesEnd, entry });
    }
    this.last = { facts, open: openPlaces };
    return new CacheRun(open, this);
  }

  /** A run gave up on reuse and forgot entries: the next one looks at every situation. */
  invalidate(): void {
    this.last = undefined;
  }

  /**
   * The situations the run has to look at, in source order: every one, or — after a run
   * on the parse this one was made from — the last run's open ones, those of the pieces
   * the edit replaced, and those whose quote context the edit may have changed.
   */
  private *candidates(facts: FileFacts): Generator<Place> {
    const { list, pieces } = facts;
    const origin = list.origin;
    const last = this.last;
    if (!last || !origin || origin.list !== last.facts.list) {
      for (let p = 0; p < pieces.length; p++) for (let s = 0; s < pieces[p].situations.length; s++) yield { p, s };
      return;
    }
    const { prefix, suffix } = origin;
    const newEnd = list.length - suffix;
    const oldEnd = origin.list.length - suffix;
    const shift = list.length - last.facts.list.length;
    // A context is the quote of the last `say` before the situation, or (for the
    // situations before the first `say` of the file) of the first one after it: the edit
    // may change it for the pieces up to the first one after the edit with a `say`, and
    // for every piece before it when the file's first `say` is not before it.
    const { withSays } = facts;
    const k = firstAtOrAfter(withSays, newEnd);
    const contextEnd = Math.min(list.length, k < withSays.length ? withSays[k] + 1 : list.length);
    const from = withSays.length === 0 || withSays[0] >= prefix ? 0 : prefix;
    const all = (p: number) => pieces[p].situations.map((_, s) => ({ p, s }));
    for (const place of last.open) if (place.p < from) yield place;
    for (let p = from; p < contextEnd; p++) yield* all(p);
    for (const place of last.open) {
      if (place.p < oldEnd) continue;
      const p = place.p + shift;
      if (p >= contextEnd) yield { p, s: place.s };
    }
  }
}

/**
 * The quote style a fix in situation `s` of piece `p` may take from outside it: that of
 * the last `say` before it, else (when it has no `say` itself) of the first `say` after
 * it, else none (see `quoteStyleNear`).
 */
function quoteContextOf(facts: FileFacts, p: number, s: number): string {
  const { situations } = facts.pieces[p];
  for (let t = s - 1; t >= 0; t--) {
    const quote = situations[t].facts.lastQuote;
    if (quote) return quote;
  }
  const { withSays, pieces } = facts;
  const k = firstAtOrAfter(withSays, p);
  if (k > 0) return pieces[withSays[k - 1]].lastQuote ?? '';
  if (situations[s].facts.lastQuote) return '';
  for (let t = s + 1; t < situations.length; t++) {
    const quote = situations[t].facts.firstQuote;
    if (quote) return quote;
  }
  const after = firstAtOrAfter(withSays, p + 1);
  return after < withSays.length ? (pieces[withSays[after]].firstQuote ?? '') : '';
}

/** One lint run's view of the cache: the situations of the file a rule may have to look at. */
export class CacheRun {
  /** `open`: see `SituationReportCache.beginInSteps`; undefined when nothing can be reused. */
  constructor(
    private readonly open: readonly Slot[] | undefined,
    private readonly cache: SituationReportCache,
  ) {}

  /** The reports of a `perSituation` rule for the whole file, pausing after each batch of changed situations. */
  *checkInSteps(rule: Rule, context: RuleContext): Generator<void, Report[], void> {
    if (!this.open) return rule.check(context);
    const id = rule.meta.id;
    const reports: Report[] = [];
    const misses: Slot[] = [];
    for (const slot of this.open) {
      const known = slot.entry.lists?.get(id);
      if (!known) {
        misses.push(slot);
        continue;
      }
      for (const report of known) reports.push(moveReport(report, slot.start));
    }
    for (let i = 0; i < misses.length; i += SITUATIONS_PER_STEP) {
      const batch = misses.slice(i, i + SITUATIONS_PER_STEP);
      const fresh = rule.check({ ...context, file: withDecls(context.file, batch.map((slot) => slot.situation)) });
      const bySlot = new Map<Slot, Report[]>(batch.map((slot) => [slot, []]));
      for (const report of fresh) {
        const slot = slotAt(batch, report.span.start);
        if (!slot || !inside(report, slot)) {
          forget(misses, id);
          this.cache.invalidate();
          return rule.check(context);
        }
        bySlot.get(slot)!.push(report);
      }
      for (const [slot, list] of bySlot) {
        // Two situations with the same text share an entry: the first one checked fills it.
        const lists = (slot.entry.lists ??= new Map());
        if (!lists.has(id)) {
          lists.set(id, list.map((report) => moveReport(report, -slot.start)));
          slot.entry.reported += list.length;
        }
        reports.push(...list);
      }
      if (i + SITUATIONS_PER_STEP < misses.length) yield;
    }
    return reports;
  }
}

/** Drops what a failed run stored, so the next run checks those situations again. */
function forget(slots: readonly Slot[], id: string): void {
  for (const { entry } of slots) {
    entry.reported -= entry.lists?.get(id)?.length ?? 0;
    entry.lists?.delete(id);
  }
}

/** The slot whose lines hold `offset` (slots are sorted and do not overlap). */
function slotAt(slots: readonly Slot[], offset: number): Slot | undefined {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < slots[mid].start) hi = mid - 1;
    else if (offset >= slots[mid].end) lo = mid + 1;
    else return slots[mid];
  }
  return undefined;
}

function inside(report: Report, slot: Slot): boolean {
  const within = (span: Span) => span.start >= slot.start && span.end <= slot.end;
  return within(report.span) && (report.fixes ?? []).every((fix) => fix.edits.every((edit) => within(edit.span)));
}

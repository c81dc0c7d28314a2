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
 * own before the fix): entries are dropped when those change. A report (or one of its fix
 * edits) outside its situation means the rule does not keep its promise: the run falls
 * back to checking the whole file, so a wrong declaration costs speed, never correctness.
 */
import type { Situation, SopFile, Span } from '../ast';
import type { SopConfig } from '../config/types';
import type { Fix } from '../finding';
import { eolOf, phraseLanguage, withDecls } from './edits';
import type { Report, Rule, RuleContext } from './rule';
import { fileFactsOf, type FileFacts } from './situation-facts';

/** The reports of one situation, by rule id, relative to the start of its first line. */
interface Entry {
  /** Made when the first rule has checked the situation (a large document starts with thousands). */
  lists?: Map<string, Report[]>;
  /** How many reports `lists` holds in all: most situations have none. */
  reported: number;
  /** What fixes may read outside the situation (`quoteContexts`). */
  context: string;
  /** The last run that used this entry. */
  run: number;
}

interface Slot {
  situation: Situation;
  start: number;
  end: number;
  entry: Entry;
}

/** How many changed situations are checked between two pauses of `checkInSteps`. */
const SITUATIONS_PER_STEP = 100;

export class SituationReportCache {
  private config: SopConfig | undefined;
  private fileContext = '';
  private runs = 0;
  /**
   * Entries by situation identity. Weakly: an identity lives as long as a situation that
   * has it, so memory follows the document (and the versions of it still held) without
   * rebuilding the table on every run.
   */
  private entries = new WeakMap<object, Entry>();

  /**
   * Starts a run over `file` for the `perSituation` rules `ruleIds` (those the
   * configuration turns on). A new configuration, line-ending style or phrase language
   * forgets everything. Runs may overlap (an editor abandons one when the text changes):
   * each keeps its own slots.
   */
  begin(file: SopFile, config: SopConfig, ruleIds: readonly string[]): CacheRun {
    const fileContext = `${eolOf(file.text)} ${phraseLanguage(file)}`;
    if (config !== this.config || fileContext !== this.fileContext) this.entries = new WeakMap();
    this.config = config;
    this.fileContext = fileContext;
    const run = ++this.runs;
    const facts = fileFactsOf(file);
    const { situations, identities } = facts;
    // Two situations share a line: their reports cannot be told apart, so nothing is reused.
    if (!facts.ownLines) return new CacheRun(undefined);
    const contexts = quoteContexts(facts);
    // Only the situations a rule has to look at get a slot: those whose entry holds reports
    // or misses some rule's. The others (usually all but the edited one) were checked by
    // every rule that runs and gave nothing, so they cost nothing more.
    const open: Slot[] = [];
    for (let i = 0; i < situations.length; i++) {
      const context = contexts[i];
      // A situation the parser did not build cannot be recognised later: its entry is
      // for this run only.
      const identity = identities[i];
      let entry = identity && this.entries.get(identity);
      if (!entry || entry.context !== context) {
        const fresh: Entry = { lists: undefined, reported: 0, context, run };
        // Two situations with the same text but different contexts: the first keeps its entry.
        if (identity && (!entry || entry.run !== run)) this.entries.set(identity, fresh);
        entry = fresh;
      }
      entry.run = run;
      if (entry.reported === 0 && (entry.lists?.size ?? 0) === ruleIds.length) continue;
      const situation = situations[i];
      const base = situation.span.start;
      open.push({ situation, start: base + facts.facts[i].lineStart, end: base + facts.facts[i].linesEnd, entry });
    }
    return new CacheRun(open);
  }
}

/**
 * For each situation, the quote style a fix in it may take from outside it: that of the
 * last `say` before it, else (when it has no `say` itself) of the first `say` after it,
 * else none (see `quoteStyleNear`).
 */
function quoteContexts({ firstQuotes, lastQuotes }: FileFacts): string[] {
  const contexts = new Array<string>(lastQuotes.length);
  let before = '';
  let needsAfter = false;
  for (let i = 0; i < lastQuotes.length; i++) {
    const last = lastQuotes[i];
    contexts[i] = before;
    if (!before && !last) needsAfter = true;
    if (last) before = last;
  }
  if (!needsAfter) return contexts;
  // Only the situations before the first `say` of the file take their quotes from after.
  let after = '';
  for (let i = lastQuotes.length - 1; i >= 0; i--) {
    const first = firstQuotes[i];
    if (!contexts[i] && !first) contexts[i] = after;
    if (first) after = first;
  }
  return contexts;
}

/** One lint run's view of the cache: the situations of the file a rule may have to look at. */
export class CacheRun {
  /** `open`: see `SituationReportCache.begin`; undefined when nothing can be reused. */
  constructor(private readonly open: readonly Slot[] | undefined) {}

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

function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function moveFix(fix: Fix, delta: number): Fix {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: moveSpan(edit.span, delta) })) };
}

function moveReport(report: Report, delta: number): Report {
  return {
    ...report,
    span: moveSpan(report.span, delta),
    ...(report.fixes ? { fixes: report.fixes.map((fix) => moveFix(fix, delta)) } : {}),
  };
}

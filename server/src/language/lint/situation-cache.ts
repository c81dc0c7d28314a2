/**
 * Reuse of lint results between runs on the same document. The editor lints on every
 * keystroke, and a keystroke changes one situation; rules that judge each situation on
 * its own (`meta.perSituation`) are run only on the situations whose text changed, and
 * the reports of the others are taken from the last run, moved to where the situation
 * now starts. This keeps that part of the work per keystroke independent of the size of
 * the file.
 *
 * A situation is identified by its text, from the start of its first line to the end of
 * its last line, so identical text at a new offset is a hit. Reports are kept relative to
 * that start. A report (or one of its fix edits) outside its situation means the rule
 * does not keep its promise: the run falls back to checking the whole file, so a wrong
 * declaration costs speed, never correctness.
 */
import type { Situation, SopFile, Span } from '../ast';
import type { SopConfig } from '../config/types';
import type { Fix } from '../finding';
import { eolOf, lineEndOf, lineStartOf } from './edits';
import type { Report, Rule, RuleContext } from './rule';

/** The reports of one situation text, by rule id, relative to the situation's start. */
type Entry = Map<string, Report[]>;

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
  private eol = '';
  private kept = new Map<string, Entry>();

  /**
   * Starts a run over `file`. What the run does not use is dropped (memory follows the
   * document); a new configuration or line-ending style forgets everything. Runs may
   * overlap (an editor abandons one when the text changes): each keeps its own slots.
   */
  begin(file: SopFile, config: SopConfig): CacheRun {
    const eol = eolOf(file.text);
    if (config !== this.config || eol !== this.eol) this.kept.clear();
    this.config = config;
    this.eol = eol;
    const used = new Map<string, Entry>();
    const slots: Slot[] = [];
    const { text } = file;
    for (const decl of file.decls) {
      if (decl.kind !== 'situation') continue;
      const start = lineStartOf(text, decl.span.start);
      let end = lineEndOf(text, Math.max(decl.span.start, decl.span.end - 1));
      if (text[end] === '\r') end++;
      if (text[end] === '\n') end++;
      const key = text.slice(start, end);
      let entry = used.get(key) ?? this.kept.get(key);
      if (!entry) entry = new Map();
      used.set(key, entry);
      slots.push({ situation: decl, start, end, entry });
    }
    this.kept = used;
    return new CacheRun(slots);
  }
}

/** One lint run's view of the cache: the situations of the file being linted. */
export class CacheRun {
  /** Two situations share a line: their reports cannot be told apart, so nothing is reused. */
  private readonly overlapping: boolean;

  constructor(private readonly slots: readonly Slot[]) {
    this.overlapping = slots.some((slot, i) => i > 0 && slot.start < slots[i - 1].end);
  }

  /** The reports of a `perSituation` rule for the whole file, pausing after each batch of changed situations. */
  *checkInSteps(rule: Rule, context: RuleContext): Generator<void, Report[], void> {
    if (this.overlapping) return rule.check(context);
    const id = rule.meta.id;
    const reports: Report[] = [];
    const misses: Slot[] = [];
    for (const slot of this.slots) {
      const known = slot.entry.get(id);
      if (!known) {
        misses.push(slot);
        continue;
      }
      for (const report of known) reports.push(moveReport(report, slot.start));
    }
    for (let i = 0; i < misses.length; i += SITUATIONS_PER_STEP) {
      const batch = misses.slice(i, i + SITUATIONS_PER_STEP);
      const fresh = rule.check({ ...context, file: { ...context.file, decls: batch.map((slot) => slot.situation) } });
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
        if (!slot.entry.has(id)) slot.entry.set(id, list.map((report) => moveReport(report, -slot.start)));
        reports.push(...list);
      }
      if (i + SITUATIONS_PER_STEP < misses.length) yield;
    }
    return reports;
  }
}

/** Drops what a failed run stored, so the next run checks those situations again. */
function forget(slots: readonly Slot[], id: string): void {
  for (const slot of slots) slot.entry.delete(id);
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

/**
 * Reuse of lint results between runs on the same document. The editor lints on every
 * keystroke, and a keystroke changes one situation; rules that judge each situation on
 * its own (`meta.perSituation`) are run only on the situations whose text changed, and
 * the reports of the others are taken from the last run, moved to where the situation
 * now starts. This keeps the work per keystroke independent of the size of the file for
 * those rules.
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

interface Slot {
  situation: Situation;
  start: number;
  end: number;
  key: string;
}

export class SituationReportCache {
  private config: SopConfig | undefined;
  private eol = '';
  private slots: Slot[] = [];
  /** Two situations share a line: their reports cannot be told apart, so nothing is reused. */
  private overlapping = false;
  /** Reports by rule id and situation key, relative to the situation's start. */
  private kept = new Map<string, Map<string, Report[]>>();
  private used = new Map<string, Map<string, Report[]>>();

  /** Starts a run over `file`; a new configuration (or line-ending style) forgets everything. */
  begin(file: SopFile, config: SopConfig): void {
    const eol = eolOf(file.text);
    if (config !== this.config || eol !== this.eol) this.kept.clear();
    this.config = config;
    this.eol = eol;
    this.used = new Map();
    this.slots = slotsOf(file);
    this.overlapping = this.slots.some((slot, i) => i > 0 && slot.start < this.slots[i - 1].end);
  }

  /** Ends a run: what this run did not use is dropped, so memory follows the document. */
  end(): void {
    this.kept = this.used;
    this.slots = [];
  }

  /** The reports of a `perSituation` rule for the whole file. */
  check(rule: Rule, context: RuleContext): Report[] {
    if (this.overlapping) return rule.check(context);
    const id = rule.meta.id;
    const kept = this.kept.get(id);
    const used = this.used.get(id) ?? new Map<string, Report[]>();
    this.used.set(id, used);

    const reports: Report[] = [];
    const misses: Slot[] = [];
    for (const slot of this.slots) {
      const known = used.get(slot.key) ?? kept?.get(slot.key);
      if (!known) {
        misses.push(slot);
        continue;
      }
      used.set(slot.key, known);
      for (const report of known) reports.push(moveReport(report, slot.start));
    }
    if (misses.length === 0) return reports;

    const fresh = rule.check({ ...context, file: { ...context.file, decls: misses.map((slot) => slot.situation) } });
    const bySlot = new Map<Slot, Report[]>(misses.map((slot) => [slot, []]));
    for (const report of fresh) {
      const slot = slotAt(misses, report.span.start);
      if (!slot || !inside(report, slot)) return rule.check(context);
      bySlot.get(slot)!.push(report);
    }
    for (const [slot, list] of bySlot) {
      used.set(slot.key, list.map((report) => moveReport(report, -slot.start)));
      reports.push(...list);
    }
    return reports;
  }
}

/** The file's situations with the lines they occupy, in source order. */
function slotsOf(file: SopFile): Slot[] {
  const { text } = file;
  const slots: Slot[] = [];
  for (const decl of file.decls) {
    if (decl.kind !== 'situation') continue;
    const start = lineStartOf(text, decl.span.start);
    let end = lineEndOf(text, Math.max(decl.span.start, decl.span.end - 1));
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    slots.push({ situation: decl, start, end, key: text.slice(start, end) });
  }
  return slots;
}

/** The slot whose lines hold `offset` (slots are sorted and do not overlap). */
function slotAt(slots: readonly Slot[], offset: number): Slot | undefined {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < slots[mid].start) hi = mid - 1;
    else if (offset > slots[mid].end) lo = mid + 1;
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

/**
 * Reuse of the reports of a whole-program rule between parses of the same document. Such a
 * rule (`unknown-situation`, `undefined-variable`) judges each situation against something
 * global (the ids of the program, its variables); while that input is unchanged, the
 * reports of a piece the edit did not replace are those of the last parse, moved with the
 * piece. So a keystroke checks the pieces it replaced and moves the reports there are,
 * rather than looking at every situation with a jump or a placeholder again.
 */
import { firstAtOrAfter } from '../sorted';
import type { PieceList } from '../syntax/piece-list';
import { moveReport } from './move-report';
import type { Report } from './rule';
import type { FileFacts } from './situation-facts';

/** The reports of piece `p`, relative to where the piece starts. */
interface PieceReports {
  p: number;
  reports: Report[];
}

interface Memo {
  /** The global input the reports were made for (compared with `===`). */
  input: unknown;
  found: PieceReports[];
}

const memos = new WeakMap<PieceList, Map<string, Memo>>();

/**
 * The reports of rule `id` for the pieces `candidates` (sorted indexes) of a file: `check`
 * gives a piece's reports (document offsets; spans and fix edits inside the piece), and is
 * called only for the pieces the parse replaced when the last parse's reports were made
 * for the same `input`.
 */
export function reportsByPiece(
  facts: FileFacts,
  id: string,
  input: unknown,
  candidates: readonly number[],
  check: (p: number) => Report[],
): Report[] {
  const { list } = facts;
  const origin = list.origin;
  const last = origin && memos.get(origin.list)?.get(id);
  const found: PieceReports[] = [];
  const checkRange = (from: number, to: number) => {
    for (let k = firstAtOrAfter(candidates, from); k < candidates.length && candidates[k] < to; k++) {
      const p = candidates[k];
      const reports = check(p);
      if (reports.length > 0) found.push({ p, reports: reports.map((r) => moveReport(r, -list.starts[p])) });
    }
  };
  if (origin && last && last.input === input) {
    const newEnd = list.length - origin.suffix;
    const oldEnd = origin.list.length - origin.suffix;
    const shift = list.length - origin.list.length;
    for (const entry of last.found) if (entry.p < origin.prefix) found.push(entry);
    checkRange(origin.prefix, newEnd);
    for (const entry of last.found) if (entry.p >= oldEnd) found.push({ p: entry.p + shift, reports: entry.reports });
  } else {
    checkRange(0, list.length);
  }
  let byRule = memos.get(list);
  if (!byRule) memos.set(list, (byRule = new Map()));
  byRule.set(id, { input, found });
  const reports: Report[] = [];
  for (const entry of found) for (const report of entry.reports) reports.push(moveReport(report, list.starts[entry.p]));
  return reports;
}

/**
 * Reports kept relative to where their situation or piece starts, and moved back to
 * document offsets when reused: the lint caches keep them this way so that a situation
 * that only moved reuses its reports as they are.
 */
import type { Span } from '../ast';
import type { Fix } from '../finding';
import type { Report } from './rule';

/** `report` with its span and its fixes' edits moved by `delta` characters. */
export function moveReport(report: Report, delta: number): Report {
  if (delta === 0) return report;
  return {
    ...report,
    span: moveSpan(report.span, delta),
    ...(report.fixes ? { fixes: report.fixes.map((fix) => moveFix(fix, delta)) } : {}),
  };
}

function moveSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function moveFix<T>(fix: Fix<T>, delta: number): Fix<T> {
  return { ...fix, edits: fix.edits.map((edit) => ({ ...edit, span: moveSpan(edit.span, delta) })) };
}

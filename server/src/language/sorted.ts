/**
 * Binary searches over sorted offsets (line starts, piece starts, piece indexes): the
 * editor's hot paths look positions up in tables of tens of thousands of entries.
 */

/** The index of the first of the sorted `values` that is at least `value` (`values.length` when none is). */
export function firstAtOrAfter(values: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last of the sorted `values` that is at most `value` (0 when none is). */
export function lastAtOrBefore(values: ArrayLike<number>, value: number): number {
  return Math.max(0, firstAtOrAfter(values, value + 1) - 1);
}

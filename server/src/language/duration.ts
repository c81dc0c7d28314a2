/**
 * Durations as the language writes them: a number (integer or decimal) directly followed by
 * a unit, `5s`, `1.5m`, `24h`, `5秒`. The grammar, the configuration loader and the rules
 * share this one table so `wait 5秒` in a script and `"hangupPause": "5秒"` in
 * `sop.config.json` always mean the same thing.
 */
import type { DurationUnit } from './ast';

/** Milliseconds per unit, for both spellings of every unit. */
export const durationUnitMs: Readonly<Record<DurationUnit, number>> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  毫秒: 1,
  秒: 1000,
  分钟: 60_000,
  小时: 3_600_000,
  天: 86_400_000,
};

/**
 * Every unit spelling, largest first within each spelling (Chinese, then English), so
 * `DURATION_UNITS.slice().reverse()` lists them the way the docs do: `ms, s, m, h, d, 毫秒, …`.
 */
export const DURATION_UNITS: readonly DurationUnit[] = ['天', '小时', '分钟', '秒', '毫秒', 'd', 'h', 'm', 's', 'ms'];

/** Milliseconds in one `unit`. */
export function unitMilliseconds(unit: DurationUnit): number {
  return durationUnitMs[unit];
}

// `ms` must be tried before `m`, and `毫秒` before `秒`, so longer units come first.
const durationPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|毫秒|秒|分钟|小时|天)$/;

/**
 * The duration `text` denotes, in whole milliseconds, or `undefined` when `text` is not
 * exactly a number followed by a unit (a bare number has no unit and is rejected).
 */
export function parseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text);
  if (!match) return undefined;
  return Math.round(Number(match[1]) * durationUnitMs[match[2] as DurationUnit]);
}

const formatUnits: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/**
 * A short English spelling of `ms` that `parseDuration` reads back to the same value:
 * the largest unit that divides it evenly (`24h`, `90s`), tenths of a second when that
 * reads better than milliseconds (`1.5s`), else milliseconds (`250ms`).
 */
export function formatDuration(ms: number): string {
  const value = Math.max(0, Math.round(ms));
  if (value === 0) return '0s';
  for (const [unit, size] of formatUnits) {
    if (value % size === 0) return `${value / size}${unit}`;
  }
  if (value > 1000 && value % 100 === 0) return `${value / 1000}s`;
  return `${value}ms`;
}

/** Readings of values in the reader's language, for hovers and completion details. */
import { EN, type MessageKey, type Messages } from '../i18n/messages';

type Unit = 'day' | 'hour' | 'minute' | 'second' | 'millisecond';

const UNITS: Array<[number, Unit]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'millisecond'],
];

/** "5 seconds" / "5 秒": the count selects the plural, and is shown as written (no grouping). */
function plural(messages: Messages, count: number, unit: Unit): string {
  return messages.t(`unit.${unit}` as MessageKey, { count, n: String(count) });
}

const UNIT_NAMES: Record<string, Unit> = {
  ms: 'millisecond',
  毫秒: 'millisecond',
  s: 'second',
  秒: 'second',
  m: 'minute',
  分钟: 'minute',
  h: 'hour',
  小时: 'hour',
  d: 'day',
  天: 'day',
};

/**
 * A duration in words, in the unit it was written in when known, with its length in
 * seconds when that unit is not seconds: `5s` → "5 seconds", `24h` → "24 hours (86400
 * seconds)", `1.5分钟` → "1.5 minutes (90 seconds)". Without the written form, the largest
 * whole units are used: `90000` → "1 minute 30 seconds (90 seconds)".
 */
export function describeDuration(ms: number, written?: { amount: number; unit: string }, messages: Messages = EN): string {
  const unitName = written && UNIT_NAMES[written.unit];
  let reading: string;
  if (written && unitName) {
    reading = plural(messages, written.amount, unitName);
  } else {
    let rest = Math.max(0, Math.round(ms));
    const parts: string[] = [];
    for (const [size, unit] of UNITS) {
      const count = Math.floor(rest / size);
      if (count === 0) continue;
      parts.push(plural(messages, count, unit));
      rest -= count * size;
    }
    reading = parts.join(messages.t('unit.join')) || plural(messages, 0, 'second');
  }
  const inSeconds = describeSeconds(ms, messages);
  return reading === inSeconds || ms < 1000 ? reading : messages.t('unit.with-seconds', { reading, seconds: inSeconds });
}

/** `1500` → "1.5 seconds"; at most one decimal. */
export function describeSeconds(ms: number, messages: Messages = EN): string {
  const seconds = Math.round(ms / 100) / 10;
  return plural(messages, seconds, 'second');
}

/** Shortens a phrase for a one-line label: at most `max` characters, with an ellipsis. */
export function shorten(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

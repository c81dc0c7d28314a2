/** Plain-English readings of values, for hovers and completion details. */

const UNITS: Array<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
  [1, 'millisecond'],
];

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** `5000` → "5 seconds", `90000` → "1 minute 30 seconds (90 seconds)", `500` → "500 milliseconds". */
export function describeDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms));
  if (rest === 0) return '0 seconds';
  const parts: string[] = [];
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    parts.push(plural(count, unit));
    rest -= count * size;
  }
  const reading = parts.join(' ');
  const inSeconds = describeSeconds(ms);
  return reading === inSeconds || ms < 1000 ? reading : `${reading} (${inSeconds})`;
}

/** `1500` → "1.5 seconds"; at most one decimal. */
export function describeSeconds(ms: number): string {
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** Shortens a phrase for a one-line label: at most `max` characters, with an ellipsis. */
export function shorten(text: string, max = 40): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

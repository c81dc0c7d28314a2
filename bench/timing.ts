/** The benchmark's shared arithmetic: medians, timed repetitions and children's CPU time. */
import { readFileSync } from 'node:fs';

/** The median; of an even count, the mean of the two middle values (as the peer reports it). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times and returns the median wall time in milliseconds. */
export function time(runs: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * The CPU time of every thread of the children this process has waited for, in ms (Linux:
 * `cutime` + `cstime` of /proc/self/stat; elsewhere `NaN`). On a busy machine the wall
 * time of a parallel run says little; its CPU time says what the threads cost.
 */
export function childCpuMs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The CPU time the calling thread has used so far, in ms, read from Linux's
 * `/proc/thread-self/stat` (user + system time, in clock ticks of 10 ms); `undefined`
 * elsewhere. `process.cpuUsage()` counts every thread of the process, V8's helpers too, so
 * it cannot tell the main thread's share from a worker's. For `SOP_DEBUG` and the benchmark.
 */
import * as fs from 'node:fs';

const TICK_MS = 10;

export function threadCpuMs(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // The fields after the command name (in parentheses, which may hold spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

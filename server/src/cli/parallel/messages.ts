/**
 * The messages between the main thread and a worker. The main thread sends one message per
 * run: what every task shares, the tasks, the scripts' bytes (shared memory, not copied) and
 * the counter the threads take tasks by. A worker answers with its outcomes in batches, and
 * last with how long it worked; or with the error it failed with, which the main thread
 * reports as an internal error.
 */
import type { ScriptOutcome, TaskSetup } from '../script-task';

/** A script to run: its text is read by the worker, or is `bytes.length` bytes at `bytes.offset` of the run's shared bytes. */
export interface PoolTask {
  uri: string;
  config: number;
  targets?: string[];
  bytes?: { offset: number; length: number };
}

export interface ToWorker {
  setup: TaskSetup;
  tasks: PoolTask[];
  /** The bytes of the scripts the main thread read (with a cache), one after the other. */
  bytes: SharedArrayBuffer;
  /** One `Int32`: the index of the next task to take (`Atomics.add`). */
  next: SharedArrayBuffer;
}

/** How a thread spent a run, for `SOP_DEBUG` (times in ms). */
export interface ThreadTimes {
  tasks: number;
  /** Time spent running tasks. */
  busyMs: number;
  /** The thread's CPU time from its start (Linux only; see `thread-cpu.ts`). */
  cpuMs?: number;
  /** A worker: from its start to its first task (loading the bundle and the grammar, then waiting for the tasks). */
  startMs?: number;
}

export type ToMain =
  | { outcomes: [index: number, outcome: ScriptOutcome][]; done?: ThreadTimes }
  | { error: string; stack?: string };

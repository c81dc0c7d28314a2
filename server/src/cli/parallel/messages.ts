/**
 * The messages between the main thread and a worker: a task to run, and its outcome (or
 * the error it failed with, which the main thread reports as an internal error).
 */
import type { ScriptOutcome, TaskInput } from '../script-task';

export interface ToWorker {
  id: number;
  input: TaskInput;
}

export type ToMain = { id: number; outcome: ScriptOutcome } | { id: number; error: string; stack?: string };

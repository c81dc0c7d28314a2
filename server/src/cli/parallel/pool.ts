/**
 * Runs script tasks on worker threads and gives their outcomes back in the order of the
 * inputs, whatever order they finish in, so a parallel run prints what a serial run does.
 *
 * Each worker is kept two tasks ahead, so it never waits on the main thread between two
 * scripts; tasks are handed out as workers finish, so a slow script does not hold up a
 * queue behind it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScriptOutcome, TaskInput, TaskSetup } from '../script-task';
import type { ToMain, ToWorker } from './messages';

const IN_FLIGHT = 2;

/** The bundled worker entry next to the CLI bundle, or `undefined` when running from sources. */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'sop-worker.js');
  return fs.existsSync(file) ? file : undefined;
}

export function runOnWorkers(
  inputs: readonly TaskInput[],
  setup: TaskSetup,
  workerCount: number,
  script: string,
  onDone: (index: number, outcome: ScriptOutcome) => void,
): Promise<ScriptOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes = new Array<ScriptOutcome>(inputs.length);
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;

    const stop = (error?: Error) => {
      if (failed) return;
      if (error) failed = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker) => {
      if (next >= inputs.length) return;
      const id = next++;
      worker.postMessage({ id, input: inputs[id] } satisfies ToWorker);
    };

    for (let w = 0; w < workerCount; w++) {
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on('message', (message: ToMain) => {
        if ('error' in message) {
          const error = new Error(message.error);
          if (message.stack) error.stack = message.stack;
          stop(error);
          return;
        }
        outcomes[message.id] = message.outcome;
        finished++;
        onDone(message.id, message.outcome);
        if (finished === inputs.length) stop();
        else feed(worker);
      });
      worker.on('error', (error) => stop(error));
      worker.on('exit', (code) => {
        if (finished < inputs.length && !failed) stop(new Error(`a worker thread stopped (exit code ${code})`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
    }
  });
}

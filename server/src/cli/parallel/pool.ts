/**
 * Runs script tasks on `threads` threads — the main thread and `threads - 1` workers — and
 * gives their outcomes back in the order of the inputs, whatever order they finish in, so
 * a parallel run prints what a serial run does.
 *
 * The main thread takes tasks too: it has the bundle loaded already, so `--jobs 2` pays
 * for one worker (its start-up and its JIT warm-up), not two. It yields to its event loop
 * after each task, so the workers' answers are taken (and their next tasks sent) between
 * two of its own. Tasks are handed out as threads finish, largest first to the workers
 * and smallest first to the main thread, so the main thread is never long away from
 * feeding them, and no large script is left to the end. Each worker is kept two tasks
 * ahead, so it never waits on the main thread.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SopServices } from '../../language';
import { runScriptTask, type ScriptOutcome, type TaskInput, type TaskSetup } from '../script-task';
import type { ToMain, ToWorker } from './messages';

const IN_FLIGHT = 2;

/** The bundled worker entry next to the CLI bundle, or `undefined` when running from sources. */
export function workerScript(): string | undefined {
  const file = path.join(__dirname, 'sop-worker.js');
  return fs.existsSync(file) ? file : undefined;
}

export function runOnThreads(
  inputs: readonly TaskInput[],
  setup: TaskSetup,
  threads: number,
  script: string,
  services: SopServices,
  onDone: (index: number, outcome: ScriptOutcome) => void,
): Promise<ScriptOutcome[]> {
  const workerCount = threads - 1;
  return new Promise((resolve, reject) => {
    const outcomes = new Array<ScriptOutcome>(inputs.length);
    const workers: Worker[] = [];
    // Indices by size, largest first: workers take from the front, the main thread from the back.
    const order = inputs.map((_, i) => i).sort((a, b) => inputs[b].text.length - inputs[a].text.length || a - b);
    let front = 0;
    let back = order.length;
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
      if (front >= back) return;
      const id = order[front++];
      worker.postMessage({ id, input: inputs[id] } satisfies ToWorker);
    };
    const take = (id: number, outcome: ScriptOutcome): boolean => {
      outcomes[id] = outcome;
      finished++;
      onDone(id, outcome);
      if (finished === inputs.length) stop();
      return finished < inputs.length;
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
        if (take(message.id, message.outcome)) feed(worker);
      });
      worker.on('error', (error) => stop(error));
      worker.on('exit', (code) => {
        if (finished < inputs.length && !failed) stop(new Error(`a worker thread stopped (exit code ${code})`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
    }

    // The main thread's share: the next task whenever it is free.
    const runLocal = async () => {
      while (!failed && front < back) {
        const id = order[--back];
        const outcome = await runScriptTask(inputs[id], setup, services);
        if (failed) return;
        take(id, outcome);
        await new Promise<void>((resume) => setImmediate(resume));
      }
    };
    runLocal().catch((error: unknown) => stop(error instanceof Error ? error : new Error(String(error))));
  });
}

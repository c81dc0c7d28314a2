/**
 * The entry of a worker thread (bundled to `dist/cli/sop-worker.js`): takes the tasks of a
 * run by the shared counter the main thread sent, runs them, and sends their outcomes back
 * in batches. It has its own language services, so its parses and lint caches never cross
 * threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeUtf8 } from '../decode';
import { createTaskThread, runScriptTask, type ScriptOutcome, type TaskInput } from '../script-task';
import type { ToMain, ToWorker } from './messages';
import { threadCpuMs } from './thread-cpu';

/**
 * How long a worker collects outcomes before it sends them, in ms. One message per script
 * would cost a structured clone and a wake-up of the main thread each; a batch every few
 * milliseconds keeps the progress line moving and costs nothing per script.
 */
const BATCH_MS = 20;

const thread = createTaskThread((workerData as { locale?: string }).locale);
const port = parentPort!;
/** Left by the loader when the build writes the worker's code cache (see `parallel/pool.ts`). */
const writeCodeCache = (globalThis as { __sopWriteCodeCache?: () => void }).__sopWriteCodeCache;

async function runTasks(message: ToWorker): Promise<void> {
  const { setup, tasks } = message;
  const next = new Int32Array(message.next);
  let batch: [number, ScriptOutcome][] = [];
  let sent = performance.now();
  let busyMs = 0;
  let count = 0;
  // The worker's start, as the main thread's clock tells it (epoch ms; see `WorkerPool`).
  const startMs = performance.timeOrigin + performance.now() - (workerData as { createdAt: number }).createdAt;
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= tasks.length) break;
    const task = tasks[index];
    const start = performance.now();
    const input: TaskInput = { uri: task.uri, config: task.config, ...(task.targets ? { targets: task.targets } : {}) };
    if (task.bytes) {
      // The main thread has checked that these bytes are UTF-8; this is the same decoding as its own.
      const decoded = decodeUtf8(new Uint8Array(message.bytes, task.bytes.offset, task.bytes.length));
      input.text = decoded.ok ? decoded.text : '';
    }
    batch.push([index, await runScriptTask(input, setup, thread)]);
    const now = performance.now();
    busyMs += now - start;
    count++;
    // The last outcome goes out at once, with the times, so the run can end.
    if (Atomics.load(next, 0) >= tasks.length) break;
    if (now - sent >= BATCH_MS) {
      port.postMessage({ outcomes: batch } satisfies ToMain);
      batch = [];
      sent = now;
    }
  }
  writeCodeCache?.();
  port.postMessage({ outcomes: batch, done: { tasks: count, busyMs, startMs, cpuMs: threadCpuMs() } } satisfies ToMain);
}

port.on('message', (message: ToWorker) => {
  runTasks(message).catch((error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? error.stack : undefined;
    port.postMessage({ error: text, stack } satisfies ToMain);
  });
});

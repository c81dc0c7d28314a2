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

/**
 * What a worker starts with when the build left V8's code cache of the worker bundle next
 * to it (`sop-worker.js.cache`, see esbuild.mjs): the bundle is compiled from the cache, as
 * `bin/sop.js` does for the CLI, which saves each worker ~40-60 ms of compiling. The cache
 * is used only while the bundle has the size and modification time recorded with it, and
 * V8 ignores one that does not fit its version. With `SOP_WRITE_CODE_CACHE` (the build) the
 * worker writes the cache as each task arrives instead (a worker is terminated, so it has no
 * exit to write it at), through a temporary file; from the second task on, the cache holds
 * the parser and lint the first compiled.
 */
const CACHED_LOADER = `
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { parentPort, threadId } = require('node:worker_threads');
const bundle = process.argv[2];
const keyOf = () => { const stat = fs.statSync(bundle); return stat.size + ':' + stat.mtimeMs; };
const writing = Boolean(process.env.SOP_WRITE_CODE_CACHE);
let cachedData;
try {
  if (!writing && fs.readFileSync(bundle + '.cache-key', 'utf8') === keyOf()) cachedData = fs.readFileSync(bundle + '.cache');
} catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
if (writing) {
  // Registered before the bundle's own listener, so it runs (and finishes) before the task
  // is answered: at each task, the cache of what the tasks before it compiled.
  parentPort.on('message', () => {
    const temp = bundle + '.cache.' + process.pid + '.' + threadId + '.tmp';
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, bundle + '.cache');
    fs.writeFileSync(bundle + '.cache-key', keyOf());
  });
}
const mod = new Module(bundle);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(path.dirname(bundle));
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
`;

/**
 * The young generation of each worker's heap, in MB. Parsing allocates many short-lived
 * objects; with V8's default for a worker it collects them so often that a `--jobs 2` run
 * spent ~10 % more CPU time (the garbage collector's helper threads compete with the other
 * thread for the second core). The cost is at most this much more memory per worker.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

/** A worker running `script`, compiled from its code cache when there is one. */
function startWorker(script: string, setup: TaskSetup): Worker {
  const options = { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
  if (process.env.SOP_WRITE_CODE_CACHE || fs.existsSync(`${script}.cache`)) {
    return new Worker(CACHED_LOADER, { ...options, eval: true, argv: [script] });
  }
  return new Worker(script, options);
}

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
      const worker = startWorker(script, setup);
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

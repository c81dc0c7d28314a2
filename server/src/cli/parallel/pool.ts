/**
 * Runs script tasks on the main thread and worker threads, and gives each outcome back by
 * the index of its task, so a parallel run prints what a serial run does.
 *
 * The workers are started as soon as a run knows it wants them (`WorkerPool.grow`), while
 * the main thread is still reading the scripts and their configuration, so their start-up
 * (a thread, the bundle, the grammar) overlaps that reading. The tasks are then sent once,
 * in one message per worker (with the bytes the main thread read for the cache in shared
 * memory, not copied); every thread takes the next task by an atomic counter, largest first. No thread ever waits on
 * another for work: with tasks handed out by messages, a worker sat idle while the main
 * thread, busy with a task of its own, had not yet read the answer that would send it the
 * next one (17 % of its time in a `--jobs 2` run of 2,000 scripts, more when the machine
 * was busier).
 *
 * The main thread takes tasks too: it has the bundle loaded already, so `--jobs 2` pays for
 * one worker (its start-up and its JIT warm-up), not two. Every few milliseconds it yields
 * to its event loop between two tasks, to take the workers' outcomes (which they send in
 * batches) and to draw the progress line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runScriptTask, type ScriptOutcome, type TaskInput, type TaskSetup, type TaskThread } from '../script-task';
import type { PoolTask, ThreadTimes, ToMain, ToWorker } from './messages';
import { threadCpuMs } from './thread-cpu';

/**
 * What a worker starts with when the build left V8's code cache of the worker bundle next
 * to it (`sop-worker.js.cache`, see esbuild.mjs): the bundle is compiled from the cache, as
 * `bin/sop.js` does for the CLI, which saves each worker ~40-60 ms of compiling. The cache
 * is used only while the bundle has the size and modification time recorded with it, and
 * V8 ignores one that does not fit its version. With `SOP_WRITE_CODE_CACHE` (the build) the
 * worker writes the cache when it has run its last task instead (a worker is terminated, so
 * it has no exit to write it at), through a temporary file, so that the cache holds the
 * parser and lint those tasks compiled: the loader leaves `__sopWriteCodeCache` for the
 * worker's entry to call (and the build's run gives every task to the worker).
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
  globalThis.__sopWriteCodeCache = () => {
    const temp = bundle + '.cache.' + process.pid + '.' + threadId + '.tmp';
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, bundle + '.cache');
    fs.writeFileSync(bundle + '.cache-key', keyOf());
  };
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
function startWorker(script: string, locale: string | undefined): Worker {
  // `createdAt` (epoch ms) lets the worker tell how long it took to start.
  const options = { workerData: { locale, createdAt: performance.timeOrigin + performance.now() }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
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

/**
 * How often the main thread, between two of its tasks, yields to its event loop to take
 * the workers' outcomes (and draw the progress line), in ms. Yielding after every task cost
 * it 0.3–0.5 ms each time (the event loop's turn, with V8's tasks for the main thread),
 * 15–20 % of its time in a run of 2,000 scripts; the workers never wait for it, so it need
 * not hurry.
 */
const YIELD_MS = 20;

/** The tasks of one run, as `WorkerPool.run` takes them. */
export interface PoolRun {
  tasks: PoolTask[];
  bytes: SharedArrayBuffer;
  setup: TaskSetup;
  /** The input of task `index` for the main thread (which has its text decoded already). */
  inputOf: (index: number) => TaskInput;
  /** The main thread's services, or none when only the workers take tasks. */
  thread?: TaskThread;
  onDone: (index: number, outcome: ScriptOutcome) => void;
}

/** How each thread spent the run: the main thread first, then each worker (`undefined`: it had no task). */
export type RunTimes = (ThreadTimes | undefined)[];

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** An error a worker failed with before the run began (its start-up). */
  private early: Error | undefined;
  private fail: (error: Error) => void = (error) => {
    this.early ??= error;
  };

  constructor(
    private readonly script: string,
    private readonly locale: string | undefined,
  ) {}

  get size(): number {
    return this.workers.length;
  }

  /** Starts workers until there are `count`. */
  grow(count: number): void {
    while (this.workers.length < count) {
      const worker = startWorker(this.script, this.locale);
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
    }
  }

  /** Stops the workers (they hold nothing that needs saving: outputs are written atomically). */
  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  /** Runs every task; resolves once each has its outcome, with how each thread spent the run. */
  run(run: PoolRun): Promise<RunTimes> {
    const { tasks, setup } = run;
    const total = tasks.length;
    const next = new SharedArrayBuffer(4);
    const counter = new Int32Array(next);
    return new Promise((resolve, reject) => {
      const times: RunTimes = [undefined, ...this.workers.map(() => undefined)];
      const heard = this.workers.map(() => false);
      let finished = 0;
      let over = false;

      const end = (error?: Error) => {
        if (over) return;
        over = true;
        // No thread takes another task.
        Atomics.store(counter, 0, total);
        if (error) reject(error);
        else resolve(times);
      };
      // Done once every task has its outcome and each worker that sent any has said it took its last.
      let ownDone = !run.thread;
      const settle = () => {
        if (finished === total && ownDone && this.workers.every((_, w) => !heard[w] || times[w + 1])) end();
      };
      this.fail = (error) => end(error);
      if (this.early) {
        end(this.early);
        return;
      }
      const take = (index: number, outcome: ScriptOutcome) => {
        finished++;
        run.onDone(index, outcome);
      };

      this.workers.forEach((worker, w) => {
        worker.on('message', (message: ToMain) => {
          if (over) return;
          if ('error' in message) {
            const error = new Error(message.error);
            if (message.stack) error.stack = message.stack;
            end(error);
            return;
          }
          heard[w] = true;
          for (const [index, outcome] of message.outcomes) take(index, outcome);
          if (message.done) times[w + 1] = message.done;
          settle();
        });
        worker.on('exit', (code) => {
          if (!over && finished < total) end(new Error(`a worker thread stopped (exit code ${code})`));
        });
        worker.postMessage({ setup, tasks, bytes: run.bytes, next } satisfies ToWorker);
      });

      // The main thread's share: the next task whenever it is free.
      const thread = run.thread;
      if (!thread) return;
      const own: ThreadTimes = (times[0] = { tasks: 0, busyMs: 0 });
      const runLocal = async () => {
        let yielded = performance.now();
        for (;;) {
          const index = Atomics.add(counter, 0, 1);
          if (index >= total || over) break;
          const start = performance.now();
          const outcome = await runScriptTask(run.inputOf(index), setup, thread);
          own.busyMs += performance.now() - start;
          own.tasks++;
          if (over) return;
          take(index, outcome);
          const now = performance.now();
          if (now - yielded >= YIELD_MS) {
            await new Promise<void>((resume) => setImmediate(resume));
            yielded = now;
          }
        }
        own.cpuMs = threadCpuMs();
        ownDone = true;
        settle();
      };
      runLocal().catch((error: unknown) => end(error instanceof Error ? error : new Error(String(error))));
    });
  }
}

/**
 * One run over many scripts, for `check`, `build`, `export` and any command that makes one output
 * per script: reads every script and resolves its configuration (in the main thread, so a
 * broken configuration stops the run before anything is linted), answers what it can from
 * the cache, runs the rest as script tasks, on worker threads too when that pays (started
 * while the scripts are still being read), and gives the outcomes back in script order, so
 * every run prints the same bytes.
 */
import { EN, type Finding, type Msg, type SopConfig } from '../language';
import { Locator, type LocatedFinding } from './located';
import { ConfigLoader } from './config-loader';
import { InputError } from './errors';
import * as fs from 'node:fs';
import { removeTargets } from './emitters';
import { displayPath, readSourceBytes, type ScriptSet, type SourceBytes } from './files';
import { hashBytes, hashValue } from './hash';
import type { Io } from './io';
import type { PoolTask } from './parallel/messages';
import { WorkerPool, workerScript, type RunTimes } from './parallel/pool';
import { createProgress } from './progress';
import type { RunSettings } from './run-options';
import { createTaskThread, runScriptTask, unreadableOutcome, type PlacedFinding, type ScriptOutcome, type TaskInput, type TaskSetup } from './script-task';
import { emitKey, ScriptCache } from './cache/script-cache';
import type { StatKey } from './cache/stat-key';

const MESSAGES = {
  debug: (total: number, hits: number, unread: number, run: number, threads: number) =>
    `sop: ${total} scripts: ${hits} from the cache (${unread} of them not read: size and times as recorded), ${run} checked ${threads > 1 ? `on ${threads} threads (the main thread and ${threads - 1} worker${threads === 2 ? '' : 's'})` : 'in the main thread'}`,
  times: (times: RunTimes) =>
    times
      .map((t, i) => {
        const name = i === 0 ? 'the main thread' : `worker ${i}`;
        if (!t) return `${name} none`;
        const details = [...(t.startMs !== undefined ? [`first task after ${Math.round(t.startMs)} ms`] : []), ...(t.cpuMs !== undefined ? [`${t.cpuMs} ms of CPU in all`] : [])];
        return `${name} ${t.tasks} in ${Math.round(t.busyMs)} ms${details.length ? ` (${details.join(', ')})` : ''}`;
      })
      .join(', '),
};

/**
 * Below this much script text (about 12,000 lines) a run stays in the main thread unless
 * `--jobs` asks otherwise: starting a worker (loading the bundle and the grammar, warming
 * its JIT) costs about as much as checking that much text.
 */
export const PARALLEL_MIN_BYTES = 200_000;
/** Each thread should get at least this many scripts, or a worker costs more than it gives. */
const MIN_SCRIPTS_PER_WORKER = 8;

export interface ScriptRunOptions {
  io: Io;
  scripts: ScriptSet;
  root: string;
  loader: ConfigLoader;
  settings: RunSettings;
  /** No progress line (with `--quiet`). */
  quiet: boolean;
  /** The emitter to run on clean scripts, with the files each script's output goes to. */
  emit?: { kind: string; options: Record<string, unknown>; targetsFor: (uri: string) => string[] };
}

export interface ScriptRunResult {
  /** One per script, in the order of `scripts.scripts`. */
  outcomes: ScriptOutcome[];
  configFindings: Finding[];
  configBroken: boolean;
  /** Locates the configuration files' findings. */
  configLocator: Locator;
  /** How many scripts were answered from the cache. */
  cacheHits: number;
}

/** A script to run (not answered from the cache). */
interface Pending {
  index: number;
  uri: string;
  /** The bytes as read for the cache; without a cache, the task reads the script. */
  source?: SourceBytes;
  /** In bytes (from `stat` when the script is not read yet). */
  size: number;
  config: number;
  /** Empty without a cache, which alone needs it. */
  scriptHash: string;
  configHash: string;
  /** The script's metadata as it was before it was read, for the cache. */
  stat?: StatKey;
  targets?: string[];
}

export async function runScripts(options: ScriptRunOptions): Promise<ScriptRunResult> {
  const { io, scripts, root, loader, settings, emit } = options;
  const cwd = io.cwd;
  const outcomes = new Array<ScriptOutcome>(scripts.scripts.length);
  const configs: SopConfig[] = [];
  const configIds = new Map<SopConfig, number>();
  const locale = io.messages?.locale;
  // Findings are kept with their messages rendered, so the language is part of the key.
  const configHashes: string[] = [];
  const notice = (line: Msg) => io.err(`${(io.messages ?? EN).format(line)}\n`);
  // `SOP_CACHE_RACY_WINDOW_MS` lets a test see scripts it has just written known by their metadata.
  const racyWindow = io.env.SOP_CACHE_RACY_WINDOW_MS ? Number(io.env.SOP_CACHE_RACY_WINDOW_MS) : undefined;
  const cache = settings.cacheFile ? new ScriptCache(settings.cacheFile, cwd, notice, racyWindow !== undefined && Number.isFinite(racyWindow) ? racyWindow : undefined) : undefined;
  const key = emit ? emitKey(emit.kind, emit.options, root) : undefined;
  // `SOP_PROGRESS_DELAY_MS` lets a test on a pseudo-terminal see the line without a long run.
  const delay = Number(io.env.SOP_PROGRESS_DELAY_MS);
  const progress = createProgress(scripts.scripts.length, io.errStream, {
    quiet: options.quiet,
    messages: io.messages,
    ...(io.env.SOP_PROGRESS_DELAY_MS && Number.isFinite(delay) ? { delayMs: delay } : {}),
  });
  const script = workerScript();
  const pool = script ? new WorkerPool(script, locale) : undefined;
  const pending: Pending[] = [];
  let pendingBytes = 0;
  let cacheHits = 0;
  let knownByStat = 0;
  let done = 0;
  const started = performance.now();

  try {
    // Each script is read, given its configuration and looked up in the cache; as soon as
    // the scripts left to run call for workers, they are started, so that they load while
    // the rest is read.
    for (const [index, uri] of scripts.scripts.entries()) {
      let source: SourceBytes | undefined;
      let config: number;
      let stat: StatKey | undefined;
      // With a cache, a script whose size, times and inode are as recorded keeps its
      // recorded hash unread (`cache/stat-key.ts`); any other is read and hashed.
      let scriptHash = '';
      try {
        // Without a cache the bytes are not needed yet: the thread that runs the script reads
        // it, so the reading is shared between threads and the tasks start sooner.
        if (cache) {
          stat = cache.statOf(uri);
          scriptHash = cache.knownHash(uri, stat) ?? '';
          if (!scriptHash) {
            source = readSourceBytes(uri, cwd);
            scriptHash = hashBytes(source.bytes);
          }
        }
        config = configIndex(await loader.configFor(uri));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        outcomes[index] = unreadableOutcome(uri, error.message, emit?.targetsFor(uri));
        progress.tick(++done);
        continue;
      }
      const targets = emit?.targetsFor(uri);
      const unread = cache !== undefined && source === undefined;
      const hit = cache?.lookup(uri, scriptHash, configHashes[config], root, key !== undefined ? { key, targets: targets! } : undefined, stat);
      if (hit) {
        cacheHits++;
        if (unread) knownByStat++;
        const { findings, deps, unparsed } = hit.entry;
        const outcome: ScriptOutcome = { uri, findings, deps, unparsed, inputErrors: [] };
        // A script that failed before still fails; an output left from an even older run goes.
        if (hit.emitted) {
          const { outputs, findings: emitFindings } = hit.emitted;
          outcome.emitted = { outputs, removed: outputs === null ? removeTargets(targets!) : [], findings: emitFindings };
        }
        outcomes[index] = outcome;
        progress.tick(++done);
        continue;
      }
      if (unread) {
        // Unchanged, but something it depends on is not: it runs on the bytes it is hashed from.
        try {
          source = readSourceBytes(uri, cwd);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          outcomes[index] = unreadableOutcome(uri, error.message, targets);
          progress.tick(++done);
          continue;
        }
        scriptHash = hashBytes(source.bytes);
      }
      const size = source ? source.bytes.length : sizeOf(uri);
      pending.push({ index, uri, source, size, config, scriptHash, configHash: configHashes[config], stat, ...(targets !== undefined ? { targets } : {}) });
      pendingBytes += size;
      pool?.grow(workersFor(pending.length, pendingBytes, settings));
    }
    const configLocator = new Locator((uri) => displayPath(uri, cwd));
    for (const source of loader.sources) configLocator.addText(source.uri, source.text);
    if (loader.broken) return { outcomes: outcomes.filter(Boolean), configFindings: loader.findings, configBroken: true, configLocator, cacheHits: 0 };

    const setup: TaskSetup = { cwd, root, configs, ...(locale ? { locale } : {}), ...(emit ? { emit: { kind: emit.kind, options: emit.options } } : {}) };
    const finish = (p: Pending, outcome: ScriptOutcome) => {
      outcomes[p.index] = outcome;
      cache?.record(outcome, p.scriptHash, p.configHash, key, p.stat);
      progress.tick(++done);
    };
    const inputOf = (p: Pending): TaskInput => ({ uri: p.uri, ...(p.source ? { text: p.source.text } : {}), config: p.config, ...(p.targets ? { targets: p.targets } : {}) });
    // The build's run that writes the worker's code cache gives every task to the worker.
    const thread = pool?.size && io.env.SOP_WRITE_CODE_CACHE ? undefined : createTaskThread(locale);
    let times: RunTimes | undefined;
    let runMs = 0;
    let readMs = 0;
    if (pool?.size) {
      // Largest first, so that no large script is left for the end of the run.
      const order = [...pending].sort((a, b) => b.size - a.size || a.index - b.index);
      const { tasks, bytes } = packTasks(order);
      const start = performance.now();
      readMs = start - started;
      times = await pool.run({ tasks, bytes, setup, thread, inputOf: (i) => inputOf(order[i]), onDone: (i, outcome) => finish(order[i], outcome) });
      runMs = performance.now() - start;
    } else {
      for (const p of pending) finish(p, await runScriptTask(inputOf(p), setup, thread!));
    }
    cache?.save();
    // What a pipeline engineer needs to see the cache (and the threads) at work.
    if (io.env.SOP_DEBUG) {
      const threads = (pool?.size ?? 0) + 1;
      io.err(`${MESSAGES.debug(scripts.scripts.length, cacheHits, knownByStat, pending.length, threads)}${times ? ` in ${Math.round(runMs)} ms after ${Math.round(readMs)} ms of reading: ${MESSAGES.times(times)}` : ''}\n`);
    }
    return { outcomes, configFindings: loader.findings, configBroken: false, configLocator, cacheHits };
  } finally {
    pool?.close();
    progress.end();
  }

  function configIndex(config: SopConfig): number {
    let id = configIds.get(config);
    if (id === undefined) {
      id = configs.length;
      configIds.set(config, id);
      configs.push(config);
      configHashes.push(cache ? hashValue({ config, locale: locale ?? 'en' }) : '');
    }
    return id;
  }
}

/**
 * How many workers the scripts to run so far deserve (0: the main thread alone). It only
 * grows as more scripts are read, so workers can be started before the last one is.
 */
function workersFor(count: number, bytes: number, settings: RunSettings): number {
  const { jobs } = settings;
  if (jobs.explicit) return Math.min(jobs.count, count) - 1;
  if (jobs.count <= 1 || bytes < PARALLEL_MIN_BYTES) return 0;
  return Math.max(1, Math.min(jobs.count, Math.floor(count / MIN_SCRIPTS_PER_WORKER))) - 1;
}

/**
 * The tasks for the workers. The bytes the main thread read (for the cache) are copied once
 * into shared memory, so that the worker runs exactly what was hashed; the other scripts
 * are read by the worker that runs them.
 */
function packTasks(order: readonly Pending[]): { tasks: PoolTask[]; bytes: SharedArrayBuffer } {
  const bytes = new SharedArrayBuffer(order.reduce((sum, p) => sum + (p.source?.bytes.length ?? 0), 0));
  const view = new Uint8Array(bytes);
  let offset = 0;
  const tasks = order.map((p) => {
    const task: PoolTask = { uri: p.uri, config: p.config, ...(p.targets ? { targets: p.targets } : {}) };
    if (p.source) {
      view.set(p.source.bytes, offset);
      task.bytes = { offset, length: p.source.bytes.length };
      offset += p.source.bytes.length;
    }
    return task;
  });
  return { tasks, bytes };
}

/** The size of a script not read yet, to order the tasks (0 when it cannot be found: its task says why). */
function sizeOf(uri: string): number {
  try {
    return fs.statSync(uri).size;
  } catch {
    return 0;
  }
}

/** A placed finding as the printers want it: its file named relative to the working folder. */
export function locate(finding: PlacedFinding, cwd: string): LocatedFinding {
  const { uri, ...rest } = finding;
  return { file: displayPath(uri, cwd), ...rest };
}

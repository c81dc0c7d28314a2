/**
 * One run over many scripts, for `check`, `build`, `export` and any command that makes one output
 * per script: reads every script and resolves its configuration (in the main thread, so a
 * broken configuration stops the run before anything is linted), answers what it can from
 * the cache, runs the rest as script tasks, on worker threads when that pays, and gives
 * the outcomes back in script order, so every run prints the same bytes.
 */
import { createSopServices, EN, type Finding, type Msg, type SopConfig } from '../language';
import { Locator, type LocatedFinding } from './located';
import { ConfigLoader } from './config-loader';
import { InputError } from './errors';
import { removeTargets } from './emitters';
import { displayPath, readSourceBytes, type ScriptSet } from './files';
import { hashBytes, hashValue } from './hash';
import type { Io } from './io';
import { runOnThreads, workerScript } from './parallel/pool';
import { createProgress } from './progress';
import type { RunSettings } from './run-options';
import { runScriptTask, type PlacedFinding, type ScriptOutcome, type TaskInput, type TaskSetup } from './script-task';
import { emitKey, ScriptCache } from './cache/script-cache';

const MESSAGES = {
  debug: (total: number, hits: number, run: number, threads: number) =>
    `sop: ${total} scripts: ${hits} from the cache, ${run} checked ${threads > 1 ? `on ${threads} threads (the main thread and ${threads - 1} worker${threads === 2 ? '' : 's'})` : 'in the main thread'}`,
};

/**
 * Below this much script text (about 12,000 lines) a run stays in the main thread unless
 * `--jobs` asks otherwise: starting a worker (loading the bundle and the grammar) costs
 * about as much as checking that much text.
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

interface Pending {
  index: number;
  input: TaskInput;
  /** The hashes the cache keys the script by (empty without a cache). */
  scriptHash: string;
  configHash: string;
  size: number;
}

export async function runScripts(options: ScriptRunOptions): Promise<ScriptRunResult> {
  const { io, scripts, root, loader, settings, emit } = options;
  const cwd = io.cwd;
  const outcomes = new Array<ScriptOutcome>(scripts.scripts.length);
  const configs: SopConfig[] = [];
  const configIds = new Map<SopConfig, number>();
  // The text stays undecoded until a script must be checked (`readSourceBytes`).
  const readable: { index: number; uri: string; source: { readonly bytes: Uint8Array; readonly text: string }; size: number; config: number }[] = [];

  for (const [index, uri] of scripts.scripts.entries()) {
    try {
      const source = readSourceBytes(uri, cwd);
      const config = await loader.configFor(uri);
      if (!configIds.has(config)) {
        configIds.set(config, configs.length);
        configs.push(config);
      }
      readable.push({ index, uri, source, size: source.bytes.length, config: configIds.get(config)! });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A script that cannot be read gets no output, and an older output of it is removed.
      const emitted = emit ? { outputs: null, removed: removeTargets(emit.targetsFor(uri)), findings: [] } : undefined;
      outcomes[index] = { uri, findings: [], deps: [], unparsed: false, inputErrors: [error.message], ...(emitted ? { emitted } : {}) };
    }
  }
  const configLocator = new Locator((uri) => displayPath(uri, cwd));
  for (const source of loader.sources) configLocator.addText(source.uri, source.text);
  if (loader.broken) return { outcomes: outcomes.filter(Boolean), configFindings: loader.findings, configBroken: true, configLocator, cacheHits: 0 };

  // `SOP_PROGRESS_DELAY_MS` lets a test on a pseudo-terminal see the line without a long run.
  const delay = Number(io.env.SOP_PROGRESS_DELAY_MS);
  const progress = createProgress(scripts.scripts.length, io.errStream, {
    quiet: options.quiet,
    messages: io.messages,
    ...(io.env.SOP_PROGRESS_DELAY_MS && Number.isFinite(delay) ? { delayMs: delay } : {}),
  });
  let done = scripts.scripts.length - readable.length;
  const notice = (line: Msg) => io.err(`${(io.messages ?? EN).format(line)}\n`);
  const cache = settings.cacheFile ? new ScriptCache(settings.cacheFile, cwd, notice) : undefined;
  const locale = io.messages?.locale;
  // Findings are kept with their messages rendered, so the language is part of the key.
  // Without a cache nothing is looked up, so nothing is hashed.
  const configHashes = cache ? configs.map((config) => hashValue({ config, locale: locale ?? 'en' })) : [];
  const key = emit ? emitKey(emit.kind, emit.options, root) : undefined;
  const pending: Pending[] = [];
  let cacheHits = 0;

  for (const script of readable) {
    const configHash = cache ? configHashes[script.config] : '';
    const scriptHash = cache ? hashBytes(script.source.bytes) : '';
    const targets = emit?.targetsFor(script.uri);
    const hit = cache?.lookup(script.uri, scriptHash, configHash, root, key !== undefined ? { key, targets: targets! } : undefined);
    if (hit) {
      cacheHits++;
      const { findings, deps, unparsed } = hit.entry;
      const outcome: ScriptOutcome = { uri: script.uri, findings, deps, unparsed, inputErrors: [] };
      // A script that failed before still fails; an output left from an even older run goes.
      if (hit.emitted) {
        const { outputs, findings: emitFindings } = hit.emitted;
        outcome.emitted = { outputs, removed: outputs === null ? removeTargets(targets!) : [], findings: emitFindings };
      }
      outcomes[script.index] = outcome;
      progress.tick(++done);
      continue;
    }
    pending.push({
      index: script.index,
      input: { uri: script.uri, text: script.source.text, config: script.config, ...(targets !== undefined ? { targets } : {}) },
      scriptHash,
      configHash,
      size: script.size,
    });
  }

  const setup: TaskSetup = { cwd, root, configs, ...(locale ? { locale } : {}), ...(emit ? { emit: { kind: emit.kind, options: emit.options } } : {}) };
  const finish = (p: Pending, outcome: ScriptOutcome) => {
    outcomes[p.index] = outcome;
    cache?.record(outcome, p.scriptHash, p.configHash, key);
    progress.tick(++done);
  };
  const threads = threadCount(pending, settings);
  const script = threads > 1 ? workerScript() : undefined;
  const services = createSopServices({ locale, incremental: false });
  try {
    if (script) {
      await runOnThreads(
        pending.map((p) => p.input),
        setup,
        threads,
        script,
        services,
        (i, outcome) => finish(pending[i], outcome),
      );
    } else {
      for (const p of pending) finish(p, await runScriptTask(p.input, setup, services));
    }
  } finally {
    progress.end();
  }
  cache?.save();
  // What a pipeline engineer needs to see the cache (and the threads) at work.
  if (io.env.SOP_DEBUG) io.err(`${MESSAGES.debug(scripts.scripts.length, cacheHits, pending.length, script ? threads : 1)}\n`);
  return { outcomes, configFindings: loader.findings, configBroken: false, configLocator, cacheHits };
}

/** How many threads the scripts to do deserve (1: the main thread alone). */
function threadCount(pending: readonly Pending[], settings: RunSettings): number {
  const { jobs } = settings;
  if (jobs.explicit) return Math.min(jobs.count, pending.length);
  const bytes = pending.reduce((sum, p) => sum + p.size, 0);
  if (jobs.count <= 1 || bytes < PARALLEL_MIN_BYTES) return 1;
  return Math.max(1, Math.min(jobs.count, Math.floor(pending.length / MIN_SCRIPTS_PER_WORKER)));
}

/** A placed finding as the printers want it: its file named relative to the working folder. */
export function locate(finding: PlacedFinding, cwd: string): LocatedFinding {
  const { uri, ...rest } = finding;
  return { file: displayPath(uri, cwd), ...rest };
}

/**
 * The options of the commands that run over many scripts (`check`, `build`, and any
 * command built on `script-run.ts`): the cache, the number of worker threads and the
 * project folder, with the rules for reading them.
 */
import * as os from 'node:os';
import type { OptionSpec, ParsedArgs } from './args';
import { msg } from '../language';
import { UsageError } from './errors';
import { toUri } from './files';
import { cacheFileAt } from './cache/cache-file';

export const RUN_OPTIONS: OptionSpec[] = [
  { name: 'cache', kind: 'flag' },
  { name: 'cache-location', kind: 'value' },
  { name: 'jobs', kind: 'value', short: 'j' },
  { name: 'root', kind: 'value' },
];

/** The cache file when none is named: in the current folder, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.sopcache';
const MAX_JOBS = 64;

/** `{ count }` when `--jobs` was given; otherwise the machine's cores, and the run decides. */
export type JobsSetting = { explicit: true; count: number } | { explicit: false; count: number };

export interface RunSettings {
  /** The cache file, when `--cache` (or `--cache-location`) was given. */
  cacheFile?: string;
  jobs: JobsSetting;
  rootOption?: string;
}

export function readRunSettings(args: ParsedArgs, cwd: string, command: string): RunSettings {
  const location = args.values.get('cache-location');
  const cached = args.flags.has('cache') || location !== undefined;
  const cacheFile = cached ? cacheFileAt(toUri(location ?? DEFAULT_CACHE_FILE, cwd) + (location?.match(/[\\/]$/) ? '/' : '')) : undefined;
  return { cacheFile, jobs: readJobs(args.values.get('jobs'), command), rootOption: args.values.get('root') };
}

function readJobs(value: string | undefined, command: string): JobsSetting {
  if (value === undefined) return { explicit: false, count: availableCores() };
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) throw new UsageError(msg('cli.jobs.bad', { max: String(MAX_JOBS), value }), command);
  return { explicit: true, count: Number(value) };
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

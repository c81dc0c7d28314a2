/**
 * The cache file of `--cache`: one JSON document holding, per script, what its last check
 * found and what that result was computed from (the hashes of the script, of its resolved
 * configuration and of every file it imports), plus, per command that writes outputs, the
 * hash of each file written and that command's own findings (export's `export-*`).
 *
 * The file is never trusted: anything that is not exactly the shape written here is
 * ignored with a one-line notice. A file that does not even start like a cache file is
 * not ours (a mistyped `--cache-location`), so it is also never overwritten. The file is
 * written once at the end of a run, to a temporary file renamed into place, so a run
 * killed half-way leaves the previous cache whole.
 */
import * as fs from 'node:fs';
import { msg, type Msg } from '../../language';
import { displayPath, fsReason, readRegularFile, writeFileAtomic } from '../files';
import { InputError } from '../errors';
import type { PlacedFinding } from '../script-task';

/** Bumped whenever the shape of the file or the meaning of an entry changes. */
export const CACHE_FORMAT = 'sop-cache/2';
const HEADER = `{"format":"${CACHE_FORMAT.slice(0, CACHE_FORMAT.indexOf('/') + 1)}`;

export interface CacheEntry {
  /** The hash of the script's bytes. */
  script: string;
  /** The hash of the resolved configuration it was checked with. */
  config: string;
  /** Every file it imports, transitively, with the hash of its bytes (`null`: it was missing). */
  deps: [string, string | null][];
  findings: PlacedFinding[];
  unparsed: boolean;
  /** Per emitter key (command, its options, the project folder): what it wrote and found. */
  emits: Record<string, EmitRecord>;
}

/** What an emitter made of a script: the hash of each output file (`null`: none written), and its findings. */
export interface EmitRecord {
  outputs: string[] | null;
  findings: PlacedFinding[];
}

export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  /** False when the file is not ours: it must not be overwritten. */
  writable: boolean;
}

/** Reads the cache at `file`; a missing file is an empty cache, anything wrong a notice. */
export function loadCache(file: string, tool: string, cwd: string, notice: (line: Msg) => void): LoadedCache {
  const shown = displayPath(file, cwd);
  let text: string;
  try {
    text = Buffer.from(readRegularFile(file)).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') notice(msg('cli.cache.unreadable', { file: shown, why: fsReason(error) }));
    return { entries: new Map(), writable: code === 'ENOENT' };
  }
  if (text.length > 0 && !text.startsWith(HEADER)) {
    notice(msg('cli.cache.foreign', { file: shown }));
    return { entries: new Map(), writable: false };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    notice(msg('cli.cache.damaged', { file: shown, why: msg('cli.cache.not-json') }));
    return { entries: new Map(), writable: true };
  }
  // A cache of an older format was written by an older sop: out of date, not wrong.
  if (isRecord(data) && typeof data.format === 'string' && data.format !== CACHE_FORMAT && data.format.startsWith(CACHE_FORMAT.slice(0, CACHE_FORMAT.indexOf('/') + 1))) {
    return { entries: new Map(), writable: true };
  }
  const problem = shapeProblem(data);
  if (problem) {
    notice(msg('cli.cache.damaged', { file: shown, why: problem }));
    return { entries: new Map(), writable: true };
  }
  const cache = data as { tool: string; entries: Record<string, CacheEntry> };
  // A cache of another version of sop is not wrong, only out of date: start afresh quietly.
  if (cache.tool !== tool) return { entries: new Map(), writable: true };
  return { entries: new Map(Object.entries(cache.entries)), writable: true };
}

/** Writes the cache atomically; a failure is a notice, since the results themselves are fine. */
export function saveCache(file: string, tool: string, entries: ReadonlyMap<string, CacheEntry>, cwd: string, notice: (line: Msg) => void): void {
  const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // `format` first: it is how a later run recognises the file as a cache (`HEADER`).
  const text = JSON.stringify({ format: CACHE_FORMAT, tool, entries: Object.fromEntries(sorted) });
  try {
    writeFileAtomic(file, text, cwd);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    notice(msg('cli.cache.unwritable', { reason: error.msg ?? error.message }));
  }
}

/** Where the cache file is: `.sopcache` in the folder, when `location` is a folder. */
export function cacheFileAt(location: string): string {
  if (location.endsWith('/')) return `${location}.sopcache`;
  try {
    if (fs.statSync(location).isDirectory()) return `${location}/.sopcache`;
  } catch {
    // Not there yet: it names the file.
  }
  return location;
}

/** What is wrong with the shape of a parsed cache file, or `undefined` when it is right. */
function shapeProblem(data: unknown): Msg | undefined {
  if (!isRecord(data)) return msg('cli.cache.not-object');
  if (data.format !== CACHE_FORMAT) return msg('cli.cache.format', { format: JSON.stringify(data.format) ?? 'undefined', expected: CACHE_FORMAT });
  if (typeof data.tool !== 'string') return msg('cli.cache.no-tool');
  if (!isRecord(data.entries)) return msg('cli.cache.no-entries');
  for (const [uri, entry] of Object.entries(data.entries)) {
    if (!isEntry(entry)) return msg('cli.cache.bad-entry', { uri });
  }
  return undefined;
}

function isEntry(value: unknown): value is CacheEntry {
  if (!isRecord(value)) return false;
  return (
    isHash(value.script) &&
    isHash(value.config) &&
    typeof value.unparsed === 'boolean' &&
    Array.isArray(value.deps) &&
    value.deps.every((d) => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && (d[1] === null || isHash(d[1]))) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding) &&
    isRecord(value.emits) &&
    Object.values(value.emits).every(isEmitRecord)
  );
}

function isEmitRecord(value: unknown): value is EmitRecord {
  if (!isRecord(value)) return false;
  return (
    (value.outputs === null || (Array.isArray(value.outputs) && value.outputs.every(isHash))) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFinding)
  );
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

function isFinding(value: unknown): value is PlacedFinding {
  if (!isRecord(value)) return false;
  const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  return (
    typeof value.uri === 'string' &&
    whole(value.line) &&
    whole(value.column) &&
    whole(value.endLine) &&
    whole(value.endColumn) &&
    typeof value.rule === 'string' &&
    typeof value.message === 'string' &&
    SEVERITIES.has(value.severity as string)
  );
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The cache file of `--cache`: a JSON header line, then one JSON line per script holding
 * what its last check found and what that result was computed from (the hashes of the script, of its resolved
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
import { hashBytes } from '../hash';
import type { PlacedFinding } from '../script-task';

/** Bumped whenever the shape of the file or the meaning of an entry changes. */
export const CACHE_FORMAT = 'sop-cache/3';
const HEADER = `{"format":"${CACHE_FORMAT.slice(0, CACHE_FORMAT.indexOf('/') + 1)}`;

export interface CacheEntry {
  /** The hash of the script's bytes. */
  script: string;
  /**
   * The script's size, modification and change times (ns) and inode when it was hashed, as
   * `stat-key.ts` writes them, or `null` when they were too recent to vouch for the hash.
   */
  stat: string | null;
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
  /** The lines as read: an entry that did not change is written back as the very bytes it was read from. */
  lines: ReadLines;
  /** False when the file is not ours: it must not be overwritten. */
  writable: boolean;
}

/**
 * The entries' lines of the file as read. Line `n` of an entry (1 for the first entry, as
 * the header is line 0) is `bytes[ends[n - 1] + 1 .. ends[n]]`; `byUri` gives each entry's
 * line, and an entry that changes is deleted from it. Offsets rather than a copy of each
 * line: the unchanged entries of a warm run lie in long runs of consecutive lines, each
 * written back as one slice.
 */
export interface ReadLines {
  bytes: Uint8Array;
  ends: readonly number[];
  byUri: Map<string, number>;
}

/**
 * An entry as one line of the file: a JSON array, in this order. One line per entry lets
 * a run that changed a few entries write the others back as the very text it read, and
 * an array parses faster than an object with the names of its fields.
 */
type EntryRow = [uri: string, stat: string | null, script: string, config: string, deps: [string, string | null][], unparsed: boolean, findings: PlacedFinding[], emits: Record<string, EmitRecord>];

const empty = (writable: boolean): LoadedCache => ({ entries: new Map(), lines: { bytes: new Uint8Array(0), ends: [], byUri: new Map() }, writable });

/**
 * Reads the cache at `file`; a missing file is an empty cache, anything wrong a notice.
 *
 * The file is a header line, `{"format":…,"tool":…,"entries":N,"sha256":…}`, then the N
 * entries one a line, in the order of their scripts' paths, each ended by a newline; the
 * header's `sha256` is the hash of those lines' bytes. Entries are taken as they are only
 * when it matches: the file is then byte for byte what a run of this very `sop` wrote (the
 * tool's version is checked first), which is a stronger proof than checking the shape of
 * every field, and a tenth of its cost. When it does not match, the file is ignored as a
 * whole, and the shape is checked only to say what is wrong.
 */
export function loadCache(file: string, tool: string, cwd: string, notice: (line: Msg) => void): LoadedCache {
  const shown = displayPath(file, cwd);
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') notice(msg('cli.cache.unreadable', { file: shown, why: fsReason(error) }));
    return empty(code === 'ENOENT');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length > 0 && !buffer.toString('latin1', 0, HEADER.length).startsWith(HEADER)) {
    notice(msg('cli.cache.foreign', { file: shown }));
    return empty(false);
  }
  const damaged = (why: Msg): LoadedCache => {
    notice(msg('cli.cache.damaged', { file: shown, why }));
    return empty(true);
  };
  // Lines are kept as bytes: those of unchanged entries are written back without encoding them again.
  const ends: number[] = [];
  for (let at = buffer.indexOf(0x0a); at >= 0; at = buffer.indexOf(0x0a, at + 1)) ends.push(at);
  let header: unknown;
  try {
    header = JSON.parse(buffer.toString('utf8', 0, ends.length > 0 ? ends[0] : buffer.length));
  } catch {
    return damaged(msg('cli.cache.not-json'));
  }
  // A cache of an older format was written by an older sop: out of date, not wrong.
  if (isRecord(header) && typeof header.format === 'string' && header.format !== CACHE_FORMAT && header.format.startsWith(CACHE_FORMAT.slice(0, CACHE_FORMAT.indexOf('/') + 1))) {
    return empty(true);
  }
  const problem = headerProblem(header);
  if (problem) return damaged(problem);
  const { tool: written, entries: count, sha256 } = header as { tool: string; entries: number; sha256: unknown };
  // A cache of another version of sop is not wrong, only out of date: start afresh quietly.
  if (written !== tool) return empty(true);
  // The header's line, then one line per entry, each ended by a newline, and nothing after.
  if (ends.length !== count + 1 || ends[count] !== buffer.length - 1) return damaged(msg('cli.cache.not-json'));
  const body = buffer.subarray(ends[0] + 1);
  if (sha256 !== hashBytes(body)) return damagedEntries(buffer, ends, damaged);
  // Byte for byte what a run of this very sop wrote: each line is a JSON array, and JSON
  // escapes every newline inside a string, so all of them parse as one array, which is a
  // third faster than a parse per line.
  const entries = new Map<string, CacheEntry>();
  const byUri = new Map<string, number>();
  try {
    const rows = JSON.parse(`[${buffer.toString('utf8', ends[0] + 1, ends[count]).replaceAll('\n', ',')}]`) as EntryRow[];
    for (let i = 0; i < count; i++) {
      const [uri, stat, script, config, deps, unparsed, findings, emits] = rows[i];
      entries.set(uri, { script, stat, config, deps, findings, unparsed, emits });
      byUri.set(uri, i + 1);
    }
  } catch {
    // Only a file forged with a matching checksum gets here; the line-by-line check names what is wrong.
    return damagedEntries(buffer, ends, damaged);
  }
  return { entries, lines: { bytes: buffer, ends, byUri }, writable: true };
}

/** A cache whose entries cannot be trusted (their hash does not match, or they do not read as entries): it is ignored, with the first thing wrong in it named. */
function damagedEntries(buffer: Buffer, ends: readonly number[], damaged: (why: Msg) => LoadedCache): LoadedCache {
  for (let i = 1; i < ends.length; i++) {
    let row: unknown;
    try {
      row = JSON.parse(buffer.toString('utf8', ends[i - 1] + 1, ends[i]));
    } catch {
      return damaged(msg('cli.cache.not-json'));
    }
    if (!isEntryRow(row)) return damaged(msg('cli.cache.bad-entry', { uri: Array.isArray(row) && typeof row[0] === 'string' ? row[0] : `#${i}` }));
  }
  return damaged(msg('cli.cache.changed'));
}

/**
 * Writes the cache atomically; a failure is a notice, since the results themselves are fine.
 * An entry still in `lines.byUri` is written as the line it was read from (it has not
 * changed since), and consecutive such lines as one slice of the file read.
 */
export function saveCache(file: string, tool: string, entries: ReadonlyMap<string, CacheEntry>, lines: ReadLines, cwd: string, notice: (line: Msg) => void): void {
  const uris = [...entries.keys()].sort();
  const { bytes, ends, byUri } = lines;
  const body: Uint8Array[] = [];
  // The run of read lines being gathered: from the start of line `runFrom` to the end of `runTo`.
  let runFrom = -1;
  let runTo = -1;
  const endRun = () => {
    if (runFrom >= 0) body.push(bytes.subarray(ends[runFrom - 1] + 1, ends[runTo] + 1));
    runFrom = -1;
  };
  for (const uri of uris) {
    const line = byUri.get(uri);
    if (line !== undefined) {
      if (runFrom >= 0 && line === runTo + 1) runTo = line;
      else {
        endRun();
        runFrom = runTo = line;
      }
      continue;
    }
    endRun();
    const e = entries.get(uri)!;
    const row: EntryRow = [uri, e.stat, e.script, e.config, e.deps, e.unparsed, e.findings, e.emits];
    body.push(Buffer.from(`${JSON.stringify(row)}\n`, 'utf8'));
  }
  endRun();
  const bodyBytes = body.length === 1 ? body[0] : Buffer.concat(body);
  // `format` first: it is how a later run recognises the file as a cache (`HEADER`).
  const header = `${JSON.stringify({ format: CACHE_FORMAT, tool, entries: uris.length, sha256: hashBytes(bodyBytes) })}\n`;
  try {
    writeFileAtomic(file, Buffer.concat([Buffer.from(header, 'utf8'), bodyBytes]), cwd);
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

/** What is wrong with the header line, or `undefined` when it is right. */
function headerProblem(data: unknown): Msg | undefined {
  if (!isRecord(data)) return msg('cli.cache.not-object');
  if (data.format !== CACHE_FORMAT) return msg('cli.cache.format', { format: JSON.stringify(data.format) ?? 'undefined', expected: CACHE_FORMAT });
  if (typeof data.tool !== 'string') return msg('cli.cache.no-tool');
  if (typeof data.entries !== 'number' || !Number.isInteger(data.entries) || data.entries < 0) return msg('cli.cache.no-entries');
  return undefined;
}

function isEntryRow(value: unknown): value is EntryRow {
  if (!Array.isArray(value) || value.length !== 8) return false;
  const [uri, stat, script, config, deps, unparsed, findings, emits] = value as unknown[];
  return (
    typeof uri === 'string' &&
    (stat === null || (typeof stat === 'string' && STAT_KEY.test(stat))) &&
    isHash(script) &&
    isHash(config) &&
    typeof unparsed === 'boolean' &&
    Array.isArray(deps) &&
    deps.every((d) => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && (d[1] === null || isHash(d[1]))) &&
    Array.isArray(findings) &&
    findings.every(isFinding) &&
    isRecord(emits) &&
    Object.values(emits).every(isEmitRecord)
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

const STAT_KEY = /^\d+ -?\d+ -?\d+ \d+$/;

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

/**
 * Decides, per script, whether the cached result still holds, and records new results.
 *
 * A result holds when the script's bytes, its resolved configuration and the bytes of
 * every file it imported (transitively; a missing import must still be missing) hash as
 * they did, every import is still inside the project folder, and, for a command that
 * writes outputs, every output on disk is byte for byte the one written then. So a changed
 * import or configuration invalidates exactly the scripts that depend on it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parentOf, readRegularFile, removeStaleTemps } from '../files';
import { hashBytes, hashValue } from '../hash';
import { productInfo } from '../product';
import { isInside } from '../project-root';
import type { ScriptOutcome } from '../script-task';
import { CACHE_FORMAT, loadCache, saveCache, type CacheEntry, type EmitRecord, type ReadLines } from './cache-file';
import { racyBefore, RACY_WINDOW_MS, statKeyOf, type StatKey } from './stat-key';
import type { Msg } from '../../language';

export interface CachedResult {
  entry: CacheEntry;
  /** For a command with outputs: what its emitter wrote and found then. */
  emitted?: EmitRecord;
}

export class ScriptCache {
  private readonly entries: Map<string, CacheEntry>;
  /** The lines of the entries as read; an entry that changes loses its line. */
  private readonly lines: ReadLines;
  private readonly writable: boolean;
  private readonly fileHashes = new Map<string, string | null>();
  /** The scripts this run has read: they exist, so saving need not look for them again. */
  private readonly present = new Set<string>();
  private readonly tool: string;
  private changed = false;
  /** Times from this moment on are too recent to record (see `stat-key.ts`). */
  private readonly racyBeforeNs: bigint;

  constructor(
    private readonly file: string,
    private readonly cwd: string,
    private readonly notice: (line: Msg) => void,
    racyWindowMs = RACY_WINDOW_MS,
  ) {
    // Taken before any script is read: every read of this run comes after it.
    this.racyBeforeNs = racyBefore(racyWindowMs);
    this.tool = toolFingerprint();
    // A run killed while saving the cache may have left its temporary file behind.
    removeStaleTemps(parentOf(file));
    const loaded = loadCache(file, this.tool, cwd, notice);
    this.entries = loaded.entries;
    this.lines = loaded.lines;
    this.writable = loaded.writable;
  }

  /** The script's metadata now, to compare with the recorded one (`undefined`: not a readable file). */
  statOf(uri: string): StatKey | undefined {
    return statKeyOf(uri, this.racyBeforeNs);
  }

  /** The recorded hash of a script whose metadata is exactly as recorded: it need not be read. */
  knownHash(uri: string, stat: StatKey | undefined): string | undefined {
    const entry = this.entries.get(uri);
    return stat && entry?.stat === stat.key ? entry.script : undefined;
  }

  /** The cached result of a script this run has just read, or `undefined` when anything it depends on changed. */
  lookup(uri: string, scriptHash: string, configHash: string, root: string, emit?: { key: string; targets: readonly string[] }, stat?: StatKey): CachedResult | undefined {
    const result = this.find(uri, scriptHash, configHash, root, emit);
    // A script hashed again (touched, or too recent last time) records its metadata now.
    const key = stat && !stat.racy ? stat.key : null;
    if (result && key !== null && result.entry.stat !== key) {
      result.entry.stat = key;
      this.lines.byUri.delete(uri);
      this.changed = true;
    }
    return result;
  }

  private find(uri: string, scriptHash: string, configHash: string, root: string, emit?: { key: string; targets: readonly string[] }): CachedResult | undefined {
    this.present.add(uri);
    const entry = this.entries.get(uri);
    if (!entry || entry.script !== scriptHash || entry.config !== configHash) return undefined;
    for (const [dep, hash] of entry.deps) {
      if (!isInside(dep, root) || this.hashOf(dep) !== hash) return undefined;
    }
    if (!emit) return { entry };
    if (!(emit.key in entry.emits)) return undefined;
    const emitted = entry.emits[emit.key];
    // Every output that was written must still be there, unchanged; otherwise all are made again.
    if (emitted.outputs !== null) {
      if (emitted.outputs.length !== emit.targets.length) return undefined;
      if (emit.targets.some((target, i) => hashOfOutput(target) !== emitted.outputs![i])) return undefined;
    }
    return { entry, emitted };
  }

  /** Records a fresh outcome; one with input or write problems is never cached. */
  record(outcome: ScriptOutcome, scriptHash: string, configHash: string, emitKey?: string, stat?: StatKey): void {
    if (outcome.inputErrors.length > 0 || outcome.emitted?.writeError) {
      if (this.entries.delete(outcome.uri)) this.changed = true;
      this.lines.byUri.delete(outcome.uri);
      return;
    }
    const previous = this.entries.get(outcome.uri);
    const sameInputs =
      previous && previous.script === scriptHash && previous.config === configHash && JSON.stringify(previous.deps) === JSON.stringify(outcome.deps);
    const emits = sameInputs ? { ...previous.emits } : {};
    if (emitKey !== undefined && outcome.emitted) emits[emitKey] = { outputs: outcome.emitted.outputs, findings: outcome.emitted.findings };
    this.entries.set(outcome.uri, {
      script: scriptHash,
      stat: stat && !stat.racy ? stat.key : null,
      config: configHash,
      deps: outcome.deps,
      findings: outcome.findings,
      unparsed: outcome.unparsed,
      emits,
    });
    this.lines.byUri.delete(outcome.uri);
    this.changed = true;
  }

  /** Saves the cache when anything changed, dropping the entries of scripts that are gone. */
  save(): void {
    if (!this.writable) return;
    for (const uri of this.entries.keys()) {
      if (!this.present.has(uri) && !fs.existsSync(uri)) {
        this.entries.delete(uri);
        this.changed = true;
      }
    }
    if (this.changed) saveCache(this.file, this.tool, this.entries, this.lines, this.cwd, this.notice);
  }

  private hashOf(uri: string): string | null {
    let hash = this.fileHashes.get(uri);
    if (hash === undefined) {
      hash = hashOfOutput(uri);
      this.fileHashes.set(uri, hash);
    }
    return hash;
  }
}

/** The key of an emitter's outputs: the command, its options and the project folder. */
export function emitKey(kind: string, options: Record<string, unknown>, root: string): string {
  return hashValue({ kind, options, root });
}

function hashOfOutput(uri: string): string | null {
  try {
    return hashBytes(readRegularFile(uri));
  } catch {
    return null;
  }
}

/**
 * The version of the tool, as the cache knows it: the package's version, the cache's
 * format, and a hash of the CLI's code, so that a rebuilt checkout (whose version did not
 * change) never reuses results of different code. The code is that of the whole CLI's
 * bundle (`dist/cli/sop.js`) even when the core bundle runs (`check`, `build`): both are
 * built from the same sources at once, and `sop check --cache` and `sop export --cache`
 * must share a cache file. The build writes that hash next to the bundle (`sop.js.sha256`,
 * with the bundle's size and modification time); it is used while they still match.
 */
function toolFingerprint(): string {
  let code = '';
  try {
    const wholeCli = path.join(__dirname, 'sop.js');
    if (fs.existsSync(wholeCli)) code = recordedDigest(wholeCli) ?? hashBytes(fs.readFileSync(wholeCli));
    else code = hashBytes(fs.readFileSync(__filename));
    code = code.slice(0, 16);
  } catch {
    // No file to hash (an unusual loader): the version alone must do.
  }
  return `${productInfo().version} ${CACHE_FORMAT} ${code}`;
}

/** The hash the build recorded for `bundle`, if the bundle is still the file it was taken of. */
function recordedDigest(bundle: string): string | undefined {
  try {
    const [key, hash] = fs.readFileSync(`${bundle}.sha256`, 'utf8').split(' ');
    const stat = fs.statSync(bundle);
    return key === `${stat.size}:${stat.mtimeMs}` && /^[0-9a-f]{64}$/.test(hash) ? hash : undefined;
  } catch {
    return undefined;
  }
}

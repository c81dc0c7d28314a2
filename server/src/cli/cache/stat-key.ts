/**
 * The metadata pre-check of `--cache`, as git's index does it: with each script's content
 * hash the cache records its size, modification and change times (ns) and inode, and a
 * later run that finds all four unchanged takes the recorded hash without reading the
 * file. The hash stays the key of every result; this only decides when hashing can be
 * skipped, which is most of a warm run's work.
 *
 * The change time is what makes this safe where a modification time alone (ESLint's
 * `--cache-strategy metadata`) is not: writing a file sets it, and no program can set it
 * back (`utimes` forges the modification time and sets the change time to now), so a file
 * rewritten to the same size with its old modification time is still read again. What is
 * left is git's "racy" case: a file changed again within one tick of the file system's
 * clock after it was read keeps its times. So times that are not strictly older than the
 * run's start minus `RACY_WINDOW_MS` are never recorded: that script is hashed again next
 * time, and recorded then.
 */
import * as fs from 'node:fs';

/**
 * Generous: the coarsest clock of a common file system (FAT's 2 s), which also covers the
 * kernel's coarse clock lagging the wall clock by a tick and a network share's small skew.
 */
export const RACY_WINDOW_MS = 2000;

export interface StatKey {
  /** `size mtimeNs ctimeNs inode`, compared as a whole. */
  key: string;
  /** True when the times are too recent to vouch for the content later (see above). */
  racy: boolean;
}

/** The moment before which a file's times are trusted: the run's start minus the window. */
export function racyBefore(windowMs: number): bigint {
  return BigInt(Date.now() - windowMs) * 1_000_000n;
}

/** The script's metadata, or `undefined` when it is not a regular file (its read says why). */
export function statKeyOf(uri: string, racyBeforeNs: bigint): StatKey | undefined {
  let stat: fs.BigIntStats | undefined;
  try {
    stat = fs.statSync(uri, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stat?.isFile()) return undefined;
  return {
    key: `${stat.size} ${stat.mtimeNs} ${stat.ctimeNs} ${stat.ino}`,
    racy: stat.mtimeNs >= racyBeforeNs || stat.ctimeNs >= racyBeforeNs,
  };
}

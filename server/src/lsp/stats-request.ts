/**
 * `sop/stats`: the server's own figures, for the benchmark (`bench/lsp.ts`): its heap, to
 * check that memory stays flat over many edits (garbage is collected first when the
 * runtime allows it, `node --expose-gc`, so the figure is what is kept), and the longest
 * time its event loop was blocked since the last `sop/stats`, to check that opening a
 * large script never holds other requests up for long. A web worker has no such figures
 * and answers `null`.
 */
import type { Connection } from 'vscode-languageserver';

export const STATS_REQUEST = 'sop/stats';

export interface ServerStats {
  heapUsed: number;
  /** Milliseconds; absent where the runtime cannot tell. */
  longestBlockMs?: number;
}

interface NodeLike {
  gc?: () => void;
  process?: { memoryUsage?: () => { heapUsed: number } };
}

export function registerStatsRequest(connection: Connection, longestBlockMs?: () => number): void {
  connection.onRequest(STATS_REQUEST, (): ServerStats | null => {
    const runtime = globalThis as NodeLike;
    const usage = runtime.process?.memoryUsage;
    if (!usage) return null;
    // Read first: the collection below blocks the loop itself.
    const longest = longestBlockMs?.();
    runtime.gc?.();
    return { heapUsed: usage().heapUsed, ...(longest === undefined ? {} : { longestBlockMs: longest }) };
  });
}

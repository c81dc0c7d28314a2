/**
 * `sop/stats`: the server's own heap figure, for the benchmark (`bench/lsp.ts`) to check
 * that memory stays flat over many edits. Collects garbage first when the runtime allows
 * it (`node --expose-gc`), so the figure is what is kept, not what awaits collection.
 * A web worker has no such figure and answers `null`.
 */
import type { Connection } from 'vscode-languageserver';

export const STATS_REQUEST = 'sop/stats';

export interface ServerStats {
  heapUsed: number;
}

interface NodeLike {
  gc?: () => void;
  process?: { memoryUsage?: () => { heapUsed: number } };
}

export function registerStatsRequest(connection: Connection): void {
  connection.onRequest(STATS_REQUEST, (): ServerStats | null => {
    const runtime = globalThis as NodeLike;
    const usage = runtime.process?.memoryUsage;
    if (!usage) return null;
    runtime.gc?.();
    return { heapUsed: usage().heapUsed };
  });
}

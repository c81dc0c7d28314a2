/**
 * Content hashes, as the cache records them: sha-256 in hex.
 *
 * `node:crypto` is loaded when the first hash is made, not with the CLI: loading it costs
 * ~2 ms, and a run without `--cache` over scripts without imports makes no hash at all.
 */
import { createRequire } from 'node:module';

let crypto: typeof import('node:crypto') | undefined;

export function hashBytes(bytes: Uint8Array | string): string {
  crypto ??= createRequire(__filename)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The hash of a value written as JSON with sorted keys, so key order never matters. */
export function hashValue(value: unknown): string {
  return hashBytes(stableJson(value));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

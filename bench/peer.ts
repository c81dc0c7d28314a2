/**
 * Side by side with the Langium peer (part of `npm run bench`): a cold `sop check FILE` against
 * the peer's cold build of the same file (parse, link, validate), each a whole fresh process,
 * the two alternating, on the peer's own inputs (`bench/peer-data.ts`, byte-identical: their
 * sha256 is checked against the peer's README). The peer runs from its esbuild bundle
 * (`out/parse.bundle.mjs FILE build`), its fastest cold build; `sop` runs through `bin/sop.js`
 * as a user starts it. Prints the medians (and spreads) and the ratio sop / peer.
 *
 * The peer is built by `npm run bench:peer-setup` into `.bench/langium-sop/` (or point
 * SOP_PEER_DIR at a built copy); when it is not built, this prints "peer not built" and times
 * `sop` alone.
 *
 * Run: `node esbuild.mjs && node --import tsx bench/peer.ts [--runs N] [--sizes 10k,50k]`
 * (SOP_PEER_RUNS sets the runs too).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PEER_SIZES, peerInput, type PeerSize } from './peer-data';

const root = join(__dirname, '..');
const peerDir = process.env.SOP_PEER_DIR ?? join(root, '.bench', 'langium-sop');
const peerBundle = join(peerDir, 'out', 'parse.bundle.mjs');
const sopBin = join(root, 'bin', 'sop.js');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const runs = Number(option('--runs') ?? process.env.SOP_PEER_RUNS ?? 7);
const sizes = (option('--sizes')?.split(',') ?? Object.keys(PEER_SIZES)) as PeerSize[];

/** The median; of an even count, the mean of the two middle values (as the peer reports). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const spread = (values: number[]) => `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;

/** One fresh process: its wall time as the parent sees it; throws when it did not succeed. */
function timed(args: string[], ok: (stdout: string) => boolean): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - start;
  if (run.status !== 0 || !ok(run.stdout)) throw new Error(`${args.join(' ')} failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
  return elapsed;
}

/** The peer's child prints one JSON line; a clean build has no errors and no diagnostics. */
function peerClean(stdout: string): boolean {
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, number>;
  return result.lexerErrors === 0 && result.parserErrors === 0 && result.diagnostics === 0;
}

function main(): void {
  const peerBuilt = existsSync(peerBundle);
  console.log(`\nCold processes side by side with the Langium peer (median (min–max) of ${runs} alternating runs, ms)`);
  if (!peerBuilt) console.log(`peer not built (${peerBundle} is missing; run \`npm run bench:peer-setup\`): timing sop alone`);
  console.log('| file | lines | `node -e ""` | `sop check FILE` | peer: bundle `FILE build` | sop / peer |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const dir = mkdtempSync(join(tmpdir(), 'sop-peer-'));
  try {
    for (const size of sizes) {
      const text = peerInput(size);
      const file = join(dir, `bench-${size}.sop`);
      writeFileSync(file, text);
      const empty: number[] = [];
      const ours: number[] = [];
      const theirs: number[] = [];
      // One untimed run of each warms the file cache; then the three alternate.
      timed([sopBin, 'check', file], () => true);
      if (peerBuilt) timed([peerBundle, file, 'build'], peerClean);
      for (let i = 0; i < runs; i++) {
        empty.push(timed(['-e', ''], () => true));
        ours.push(timed([sopBin, 'check', file], () => true));
        if (peerBuilt) theirs.push(timed([peerBundle, file, 'build'], peerClean));
      }
      const ratio = peerBuilt ? `${(median(ours) / median(theirs)).toFixed(2)}×` : 'peer not built';
      const lines = text.split('\n').length - 1;
      console.log(`| bench-${size}.sop | ${lines} | ${spread(empty)} | ${spread(ours)} | ${peerBuilt ? spread(theirs) : 'peer not built'} | ${ratio} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

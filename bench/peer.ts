/**
 * Side by side with the Langium peer (part of `npm run bench`): a cold `sop check FILE` against
 * the peer's cold build of the same file (parse, link, validate), each a whole fresh process,
 * the two alternating, on the peer's own inputs (`bench/peer-data.ts`, byte-identical: their
 * sha256 is checked against the peer's README). The peer runs from its esbuild bundle
 * (`out/parse.bundle.mjs FILE build`), its fastest cold build; `sop` runs through `bin/sop.js`
 * as a user starts it. Prints the medians (and spreads) and the ratio sop / peer, of the wall
 * time and, where GNU time is installed, of each process's CPU time (user + system), which a
 * busy machine disturbs less.
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

/**
 * GNU time, where there is one: it adds each process's CPU time (user + system), which a
 * busy machine disturbs much less than the wall time. (Its own cost is in both columns.)
 */
const GNU_TIME = '/usr/bin/time';
const withCpu = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%U %S', 'true']).status === 0;

interface Sample {
  wall: number;
  cpu?: number;
}

/** One fresh process: its wall time as the parent sees it (and CPU time); throws when it did not succeed. */
function timed(args: string[], ok: (stdout: string) => boolean): Sample {
  const [command, argv] = withCpu ? [GNU_TIME, ['-f', '%U %S', process.execPath, ...args]] : [process.execPath, args];
  const start = performance.now();
  const run = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - start;
  if (run.status !== 0 || !ok(run.stdout)) throw new Error(`${args.join(' ')} failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
  if (!withCpu) return { wall };
  const [user, system] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000 };
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
  console.log('| file | lines | `node -e ""` | `sop check FILE` | peer: bundle `FILE build` | sop / peer | CPU: sop | CPU: peer | CPU: sop / peer |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const dir = mkdtempSync(join(tmpdir(), 'sop-peer-'));
  try {
    for (const size of sizes) {
      const text = peerInput(size);
      const file = join(dir, `bench-${size}.sop`);
      writeFileSync(file, text);
      const empty: Sample[] = [];
      const ours: Sample[] = [];
      const theirs: Sample[] = [];
      // One untimed run of each warms the file cache; then the three alternate.
      timed([sopBin, 'check', file], () => true);
      if (peerBuilt) timed([peerBundle, file, 'build'], peerClean);
      for (let i = 0; i < runs; i++) {
        empty.push(timed(['-e', ''], () => true));
        ours.push(timed([sopBin, 'check', file], () => true));
        if (peerBuilt) theirs.push(timed([peerBundle, file, 'build'], peerClean));
      }
      const wall = (samples: Sample[]) => samples.map((s) => s.wall);
      const cpu = (samples: Sample[]) => samples.map((s) => s.cpu ?? NaN);
      const ratio = (a: number[], b: number[]) => (peerBuilt ? `${(median(a) / median(b)).toFixed(2)}×` : 'peer not built');
      const lines = text.split('\n').length - 1;
      const peerWall = peerBuilt ? spread(wall(theirs)) : 'peer not built';
      const cpuColumns = withCpu
        ? `${spread(cpu(ours))} | ${peerBuilt ? spread(cpu(theirs)) : 'peer not built'} | ${ratio(cpu(ours), cpu(theirs))}`
        : 'n/a | n/a | n/a';
      console.log(`| bench-${size}.sop | ${lines} | ${spread(wall(empty))} | ${spread(wall(ours))} | ${peerWall} | ${ratio(wall(ours), wall(theirs))} | ${cpuColumns} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();

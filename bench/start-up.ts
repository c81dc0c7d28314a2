/**
 * What every `sop` process pays whatever its input (part of `npm run bench`): a bare Node
 * process (`node EMPTY.js`), `sop --version` and `sop check` of a one-line script, through
 * `bin/sop.js` as a user starts it, each a fresh process, the three alternating. Prints the
 * medians of the wall time and of the CPU time (user + system of the child, which a busy
 * machine disturbs less), and what `sop` adds to the bare process.
 *
 * Goal (issue 11): `sop check` of a one-line script ≤ 80 ms wall where a bare Node process
 * takes ~57 ms. Figures go to docs/performance.md ("Start-up").
 *
 * Run: `node esbuild.mjs && node --import tsx bench/start-up.ts [--runs N]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childCpuMs, median } from './timing';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 21;
const CLI = join(__dirname, '..', 'bin', 'sop.js');

const dir = mkdtempSync(join(tmpdir(), 'sop-start-up-'));
writeFileSync(join(dir, 'empty.js'), '');
writeFileSync(join(dir, 'tiny.sop'), 'script "x"\n');

const cases: Array<{ name: string; args: string[]; ok: (status: number | null) => boolean }> = [
  { name: 'node (empty script)', args: [join(dir, 'empty.js')], ok: (s) => s === 0 },
  { name: 'sop --version', args: [CLI, '--version'], ok: (s) => s === 0 },
  { name: 'sop check tiny.sop', args: [CLI, 'check', 'tiny.sop'], ok: (s) => s === 0 },
];
const wall = new Map<string, number[]>();
const cpu = new Map<string, number[]>();
try {
  for (let r = 0; r < RUNS; r++) {
    for (const { name, args, ok } of cases) {
      const cpuBefore = childCpuMs();
      const start = performance.now();
      const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
      const ms = performance.now() - start;
      if (!ok(run.status)) throw new Error(`${name} exited ${run.status}: ${run.stderr.slice(0, 300)}`);
      wall.set(name, [...(wall.get(name) ?? []), ms]);
      cpu.set(name, [...(cpu.get(name) ?? []), childCpuMs() - cpuBefore]);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const [bare] = cases;
const bareWall = median(wall.get(bare.name)!);
const bareCpu = median(cpu.get(bare.name)!);
console.log(`\nStart-up (${RUNS} runs each, alternating; medians in ms)`);
console.log(`${'process'.padEnd(22)}${'wall'.padStart(8)}${'cpu'.padStart(8)}${'wall − node'.padStart(14)}${'cpu − node'.padStart(13)}`);
for (const { name } of cases) {
  const w = median(wall.get(name)!);
  const c = median(cpu.get(name)!);
  const extra = name === bare.name ? ['', ''] : [`+${Math.round(w - bareWall)}`, `+${Math.round(c - bareCpu)}`];
  console.log(`${name.padEnd(22)}${String(Math.round(w)).padStart(8)}${String(Math.round(c)).padStart(8)}${extra[0].padStart(14)}${extra[1].padStart(13)}`);
}

// `npm run fuzz`: the fuzz suite with a longer budget and a new seed each run (printed, so a
// failure can be replayed). SOP_FUZZ_RUNS (default 3000 cases per property) and
// SOP_FUZZ_SEED override them; `npm test` runs the same suite with 300 cases and seed 11.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const runs = process.env.SOP_FUZZ_RUNS ?? '3000';
const seed = process.env.SOP_FUZZ_SEED ?? String(Math.floor(Math.random() * 0x7fffffff));
console.log(`fuzzing with SOP_FUZZ_SEED=${seed} SOP_FUZZ_RUNS=${runs}`);
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/mocha/bin/mocha.js'), '--import=tsx', '--timeout', '0', 'test/fuzz/**/*.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SOP_FUZZ_RUNS: runs, SOP_FUZZ_SEED: seed } },
);
process.exit(run.status ?? 1);

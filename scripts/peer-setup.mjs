// `npm run bench:peer-setup`: copies the Langium peer (`../shared/peers/langium-sop/`, which is
// read-only) to `.bench/langium-sop/` and builds it as its README says (`npm ci`, `npm run
// build`; the npm registry only). `bench/peer.ts` runs it from there. Set SOP_PEER_SOURCE to
// copy it from elsewhere. Re-running rebuilds; `--if-missing` does nothing when it is built.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const source = resolve(process.env.SOP_PEER_SOURCE ?? join(root, '..', 'shared', 'peers', 'langium-sop'));
const target = join(root, '.bench', 'langium-sop');

if (process.argv.includes('--if-missing') && existsSync(join(target, 'out', 'parse.bundle.mjs'))) process.exit(0);
if (!existsSync(join(source, 'package.json'))) {
  console.error(`peer not found at ${source} (set SOP_PEER_SOURCE)`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
// Its own build products and installed packages are not copied: they are made here.
const skipped = new Set(['node_modules', 'out', 'data']);
cpSync(source, target, { recursive: true, filter: (from) => !skipped.has(from.slice(source.length + 1).split('/')[0]) });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const args of [['ci', '--no-audit', '--no-fund'], ['run', 'build']]) {
  console.log(`> npm ${args.join(' ')} (in ${target})`);
  const run = spawnSync(npm, args, { cwd: target, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`npm ${args.join(' ')} failed in ${target}`);
    process.exit(1);
  }
}
console.log(`peer built: ${join(target, 'out', 'parse.bundle.mjs')}`);

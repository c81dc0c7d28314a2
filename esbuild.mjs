// Builds everything that ships: the grammar recipe, the `sop` CLI, the language server
// (Node and web-worker entries) and the extension client (Node and browser entries).
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');

// The `.ohm` file is the source of truth; the generated recipe (with types) is what the
// code imports, so a fresh clone regenerates it before bundling.
function generateGrammar() {
  const source = 'grammar/sop.ohm';
  const bundle = 'grammar/sop.ohm-bundle.js';
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(source).mtimeMs) return;
  const cli = require.resolve('@ohm-js/cli/index.js');
  execFileSync(process.execPath, [cli, 'generateBundles', '--withTypes', '--esm', source], {
    stdio: 'inherit',
  });
}

const common = {
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: { sop: 'server/src/cli/main.ts' },
    outdir: 'dist/cli',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's `main` is a UMD build whose `require('./impl/…')` calls esbuild
    // cannot follow; its ES module build bundles cleanly.
    mainFields: ['module', 'main'],
  },
  {
    ...common,
    entryPoints: { 'server-node': 'server/src/lsp/main-node.ts' },
    outdir: 'dist/server',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'], // as for the CLI: jsonc-parser's UMD build does not bundle
  },
  {
    ...common,
    entryPoints: { 'server-browser': 'server/src/lsp/main-browser.ts' },
    outdir: 'dist/server',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: { 'extension-node': 'client/src/extension-node.ts' },
    outdir: 'dist/client',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { 'extension-browser': 'client/src/extension-browser.ts' },
    outdir: 'dist/client',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  },
  // The real-editor test suites; never shipped (`.vscodeignore` keeps dist/test out).
  {
    ...common,
    entryPoints: { suite: 'test/web/suite/index.ts' },
    outdir: 'dist/test/web',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { suite: 'test/desktop/suite/index.ts' },
    outdir: 'dist/test/desktop',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  },
];

generateGrammar();
// Entries that do not exist yet are skipped while the project is being assembled.
const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));
if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}

// Builds everything that ships: the grammar recipe, the `sop` CLI, the language server
// (Node and web-worker entries) and the extension client (Node and browser entries).
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
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

/** A CommonJS bundle for Node (the CLI, the Node server, the desktop client). */
function nodeBundle(name, entry, outdir, extra = {}) {
  return { ...common, entryPoints: { [name]: entry }, outdir, platform: 'node', format: 'cjs', target: 'node20', ...extra };
}

/** A bundle for the browser (the web-worker server, the web client). */
function browserBundle(name, entry, outdir, extra = {}) {
  return { ...common, entryPoints: { [name]: entry }, outdir, platform: 'browser', format: 'cjs', target: 'es2022', ...extra };
}

// jsonc-parser's `main` is a UMD build whose `require('./impl/…')` calls esbuild cannot
// follow; its ES module build bundles cleanly.
const jsoncSafe = { mainFields: ['module', 'main'] };
const editorHost = { external: ['vscode'] };

/** @type {esbuild.BuildOptions[]} */
const builds = [
  nodeBundle('sop', 'server/src/cli/main.ts', 'dist/cli', jsoncSafe),
  // The worker threads of a parallel `sop check` / `sop build`; the CLI finds it next to itself.
  nodeBundle('sop-worker', 'server/src/cli/parallel/worker-main.ts', 'dist/cli', jsoncSafe),
  nodeBundle('server-node', 'server/src/lsp/main-node.ts', 'dist/server', jsoncSafe),
  browserBundle('server-browser', 'server/src/lsp/main-browser.ts', 'dist/server', { format: 'iife' }),
  nodeBundle('extension-node', 'client/src/extension-node.ts', 'dist/client', editorHost),
  browserBundle('extension-browser', 'client/src/extension-browser.ts', 'dist/client', editorHost),
  // The webviews' scripts (the flow graph, the call simulator): plain browser scripts.
  browserBundle('graph', 'client/webview/graph/main.ts', 'dist/webview', { format: 'iife' }),
  browserBundle('simulator', 'client/webview/simulator/main.ts', 'dist/webview', { format: 'iife' }),
  // The real-editor test suites; never shipped (`.vscodeignore` keeps dist/test out).
  browserBundle('suite', 'test/web/suite/index.ts', 'dist/test/web', editorHost),
  nodeBundle('suite', 'test/desktop/suite/index.ts', 'dist/test/desktop', { external: ['vscode', 'mocha'] }),
];

/**
 * V8's code cache for the CLI bundle (`bin/sop.js` loads it) and for the worker bundle
 * (`parallel/pool.ts` loads it): produced by a `sop check` of the samples, so it also holds
 * the functions a check compiles lazily. Best effort: without it the CLI only starts
 * 30–40 ms slower, and each worker 40–60 ms.
 */
function writeCliCodeCache() {
  for (const file of ['sop.js.cache', 'sop.js.cache-key', 'sop-worker.js.cache', 'sop-worker.js.cache-key']) rmSync(`dist/cli/${file}`, { force: true });
  // The CLI's cache (through bin/sop.js), then the worker's: a run with a worker thread,
  // started without bin/sop.js so that only the worker writes its cache (after its last task;
  // in that run the main thread leaves every task to the worker).
  for (const args of [['bin/sop.js', 'check', '--quiet', 'samples'], ['dist/cli/sop.js', 'check', '--quiet', '--jobs', '2', 'samples']]) {
    try {
      execFileSync(process.execPath, args, {
        env: { ...process.env, SOP_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
        stdio: 'ignore',
      });
    } catch {
      // A sample with findings exits non-zero; the cache is written all the same.
    }
  }
}

generateGrammar();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  writeCliCodeCache();
}

// Builds everything that ships: the grammar recipe, the `sop` CLI, the language server
// (Node and web-worker entries) and the extension client (Node and browser entries).
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Packages that do nothing when loaded but define what they export: marked free of side
 * effects, so a bundle leaves out the modules whose exports it does not use (these
 * packages do not say so themselves). The CLI's core and its worker use neither the YAML
 * reader nor the graph layout, though the facade they import re-exports the features
 * built on them; and no CLI bundle uses jsonc-parser's formatter, whose module fills a
 * table of 1,200 strings when it loads.
 */
const SIDE_EFFECT_FREE = /^(yaml|@dagrejs\/dagre|jsonc-parser)$/;
const sideEffectFree = {
  name: 'side-effect-free',
  setup(build) {
    const mark = async (args) => {
      if (args.pluginData === 'side-effect-free') return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'side-effect-free' });
      return resolved.errors.length > 0 ? resolved : { ...resolved, sideEffects: false };
    };
    build.onResolve({ filter: SIDE_EFFECT_FREE }, mark);
    // The package's own modules (jsonc-parser's formatter is one of them).
    build.onResolve({ filter: /^\./ }, (args) => (/[\\/]node_modules[\\/]jsonc-parser[\\/]/.test(args.importer) ? mark(args) : undefined));
  },
};
// Without blanks and with simpler syntax (names are kept, for stack traces): a smaller
// bundle and code cache to read and deserialise at every start (~2 ms of each process).
const cliBundle = { ...jsoncSafe, plugins: [sideEffectFree], minifyWhitespace: true, minifySyntax: true };
const editorHost = { external: ['vscode'] };

/** @type {esbuild.BuildOptions[]} */
const builds = [
  // The CLI: every command, and the core that `bin/sop.js` starts for `check` and `build`.
  nodeBundle('sop', 'server/src/cli/main.ts', 'dist/cli', cliBundle),
  nodeBundle('sop-core', 'server/src/cli/main-core.ts', 'dist/cli', cliBundle),
  // The worker threads of a parallel `sop check` / `sop build`; the CLI finds it next to itself.
  nodeBundle('sop-worker', 'server/src/cli/parallel/worker-main.ts', 'dist/cli', cliBundle),
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
 * V8's code cache for the CLI bundles (`bin/sop.js` loads them) and for the worker bundle
 * (`parallel/pool.ts` loads it), each produced by a run over the samples, so it also holds
 * the functions that run compiles lazily: the core's by a `sop check`, the whole CLI's by a
 * `sop test` (parse, lint, compile, simulate). Best effort: without it the CLI only starts
 * 30–40 ms slower, and each worker 40–60 ms.
 */
function writeCliCodeCache() {
  for (const bundle of ['sop.js', 'sop-core.js', 'sop-worker.js']) {
    for (const suffix of ['.cache', '.cache-key']) rmSync(`dist/cli/${bundle}${suffix}`, { force: true });
  }
  // The CLI's caches (through bin/sop.js), then the worker's: a run with a worker thread,
  // started without bin/sop.js so that only the worker writes its cache (after its last task;
  // in that run the main thread leaves every task to the worker).
  const runs = [
    ['bin/sop.js', 'check', '--quiet', 'samples'],
    ['bin/sop.js', 'test', 'samples'],
    ['dist/cli/sop-core.js', 'check', '--quiet', '--jobs', '2', 'samples'],
  ];
  for (const args of runs) {
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

/**
 * The hash of the whole CLI's bundle, which `sop --cache` makes part of the tool's version
 * (`cli/cache/script-cache.ts`), with the size and modification time it was taken at: the
 * CLI uses it while the bundle still has them, instead of hashing 1.2 MB on every run
 * (a rebuilt bundle, e.g. by `--watch`, is hashed again).
 */
function writeCliDigest() {
  const bundle = 'dist/cli/sop.js';
  const stat = statSync(bundle);
  const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex');
  writeFileSync(`${bundle}.sha256`, `${stat.size}:${stat.mtimeMs} ${hash}`);
}

/**
 * Escapes the few non-ASCII characters esbuild leaves in a bundle (it escapes those of
 * strings, not those of regular expression literals such as `/(situation|情景)/`), so that
 * V8 holds the source as a one-byte string: a two-byte one is twice the memory, and
 * decoding it is ~2 ms of every start. `\uXXXX` means the same character in a string, a
 * template, a regular expression (with or without `u`) and an identifier; not after a
 * backslash, inside `String.raw`, or for a character outside the BMP, so a bundle with any
 * of those is left as it is. (Source map columns after an escaped character on its line
 * shift by five per character: a few lines, and only for debugging.)
 */
function escapeNonAscii(file) {
  const text = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) return;
  if (/\\[^\x00-\x7f]/.test(text) || /String\.raw`[^`]*[^\x00-\x7f]/.test(text) || /[\ud800-\udfff]/.test(text)) return;
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
}

generateGrammar();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const bundle of ['sop.js', 'sop-core.js', 'sop-worker.js']) escapeNonAscii(`dist/cli/${bundle}`);
  writeCliDigest();
  writeCliCodeCache();
}

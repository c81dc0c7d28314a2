#!/usr/bin/env node
// The `sop` command: starts one of the two bundled CLIs (`npm run build` writes both).
//
// `check` and `build` — what a pipeline runs on every push — and `--version` / `--help`
// start dist/cli/sop-core.js, which holds only what they need; every other command starts
// dist/cli/sop.js, the whole CLI. Both run the same code for the same command line, and
// the core hands any command it lacks to the whole CLI, so this choice only saves time.
//
// A bundle is loaded with V8's code cache (`<bundle>.cache`, written by the build after a
// run of that bundle over the samples, so it holds the compiled parser and lint too): a
// cold `sop check` then skips compiling them, 30–40 ms of every run. V8 checks the cache
// against its own version and flags and ignores one that does not fit, so a missing or
// foreign cache only costs that time back. V8 compares only the source's length, so the
// cache is used only while the bundle has the size and modification time recorded with it
// (a rebuilt bundle, e.g. by `--watch`, ignores it). SOP_WRITE_CODE_CACHE=1 (the build) writes it.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/** The commands (after `--locale` options, as `cli/locale.ts` reads them) the core bundle runs. */
const CORE_COMMANDS = new Set(['check', 'build', '--version', '-v', '--help', '-h', 'help']);

/** The first argument that is not `--locale` or its value: the command. */
function commandOf(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--locale') i++;
    else if (!argv[i].startsWith('--locale=')) return argv[i];
  }
  return undefined;
}

const command = commandOf(process.argv.slice(2));
const name = command === undefined || CORE_COMMANDS.has(command) ? 'sop-core.js' : 'sop.js';
const bundle = path.join(__dirname, '..', 'dist', 'cli', name);
const cacheFile = `${bundle}.cache`;
const keyFile = `${bundle}.cache-key`;

/** What the cache was made from: the bundle's size and modification time. */
function bundleKey() {
  const stat = fs.statSync(bundle);
  return `${stat.size}:${stat.mtimeMs}`;
}

function loadWithCodeCache() {
  const source = fs.readFileSync(bundle, 'utf8');
  const writing = Boolean(process.env.SOP_WRITE_CODE_CACHE);
  let cachedData;
  try {
    if (!writing && fs.readFileSync(keyFile, 'utf8') === bundleKey()) cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache (or an unreadable one): compile as usual.
  }
  if (!cachedData && !writing) return false;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (writing) {
    process.on('exit', () => {
      fs.writeFileSync(cacheFile, script.createCachedData());
      fs.writeFileSync(keyFile, bundleKey());
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return true;
}

if (!loadWithCodeCache()) require(bundle);

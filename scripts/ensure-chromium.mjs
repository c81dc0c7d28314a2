// Finds the Chromium the real-editor tests drive: `CHROME_PATH`, else Debian's
// `/usr/bin/chromium`. When neither exists it installs Debian's package if it can (root with
// apt-get) and otherwise fails with the command to run. It never skips: a test run without
// a browser must fail loudly rather than pass without having tested anything.
//
//   node scripts/ensure-chromium.mjs        prints the path, exit 1 when unavailable
//   import { ensureChromium } from ...      returns the path or throws
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFromToolchain } from './ensure-web-toolchain.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Returns the path of a usable Chromium, installing Debian's when possible. */
export function ensureChromium({ log = console.error } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasAptGet()) {
    throw new Error(
      `No Chromium found (CHROME_PATH is unset and ${DEBIAN_CHROMIUM} does not exist).\n` +
        `Install it with:  sudo sh -c '${INSTALL_COMMAND}'\n` +
        'or set CHROME_PATH to a Chromium or Chrome executable.',
    );
  }
  log(`No Chromium found; installing Debian's package: ${INSTALL_COMMAND}`);
  const result = spawnSync('sh', ['-c', INSTALL_COMMAND], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0 || !isExecutable(DEBIAN_CHROMIUM)) {
    throw new Error(`Installing Chromium failed (exit ${result.status}). Run it yourself: ${INSTALL_COMMAND}`);
  }
  return DEBIAN_CHROMIUM;
}

const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';

/**
 * Makes sure Chromium can draw Chinese text, which the sample scripts are full of: without a
 * CJK font the editor screenshot shows empty boxes. Only the picture depends on it, so when
 * it cannot be installed this warns instead of failing.
 */
export function ensureCjkFont({ log = console.error } = {}) {
  const listed = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (listed.status === 0 && listed.stdout.trim() !== '') return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const command = `apt-get install -y ${CJK_FONT_PACKAGE}`;
  if (!isRoot || !hasAptGet()) {
    log(`warning: no Chinese font found; the editor screenshot will show boxes. Install one: sudo ${command}`);
    return false;
  }
  log(`No Chinese font found; installing Debian's ${CJK_FONT_PACKAGE}.`);
  const result = spawnSync('sh', ['-c', command], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) log(`warning: installing ${CJK_FONT_PACKAGE} failed; the screenshot will show boxes.`);
  return result.status === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * Flags for a headless Chromium run as root in a container with no network but the local
 * test server: no sandbox (root), no GPU, and none of the background services that would
 * try to reach Google.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches the ensured Chromium headless with Playwright. */
export async function launchChromium() {
  const { chromium } = await importFromToolchain('playwright-core');
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}

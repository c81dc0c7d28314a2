// `npm run test:desktop`: the editor tests (test/web/suite/editor-suite.ts, bundled for
// Node as dist/test/desktop/suite.js) in desktop VS Code through @vscode/test-electron,
// exercising the Node entry and the server over IPC.
//
// It needs a VS Code: `VSCODE_EXECUTABLE_PATH`, or one test-electron downloads into
// `.vscode-test/`. Where neither is possible (no network to update.code.visualstudio.com)
// it says so and exits with status 3: "not run" is never reported as passing.
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const NOT_RUN = 3;

function report(counts, status) {
  console.log(`\ntest:desktop: ${counts.passed} passed, ${counts.failed} failed`);
  if (process.env.SOP_TEST_SUMMARY) {
    writeFileSync(process.env.SOP_TEST_SUMMARY, JSON.stringify({ ...counts, skipped: 0 }));
  }
  process.exit(status);
}

function notRun(reason) {
  console.log(
    `\ntest:desktop: NOT RUN — desktop VS Code is unavailable on this machine.\n` +
      `  ${reason}\n` +
      '  Set VSCODE_EXECUTABLE_PATH to a VS Code executable, or run where VS Code can be\n' +
      '  downloaded (https://update.code.visualstudio.com). Nothing was tested; this is not a pass.',
  );
  if (process.env.SOP_TEST_SUMMARY) {
    writeFileSync(process.env.SOP_TEST_SUMMARY, JSON.stringify({ passed: 0, failed: 1, skipped: 0, notRun: true }));
  }
  process.exit(NOT_RUN);
}

/** Electron needs a display; without one, rerun this script under xvfb-run when present. */
function rerunUnderXvfbIfNeeded() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.SOP_UNDER_XVFB) return;
  if (spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status !== 0) {
    notRun('There is no display (DISPLAY is unset) and no xvfb-run (apt-get install -y xvfb).');
  }
  const child = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SOP_UNDER_XVFB: '1' },
  });
  process.exit(child.status ?? 1);
}

async function findVSCode() {
  if (process.env.VSCODE_EXECUTABLE_PATH) {
    if (!existsSync(process.env.VSCODE_EXECUTABLE_PATH)) {
      notRun(`VSCODE_EXECUTABLE_PATH=${process.env.VSCODE_EXECUTABLE_PATH} does not exist.`);
    }
    return process.env.VSCODE_EXECUTABLE_PATH;
  }
  try {
    return await downloadAndUnzipVSCode({ cachePath: join(root, '.vscode-test'), timeout: 15_000 });
  } catch (error) {
    notRun(`Downloading VS Code failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main() {
  const suite = join(root, 'dist/test/desktop/suite.js');
  if (!existsSync(suite)) {
    console.error(`${suite} is missing; run \`node esbuild.mjs\` first.`);
    report({ passed: 0, failed: 1 }, 1);
  }
  const vscodeExecutablePath = await findVSCode();
  rerunUnderXvfbIfNeeded();

  // A copy, because "Compile to JSON" writes real files beside the scripts.
  const workspace = mkdtempSync(join(tmpdir(), 'sop-desktop-'));
  cpSync(join(root, 'test/web/workspace'), workspace, { recursive: true });
  const resultFile = join(workspace, '.result.json');
  let status;
  try {
    status = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      extensionTestsEnv: { SOP_DESKTOP_RESULT: resultFile },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
  } catch (error) {
    console.error(`VS Code did not run the tests: ${error instanceof Error ? error.message : String(error)}`);
    status = 1;
  }
  const counts = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 1 };
  rmSync(workspace, { recursive: true, force: true });
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  report(counts, counts.failed > 0 ? 1 : 0);
}

await main();

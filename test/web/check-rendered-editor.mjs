// Opens sample.sop in VS Code for the Web the way a user would and checks what is drawn:
// the language server's error squiggle with its message on hover, and keywords coloured
// unlike strings (the grammar at work). The screenshot is the test's artifact and the
// README's picture (docs/images/editor.png, refreshed with SOP_UPDATE_SCREENSHOT=1).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hoverSquiggle } from './hover-squiggle.mjs';
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

    // For the picture: hide the side bar (it lists the test fixtures) and point at the
    // squiggle, whose hover must show the server's message.
    await editor.click();
    await page.keyboard.press('Control+B');
    await hoverSquiggle(page, editor, 'banned-phrase', DEADLINE_MS);
    const artifact = join(root, 'test-results/editor.png');
    await page.screenshot({ path: artifact });
    // The README's copy is refreshed on request only: pixels differ from run to run, and a
    // test run should not leave the working tree changed.
    const readmeImage = join(root, 'docs/images/editor.png');
    if (process.env.SOP_UPDATE_SCREENSHOT === '1' || !existsSync(readmeImage)) {
      mkdirSync(join(root, 'docs/images'), { recursive: true });
      copyFileSync(artifact, readmeImage);
    }
  } finally {
    await workbench.close();
  }
}

// Points at the first error squiggle of an editor until its hover, holding `text`, shows.
//
// The workbench may still be laying itself out when the squiggle first appears (the side
// bar hides, a reload restores the panels, a notification slides in), so the squiggle can
// move after the pointer got there and no hover ever opens. Pointing at the squiggle where
// it is now, again, until the hover shows, keeps what the checks assert unchanged.
export async function hoverSquiggle(page, editor, text, deadlineMs) {
  const hover = page.locator('.monaco-hover').filter({ hasText: text }).first();
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const box = await editor.locator('.squiggly-error').first().boundingBox();
    if (!box) throw new Error('the squiggle is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      return hover;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      // Leaving the squiggle first makes the next arrival a new hover for the editor.
      await page.mouse.move(0, 0);
    }
  }
}

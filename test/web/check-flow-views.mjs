// The flow graph and the simulator as a user meets them, driven by Playwright in VS Code for
// the Web: "SOP: Show Flow Graph" from the command palette draws one node per step and an
// arrow per jump of flow.sop (counted in the webview's own DOM); clicking a step moves the
// editor's cursor to its line (read from the status bar); typing a new situation redraws
// the graph; "SOP: Simulate Situation" with the cursor in silent_call opens the simulator,
// and clicking "Caller silent" three times ends the call with a hang-up. Screenshots: test-results/flow-graph.png and test-results/simulator.png,
// copied to docs/images/ for the README (refreshed with SOP_UPDATE_SCREENSHOT=1).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MOUNT, openWorkbench, root } from './serve-workbench.mjs';

const SAMPLE = 'flow.sop';
const DEADLINE_MS = 60_000;
/** flow.sop: 10 + 4 + 2 + 4 steps, greeting → silent_call and closing → farewell_polite. */
const EXPECTED = { situations: 4, steps: 20, jumps: 2 };

export async function checkFlowViews(browser) {
  const payload = JSON.stringify([['openFile', `${MOUNT}/${SAMPLE}`]]);
  const workbench = await openWorkbench(browser, { query: `?payload=${encodeURIComponent(payload)}` });
  const { page } = workbench;
  const checks = [];
  try {
    const editor = page.locator('.part.editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: DEADLINE_MS });
    // The CodeLenses appear once the server has parsed the file.
    await editor.locator('.codelens-decoration a', { hasText: 'Simulate' }).first().waitFor({ timeout: DEADLINE_MS });
    await editor.click();
    await page.keyboard.press('Control+B'); // hide the side bar: more room for the pictures

    // ── the flow graph ──
    await runCommand(page, 'SOP: Show Flow Graph');
    const graph = await webviewFrame(page, '#stage svg [data-node]');
    const drawn = await graph.evaluate(() => ({
      situations: document.querySelectorAll('#stage [data-situation]').length,
      steps: document.querySelectorAll('#stage [data-node]').length,
      jumps: document.querySelectorAll('#stage [data-jump]').length,
    }));
    if (JSON.stringify(drawn) !== JSON.stringify(EXPECTED)) {
      throw new Error(`the graph drew ${JSON.stringify(drawn)}, expected ${JSON.stringify(EXPECTED)}`);
    }
    checks.push(`the graph drew ${drawn.situations} situations, ${drawn.steps} steps and ${drawn.jumps} jumps`);

    // `fallback goto silent_call` of greeting is on line 24, column 12.
    await graph.locator('[data-node="greeting/2/fallback/1"]').click();
    await waitForStatus(page, /Ln 24, Col 12/);
    checks.push('clicking the goto step of greeting put the cursor on its line (Ln 24, Col 12)');
    // The cursor's situation is highlighted in the graph.
    await graph.locator('[data-situation="greeting"].current').waitFor({ state: 'attached', timeout: DEADLINE_MS });
    checks.push("the cursor's situation is highlighted in the graph");
    await shoot(page, 'flow-graph.png');

    // Typing a situation with a jump redraws the graph (the edit is never saved).
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nsituation extra {\ngoto greeting', { delay: 10 });
    await graph.waitForFunction(() => document.getElementById('summary')?.textContent === '5 situations · 21 steps · 3 jumps', undefined, {
      timeout: DEADLINE_MS,
    });
    checks.push('typing a situation with a goto redrew the graph (5 situations, 21 steps, 3 jumps)');

    // ── the simulator, from the command palette with the cursor in silent_call ──
    await page.keyboard.press('Control+Home');
    await editor.locator('.view-line', { hasText: 'situation silent_call' }).click();
    await waitForStatus(page, /Ln 5,/);
    await runCommand(page, 'SOP: Simulate Situation');
    const simulator = await webviewFrame(page, '#transcript li');
    for (let i = 1; i <= 3; i++) {
      const silent = simulator.locator('#silent:not([disabled])');
      await silent.waitFor({ timeout: DEADLINE_MS });
      const before = await simulator.locator('#transcript li').count();
      await silent.click();
      await simulator.waitForFunction((n) => document.querySelectorAll('#transcript li').length > n, before, { timeout: DEADLINE_MS });
    }
    const outcome = simulator.locator('#outcome:not([hidden])');
    await outcome.waitFor({ timeout: DEADLINE_MS });
    const text = await outcome.textContent();
    const transcript = await simulator.locator('#transcript').innerText();
    if (text !== 'outcome: hangup at 00:30.5') throw new Error(`the simulator ended with "${text}"`);
    const silences = (transcript.match(/WAIT 5s → silence/g) ?? []).length;
    if (silences !== 3 || !/\[00:30\.5\] HANGUP/.test(transcript)) {
      throw new Error(`unexpected transcript:\n${transcript}`);
    }
    checks.push('the simulator played three silences and hung up at 00:30.5');
    // The step the call ended on is highlighted in the editor (the simulator's decoration).
    await editor.locator('.view-overlays > div > div[class*="ced-"]').first().waitFor({ state: 'attached', timeout: DEADLINE_MS }).catch(() => {
      throw new Error('no highlighted line in the editor for the current step');
    });
    checks.push('the current step is highlighted in the editor');
    await shoot(page, 'simulator.png');
    return checks;
  } catch (error) {
    // What the screen showed when it failed, and how far it got.
    await page.screenshot({ path: join(root, 'test-results/flow-views-failure.png') }).catch(() => {});
    throw new Error(`${error.message}\n    (passed before: ${checks.join('; ') || 'nothing'}; see test-results/flow-views-failure.png)`);
  } finally {
    await workbench.close();
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: DEADLINE_MS });
  await input.fill(`>${title}`);
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await item.waitFor({ state: 'visible', timeout: DEADLINE_MS });
  await page.keyboard.press('Enter');
}

/**
 * The content frame of the webview that holds `selector`. VS Code nests each webview's
 * page in an inner frame (`#active-frame`) of its own iframe, so the frames are searched.
 */
async function webviewFrame(page, selector) {
  const deadline = Date.now() + DEADLINE_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview shows ${selector}`);
}

async function waitForStatus(page, pattern) {
  const status = page.locator('.statusbar-item[id="status.editor.selection"]');
  const deadline = Date.now() + DEADLINE_MS;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await status.textContent().catch(() => '')) ?? '';
    if (pattern.test(seen)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the status bar says "${seen}", expected ${pattern}`);
}

async function shoot(page, name) {
  const artifact = join(root, 'test-results', name);
  await page.screenshot({ path: artifact });
  const readmeImage = join(root, 'docs/images', name);
  if (process.env.SOP_UPDATE_SCREENSHOT === '1' || !existsSync(readmeImage)) {
    mkdirSync(join(root, 'docs/images'), { recursive: true });
    copyFileSync(artifact, readmeImage);
  }
}

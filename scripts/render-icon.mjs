// Renders `images/icon.svg` to the 128×128 `images/icon.png` the marketplace requires
// (it rejects SVG icons). Run after editing the SVG: `node scripts/render-icon.mjs`.
import { readFileSync } from 'node:fs';
import { launchChromium } from './ensure-chromium.mjs';

const svg = readFileSync('images/icon.svg', 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'images/icon.png', omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}

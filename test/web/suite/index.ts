/**
 * The test entry VS Code for the Web loads in its extension host (a web worker). Mocha 11's
 * browser build is used because mocha 12 is ESM-only and breaks this bundle.
 */
import { defineEditorTests } from './editor-suite';
import { defineFlowViewTests } from './flow-views-suite';
import { defineScriptTestTests } from './script-tests-suite';

/** The line `test/web/run.mjs` reads the counts from. */
const RESULT_MARKER = 'SOP_WEB_RESULT';

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 30_000 });
  defineEditorTests();
  defineFlowViewTests();
  defineScriptTestTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures };
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed: stats.passes, failed: stats.failures })}`);
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
  });
}

/** The part of the browser build's global `mocha` this entry uses. */
interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number }): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number } };
}

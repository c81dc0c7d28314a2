/**
 * The test entry desktop VS Code loads in its Node extension host: the same editor tests
 * as the web suite, run by Node mocha. The counts go to `$SOP_DESKTOP_RESULT` for
 * `test/desktop/run.mjs`.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { defineEditorTests } from '../../web/suite/editor-suite';
import { defineFlowViewTests } from '../../web/suite/flow-views-suite';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 30_000, color: true });
  // Installs `suite`/`test` as globals bound to this runner before the tests are declared.
  mocha.suite.emit('pre-require', globalThis, 'editor-suite', mocha);
  defineEditorTests();
  defineFlowViewTests();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const result = process.env.SOP_DESKTOP_RESULT;
      if (result) {
        writeFileSync(result, JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures }));
      }
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
  });
}

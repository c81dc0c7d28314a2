// `npm run test:web`: the extension in a real VS Code for the Web, headless.
//   1. the editor tests (test/web/suite, bundled to dist/test/web/suite.js) run inside the
//      workbench's extension host;
//   2. a Playwright check of the rendered editor on test/web/workspace/sample.sop: the error
//      squiggle is drawn and keywords are coloured; its screenshot is kept as
//      test-results/editor.png and copied to docs/images/editor.png for the README;
//   3. a Playwright check of the flow graph and the simulator webviews on
//      test/web/workspace/flow.sop (check-flow-views.mjs): node and arrow counts, a click
//      that moves the cursor, three silences to the hang-up; screenshots flow-graph.png and
//      simulator.png.
// Ends with `test:web: N passed, N failed` and writes the counts to $SOP_TEST_SUMMARY for
// test/run-all.mjs. Anything that stops a phase from reporting counts as a failure.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureCjkFont, launchChromium } from '../../scripts/ensure-chromium.mjs';
import { ensureWebToolchain } from '../../scripts/ensure-web-toolchain.mjs';
import { checkFlowViews } from './check-flow-views.mjs';
import { checkRenderedEditor } from './check-rendered-editor.mjs';
import { checkChineseWorkbench } from './check-locale.mjs';
import { openWorkbench, root } from './serve-workbench.mjs';

/** The whole run may take this long; headless Chromium can hang without a display. */
const RUN_DEADLINE_MS = 330_000;
/** Phase 1 (VS Code start, server start, every test) must finish within this. */
const TESTS_DEADLINE_MS = 180_000;
const RESULT_MARKER = 'SOP_WEB_RESULT ';
/** Workbench chatter that says nothing about the extension; shown with SOP_WEB_VERBOSE=1. */
const NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Found additional builtin location extensions/,
  /^\[AccountPolicyGate\]/,
  /^\[AgentHost/,
  /^\[lifecycle\] Long running operations during shutdown/,
  /package\.nls\.json/,
];
const isNoise = (text) => !process.env.SOP_WEB_VERBOSE && NOISE.some((re) => re.test(text));

const counts = { passed: 0, failed: 0 };

function finish() {
  console.log(`\ntest:web: ${counts.passed} passed, ${counts.failed} failed`);
  if (process.env.SOP_TEST_SUMMARY) {
    writeFileSync(process.env.SOP_TEST_SUMMARY, JSON.stringify({ ...counts, skipped: 0 }));
  }
  process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0);
}

const watchdog = setTimeout(() => {
  console.error(`test:web: gave up after ${RUN_DEADLINE_MS / 1000} s`);
  counts.failed += 1;
  finish();
}, RUN_DEADLINE_MS);

function withDeadline(promise, ms, what) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Phase 1: the mocha suite inside the workbench; returns its counts. */
async function runEditorTests(browser) {
  let result;
  let exited;
  const exit = new Promise((resolve) => (exited = resolve));
  const workbench = await openWorkbench(browser, {
    extensionTestsPath: join(root, 'dist/test/web/suite.js'),
    exposed: {
      codeAutomationLog: (type, args) => {
        const text = args.map(String).join(' ');
        if (text.startsWith(RESULT_MARKER)) result = JSON.parse(text.slice(RESULT_MARKER.length));
        else if (!isNoise(text)) (console[type] ?? console.log)(...args);
      },
      codeAutomationExit: (code) => exited(code),
    },
  });
  try {
    const code = await withDeadline(exit, TESTS_DEADLINE_MS, 'the editor tests');
    if (!result) throw new Error(`the workbench exited (code ${code}) before the tests reported`);
    return result;
  } finally {
    await workbench.close();
  }
}

async function main() {
  ensureWebToolchain();
  ensureChromium();
  ensureCjkFont();
  const bundle = join(root, 'dist/test/web/suite.js');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing; run \`node esbuild.mjs\` first.`);
  mkdirSync(join(root, 'test-results'), { recursive: true });

  const started = Date.now();
  const browser = await launchChromium();
  try {
    console.log('== editor tests in VS Code for the Web ==');
    try {
      const result = await runEditorTests(browser);
      counts.passed += result.passed;
      counts.failed += result.failed;
    } catch (error) {
      console.error(`editor tests: ${error.message}`);
      counts.failed += 1;
    }

    console.log('\n== rendered editor (Playwright) ==');
    try {
      await checkRenderedEditor(browser);
      console.log('  ✔ the sample shows an error squiggle, its hover and coloured keywords (test-results/editor.png)');
      counts.passed += 1;
    } catch (error) {
      console.error(`  ✘ rendered editor: ${error.message}`);
      counts.failed += 1;
    }

    console.log('\n== display language 中文(简体) (Playwright) ==');
    try {
      const seen = await checkChineseWorkbench(browser);
      console.log(`  ✔ workbench in zh-cn: diagnostic "${seen.hover}"; command "${seen.command}" from package.nls.zh-cn.json (the web build alone shows "${seen.byItself}" for a folder extension) (test-results/editor-zh-cn.png)`);
      counts.passed += 1;
    } catch (error) {
      console.error(`  ✘ Chinese display language: ${error.message}`);
      counts.failed += 1;
    }

    console.log('\n== flow graph and simulator webviews (Playwright) ==');
    try {
      for (const check of await checkFlowViews(browser)) console.log(`  ✔ ${check}`);
      counts.passed += 1;
    } catch (error) {
      console.error(`  ✘ flow views: ${error.message}`);
      counts.failed += 1;
    }
  } finally {
    await browser.close().catch(() => {});
  }
  console.log(`(took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main()
  .catch((error) => {
    console.error(`test:web could not run: ${error.message}`);
    counts.failed += 1;
  })
  .finally(() => {
    clearTimeout(watchdog);
    finish();
  });

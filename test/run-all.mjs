// Runs every test suite that can run on this machine and ends with the one line CI reads:
// `N passed, N failed`. A suite that crashes before reporting counts as one failure, so a
// broken suite can never look like a passing one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Each suite: a name and the command that runs it, writing its counts to a summary file. */
const suites = [
  {
    name: 'unit, lint, grammar, cli, language-server and fuzz tests',
    command: [
      process.execPath,
      join(root, 'node_modules/mocha/bin/mocha.js'),
      '--import=tsx',
      '--reporter', join(root, 'test/support/summary-reporter.cjs'),
      '--timeout', '20000',
      'test/unit/**/*.test.ts',
      'test/lint/**/*.test.ts',
      'test/grammar/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/lsp/**/*.test.ts',
      'test/fuzz/**/*.test.ts',
      'test/web/*.test.ts',
      'test/install/**/*.test.ts',
    ],
  },
  ...(process.env.SOP_SKIP_WEB
    ? []
    : [{ name: 'VS Code for the Web tests', command: [process.execPath, join(root, 'test/web/run.mjs')] }]),
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  const summary = join(resultsDir, `summary-${suites.indexOf(suite)}.json`);
  rmSync(summary, { force: true });
  console.log(`\n=== ${suite.name} ===`);
  const run = spawnSync(suite.command[0], suite.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SOP_TEST_SUMMARY: summary },
  });
  if (existsSync(summary)) {
    const counts = JSON.parse(readFileSync(summary, 'utf8'));
    passed += counts.passed;
    failed += counts.failed;
    if (run.status !== 0 && counts.failed === 0) failed += 1;
  } else {
    console.log(`${suite.name}: no results (exit ${run.status ?? run.signal})`);
    failed += 1;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

/**
 * The `sop` executable's entry with every command (bundled to `dist/cli/sop.js`).
 */
import { runBuild } from './commands/build';
import { runCheck } from './commands/check';
import { runExport } from './commands/export';
import { runFmt } from './commands/fmt';
import { runGraph } from './commands/graph';
import { runSimulate } from './commands/simulate';
import { runTest } from './commands/test';
import { runProcess } from './process-main';

runProcess({
  check: runCheck,
  build: runBuild,
  fmt: runFmt,
  graph: runGraph,
  simulate: runSimulate,
  test: runTest,
  export: runExport,
});

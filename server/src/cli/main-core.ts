/**
 * The `sop` executable's entry for the commands a pipeline runs on every push, `check` and
 * `build` (bundled to `dist/cli/sop-core.js`). It holds only what they need, so a process
 * loads and deserialises less than the whole CLI (`dist/cli/sop.js`): no YAML reader,
 * schema validator, exporters or graph layout. `bin/sop.js` starts it for those commands
 * (and `--version`, `--help`); any other command it is given goes to the whole CLI.
 */
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { runBuild } from './commands/build';
import { runCheck } from './commands/check';
import { runProcess } from './process-main';

runProcess({ check: runCheck, build: runBuild }, () => {
  // The whole CLI, next to this bundle, reads the same command line itself.
  createRequire(__filename)(path.join(__dirname, 'sop.js'));
});

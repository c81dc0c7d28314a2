#!/usr/bin/env node
// The `sop` command: the bundled CLI (`npm run build` writes dist/cli/sop.js).
require('../dist/cli/sop.js');

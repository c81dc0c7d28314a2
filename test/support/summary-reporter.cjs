// Mocha's spec reporter that also writes the pass/fail counts to $SOP_TEST_SUMMARY, so
// `test/run-all.mjs` can total every suite into the one line CI reads.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.SOP_TEST_SUMMARY;
      if (!file) return;
      const { passes, failures, pending } = runner.stats ?? {};
      fs.writeFileSync(file, JSON.stringify({ passed: passes ?? 0, failed: failures ?? 0, skipped: pending ?? 0 }));
    });
  }
}

module.exports = SummaryReporter;

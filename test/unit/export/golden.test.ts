/**
 * Golden exports: a few fixtures exported to every target, compared byte for byte with
 * `test/fixtures/export/`. `UPDATE_GOLDEN=1` rewrites them instead.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXPORT_TARGETS } from '../../../server/src/language/export/index';
import { repoRoot } from '../compile/load';
import { EXPORT_INPUTS, exportInput, loadInput } from './inputs';

const update = process.env.UPDATE_GOLDEN === '1';
const goldenDir = path.join(repoRoot, 'test/fixtures/export');
const GOLDEN_INPUTS = ['test/fixtures/compile/transfer-hold-promise.sop', 'test/fixtures/compile/nested-fallbacks.sop'];

describe('export: golden files', () => {
  for (const name of GOLDEN_INPUTS) {
    for (const target of EXPORT_TARGETS) {
      it(`${name} as ${target}`, async () => {
        const input = EXPORT_INPUTS.find((i) => i.name === name)!;
        const result = exportInput(await loadInput(input), target);
        assert.ok(result.files.length > 0);
        for (const file of result.files) {
          const golden = path.join(goldenDir, path.basename(name, '.sop') + file.extension);
          if (update) {
            mkdirSync(goldenDir, { recursive: true });
            writeFileSync(golden, file.content);
            continue;
          }
          assert.ok(existsSync(golden), `${golden} is missing: run the tests with UPDATE_GOLDEN=1 to create it`);
          assert.equal(file.content, readFileSync(golden, 'utf8'), `${path.relative(repoRoot, golden)} differs (UPDATE_GOLDEN=1 accepts the new output)`);
        }
      });
    }
  }
});

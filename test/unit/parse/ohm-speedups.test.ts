/**
 * `syntax/ohm-speedups.ts` replaces some of Ohm's interpreter methods with faster ones that
 * must behave exactly the same: the same CST for every match, the same message and failure
 * position for every failed one. Compared on generated, mutated and random inputs against a
 * process where Ohm runs as shipped.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import * as ohm from 'ohm-js';
import { parseSop } from '../../../server/src/language/parse';
import { ohmSpeedupsActive } from '../../../server/src/language/syntax/ohm-speedups';
import { anyInput } from '../../fuzz/arbitraries';
import { dumpMatches } from './ohm-match-dump';

const root = join(__dirname, '..', '..', '..');

describe('Ohm speedups', () => {
  it('are in use with the pinned Ohm version', () => {
    parseSop('a.sop', 'situation a {\n  say "x"\n}\n');
    assert.equal(ohm.version, '17.5.0');
    assert.equal(ohmSpeedupsActive(), true);
  });

  it('match every input exactly as Ohm as shipped does', function () {
    this.timeout(60_000);
    const samples = readdirSync(join(root, 'samples'))
      .filter((f) => f.endsWith('.sop'))
      .map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
    const inputs = [...samples, 'say "😀{x}\\"”"', 'wait 5s reply { say “好” } fallback hangup', ...fc.sample(anyInput, { numRuns: 300, seed: 5 })];
    parseSop('a.sop', ''); // installs the speedups in this process
    const patched = dumpMatches(inputs);
    const shipped = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'ohm-match-dump.ts')], {
      cwd: root,
      input: JSON.stringify(inputs),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.equal(shipped.status, 0, shipped.stderr);
    assert.deepEqual(patched, JSON.parse(shipped.stdout));
  });
});

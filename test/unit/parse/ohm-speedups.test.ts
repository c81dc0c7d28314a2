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
    // Tokens are matched by regular expressions compiled from the grammar (code points, not
    // code units), so the inputs include astral and lone surrogate characters, every blank
    // and comment form, keywords glued to identifiers and every unit.
    const tricky = [
      'say "😀{x}\\"”"',
      'wait 5s reply { say “好” } fallback hangup',
      'situation 𠀋a "\ud800" {\n  say "\udc00x"\n}\n',
      'situation a\u3000"t"\u00a0tags x，y、z {\ufeff# c\r\n  when "w" # trailing\r  goto sayx\n}',
      'situation saying {\n  wait 1.5m reply goto hangup2 fallback 兜底\n  promise 2小时 "x"\n  hold 3毫秒\n}',
      'situation a {\n  wait 5sx\n  wait 10ms\n  wait 1d\n  say"x"\n  说“你好”\n  说明 "x"\n}',
      'situation a {\n  goto Ab_c-9\n  goto Ⅻ\n  goto a\u0301\n  transfer "\\{x\\}{y}"\n}',
    ];
    const inputs = [...samples, ...tricky, ...fc.sample(anyInput, { numRuns: 300, seed: 5 })];
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

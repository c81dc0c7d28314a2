/**
 * Re-linting an edited document with the per-situation cache (what the editor does on
 * every keystroke) gives exactly the findings of an uncached lint, whatever the edits.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScript } from '../../../bench/generate';
import { defaultConfig } from '../../../server/src/language/config';
import { createSopServices, singleFileProgram } from '../../../server/src/language';
import { lintProgram } from '../../../server/src/language/lint/lint';
import { RULE_METAS } from '../../../server/src/language/lint/registry';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const config = defaultConfig(RULE_METAS);

/** Edits an author might make, including ones that break and repair the syntax. */
const INSERTIONS = ['x', ' ', '\n', '"', '{', '}', '我不知道', 'wait 5s\n', 'hangup\n', 'situation z {\n', '\r\n', '说 “好”\n'];

function* edits(text: string, count: number, seed: number): Generator<string> {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = next(current.length + 1);
    if (next(3) === 0 && current.length > 0) {
      current = current.slice(0, at) + current.slice(Math.min(current.length, at + 1 + next(12)));
    } else {
      current = current.slice(0, at) + INSERTIONS[next(INSERTIONS.length)] + current.slice(at);
    }
    yield current;
  }
}


describe('lint cache across edits', () => {
  const sources: [string, string][] = [
    ...readdirSync(SAMPLES)
      .filter((name) => name.endsWith('.sop'))
      .map((name): [string, string] => [name, readFileSync(join(SAMPLES, name), 'utf8')]),
    ['generated 400 lines', generateScript(400)],
  ];
  for (const [name, text] of sources) {
    it(`gives the findings of an uncached lint after each of 60 edits of ${name}`, () => {
      const services = createSopServices();
      const uri = `file:///cache/${name}`;
      // The same parse linted twice: through the facade's cache and by the bare engine.
      const both = (t: string) => {
        const program = singleFileProgram(services.parse(uri, t));
        return [services.lint(program, config), lintProgram(program, config)];
      };
      const [cached, uncached] = both(text);
      assert.deepEqual(cached, uncached);
      let step = 0;
      for (const edited of edits(text, 60, name.length)) {
        step++;
        const [c, u] = both(edited);
        assert.deepEqual(c, u, `after edit ${step}`);
      }
    });
  }
});

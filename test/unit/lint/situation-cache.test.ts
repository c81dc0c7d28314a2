/**
 * Re-linting an edited document through the editor's caches (what the editor does on every
 * keystroke: the parser reuses and moves unchanged situations, the lint reuses their
 * reports and their whole-program facts) gives exactly the findings of a lint of a fresh
 * parse with no cache, whatever the edits.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateScript } from '../../../bench/generate';
import { defaultConfig } from '../../../server/src/language/config';
import { createSopServices, parseSop, singleFileProgram, type Finding, type SopServices } from '../../../server/src/language';
import { lintProgram } from '../../../server/src/language/lint/lint';
import { RULE_METAS } from '../../../server/src/language/lint/registry';
import { INSERTIONS, randomEdits } from '../../support/random-edits';

const SAMPLES = join(__dirname, '..', '..', '..', 'samples');
const config = defaultConfig(RULE_METAS);

/** Edits that also change what fixes read outside their situation: quotes, the locale. */
const EDITS = [...INSERTIONS, '“', '”', 'goto s1\n', '{姓氏}', 'var 姓氏\n', 'locale "en-US"\n', '# sop-disable-next-line\n'];

/** The findings through the editor's caches, and those of a fresh parse without any. */
function both(services: SopServices, uri: string, text: string): [Finding[], Finding[]] {
  const cached = services.lint(singleFileProgram(services.parse(uri, text)), config);
  const fresh = lintProgram(singleFileProgram(parseSop(uri, text)), config);
  return [cached, fresh];
}

describe('lint cache across edits', () => {
  const sources: [string, string][] = [
    ...readdirSync(SAMPLES)
      .filter((name) => name.endsWith('.sop'))
      .map((name): [string, string] => [name, readFileSync(join(SAMPLES, name), 'utf8')]),
    ['generated 200 lines', generateScript(200)],
  ];
  for (const [name, text] of sources) {
    it(`gives the findings of an uncached lint after each of 60 edits of ${name}`, () => {
      const services = createSopServices();
      const uri = `file:///cache/${name}`;
      const [cached, fresh] = both(services, uri, text);
      assert.deepEqual(cached, fresh);
      let step = 0;
      for (const edited of randomEdits(text, 60, name.length, EDITS)) {
        step++;
        const [c, f] = both(services, uri, edited);
        assert.deepEqual(c, f, `after edit ${step}`);
      }
    });
  }

  // The fix for a wait without a fallback writes its goodbye in the quotes of the nearest
  // `say` before it, here in the situation above, and in the language of the locale.
  const QUOTED = 'locale "zh-CN"\nsituation a {\n  say “您好”\n  end\n}\nsituation b {\n  wait 5s\n}\n';

  it('gives the findings of an uncached lint when the quotes of the situation above change', () => {
    const services = createSopServices();
    both(services, 'file:///q.sop', QUOTED);
    const [cached, fresh] = both(services, 'file:///q.sop', QUOTED.replace('“您好”', '"您好"'));
    assert.deepEqual(cached, fresh);
    assert.match(JSON.stringify(fresh), /say \\"/, 'the fix now uses ASCII quotes');
  });

  it('gives the findings of an uncached lint when only the situation below a say changes', () => {
    const services = createSopServices();
    both(services, 'file:///b.sop', QUOTED);
    const [cached, fresh] = both(services, 'file:///b.sop', QUOTED.replace('wait 5s', 'wait 6s'));
    assert.deepEqual(cached, fresh);
    assert.match(JSON.stringify(fresh), /say “/, 'the fix uses the quotes of the say above');
  });

  it('gives the findings of an uncached lint when the locale changes', () => {
    const services = createSopServices();
    both(services, 'file:///l.sop', QUOTED);
    const [cached, fresh] = both(services, 'file:///l.sop', QUOTED.replace('zh-CN', 'en-US'));
    assert.deepEqual(cached, fresh);
  });

  it('gives the findings of an uncached lint when two situations share a line', () => {
    const services = createSopServices();
    const text = 'situation a {\n  say "1"\n  end\n}\nsituation b { say "2" wait 5s } situation c { say "3" wait 7s }\n';
    both(services, 'file:///s.sop', text);
    // The quotes of a's say reach b's fixes but not c's, which b's say is nearer to.
    for (const edited of [text.replace('"1"', '“1”'), text, text.replace('wait 7s', 'wait 8s'), 'x' + text]) {
      const [cached, fresh] = both(services, 'file:///s.sop', edited);
      assert.deepEqual(cached, fresh);
    }
  });

  it('gives the findings of an uncached lint when a situation a jump names appears or goes', () => {
    const services = createSopServices();
    const text = 'var x\nsituation a {\n  say "{x}"\n  goto b\n}\nsituation c {\n  say "{y}"\n  end\n}\n';
    both(services, 'file:///g.sop', text);
    for (const edited of [text.replace('situation c', 'situation b'), text, text.replace('var x', 'var x, y'), text]) {
      const [cached, fresh] = both(services, 'file:///g.sop', edited);
      assert.deepEqual(cached, fresh);
    }
  });
});

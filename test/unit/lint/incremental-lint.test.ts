/**
 * The parts of the lint that a keystroke updates rather than recomputes — the per-file
 * facts (lists of the situations with jumps, placeholders, silent jumps; counts of ids and
 * variable names), the reports of the whole-program rules kept per piece, the lint cache's
 * choice of situations to look at — give what a fresh parse and lint give, after random
 * edits of scripts full of whole-program findings. A parse also gives the same trees when
 * they are read late, after later parses of the same document.
 */
import assert from 'node:assert/strict';
import { defaultConfig } from '../../../server/src/language/config';
import { createSopServices, parseSop, SopParser, singleFileProgram, type Finding, type SopServices } from '../../../server/src/language';
import { lintProgram } from '../../../server/src/language/lint/lint';
import { RULE_METAS } from '../../../server/src/language/lint/registry';
import { fileFactsOf } from '../../../server/src/language/lint/situation-facts';
import { INSERTIONS, randomEdits } from '../../support/random-edits';

const config = defaultConfig(RULE_METAS);

/**
 * Jumps to missing and duplicated situations, undeclared placeholders, silent jump cycles,
 * a suppression, quotes of both kinds: every whole-program rule has something to say.
 */
function script(copies: number): string {
  const out = ['locale "zh-CN"', 'var 姓氏, 工号', ''];
  for (let i = 0; i < copies; i++) {
    out.push(
      `situation a${i} {`,
      `  say "您好,{姓氏}{名字}"`,
      `  goto b${i}`,
      '}',
      `situation b${i} {`,
      `  goto c${i}`,
      '}',
      `情景 c${i} {`,
      `  转到 b${i}`,
      '}',
      '# sop-disable-next-line unknown-situation',
      `situation d${i} { say “{工号}” wait 5s fallback goto nowhere${i} }`,
      `situation a${i} {`,
      '  wait 5s',
      '}',
      '',
    );
  }
  return out.join('\n');
}

const EDITS = [...INSERTIONS, 'goto a0\n', 'goto zz\n', '{名字}', 'var 名字\n', 'situation b1 {\n', '“', '"', 'say "hi"\n', '# sop-disable\n'];

function both(services: SopServices, uri: string, text: string): [Finding[], Finding[]] {
  const cached = services.lint(singleFileProgram(services.parse(uri, text)), config);
  const fresh = lintProgram(singleFileProgram(parseSop(uri, text)), config);
  return [cached, fresh];
}

/** What the facts say, in a form that does not depend on how they were built. */
function factsSummary(text: string, parse: (text: string) => ReturnType<typeof parseSop>) {
  const facts = fileFactsOf(parse(text));
  const sorted = (map: ReadonlyMap<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    withGotos: facts.withGotos,
    withPlaceholders: facts.withPlaceholders,
    withSilentJump: facts.withSilentJump,
    withSays: facts.withSays,
    sharingLines: facts.sharingLines,
    ids: sorted(facts.idCounts),
    names: sorted(facts.placeholderNames),
  };
}

describe('incremental lint across edits', () => {
  for (const seed of [1, 42]) {
    it(`gives the findings of a fresh lint after each of 60 edits (seed ${seed})`, () => {
      const services = createSopServices();
      const uri = `file:///incremental/${seed}.sop`;
      const text = script(3);
      let [cached, fresh] = both(services, uri, text);
      assert.deepEqual(cached, fresh);
      let step = 0;
      for (const edited of randomEdits(text, 60, seed, EDITS)) {
        step++;
        [cached, fresh] = both(services, uri, edited);
        assert.deepEqual(cached, fresh, `after edit ${step}`);
      }
    });

    it(`keeps the per-file facts equal to a fresh collection after each of 80 edits (seed ${seed})`, () => {
      const parser = new SopParser();
      const text = script(4);
      let step = 0;
      for (const edited of [text, ...randomEdits(text, 80, seed, EDITS)]) {
        step++;
        const incremental = factsSummary(edited, (t) => parser.parse('file:///f.sop', t));
        const fresh = factsSummary(edited, (t) => parseSop('file:///f.sop', t));
        assert.deepEqual(incremental, fresh, `after edit ${step}`);
      }
    });
  }

  it('reports a jump to a situation that an edit removed, and forgets it when the situation is back', () => {
    const services = createSopServices();
    const uri = 'file:///gone.sop';
    const text = script(3);
    const gone = text.replace('situation b2 {', 'situation x2 {');
    for (const edited of [text, gone, text, gone.replace('situation a0', 'situation a00')]) {
      const [cached, fresh] = both(services, uri, edited);
      assert.deepEqual(cached, fresh);
    }
    const findings = services.lint(singleFileProgram(services.parse(uri, gone)), config);
    assert.ok(findings.some((f) => f.rule === 'unknown-situation' && f.message.includes('"b2"')));
  });

  it('gives the trees of a fresh parse when an older parse is read after later ones', () => {
    const parser = new SopParser();
    const text = script(3);
    const versions = [text, ...randomEdits(text, 30, 3, EDITS)];
    const files = versions.map((t) => parser.parse('file:///late.sop', t));
    // Read the newest first: the older parses must not see the newer moves.
    for (let i = files.length - 1; i >= 0; i--) {
      const fresh = parseSop('file:///late.sop', versions[i]);
      assert.deepEqual(files[i].decls, fresh.decls, `version ${i}`);
      assert.deepEqual(files[i].comments, fresh.comments, `version ${i}`);
      assert.deepEqual(files[i].errors, fresh.errors, `version ${i}`);
    }
  });
});

/**
 * Output that can be diffed and cached: byte-identical across runs, node ids that do not
 * move when another situation is edited, and source positions in the editor's units
 * (1-based lines, UTF-16 columns) even after CJK and astral characters.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { compileProgram, serializeCompiled } from '../../../server/src/language/compile/compile';
import { parseSop } from '../../../server/src/language/parse';
import { singleFileProgram } from '../../../server/src/language/program';
import { compileFromDisk, fixturesDir, samplesDir } from './load';

const compileText = (text: string, uri = 'test.sop') => compileProgram(singleFileProgram(parseSop(uri, text)));

describe('compile: determinism', () => {
  for (const [file, base] of [
    [path.join(fixturesDir, 'chinese-keywords.sop'), fixturesDir],
    [path.join(samplesDir, 'complaints.sop'), samplesDir],
  ]) {
    it(`${path.basename(file)} compiles to the same bytes twice`, async () => {
      const first = serializeCompiled(await compileFromDisk(file, base));
      const second = serializeCompiled(await compileFromDisk(file, base));
      assert.equal(first, second);
      assert.ok(first.endsWith('}\n') && !first.includes('\r'));
    });
  }

  it('names files through displayPath only', () => {
    const script = compileProgram(singleFileProgram(parseSop('/home/someone/project/a.sop', 'situation s { end }')), {
      displayPath: (uri) => path.posix.basename(uri),
    });
    assert.doesNotMatch(serializeCompiled(script), /home\/someone/);
    assert.equal(script.ivr.nodes['s/1'].source.file, 'a.sop');
  });
});

describe('compile: stable node ids', () => {
  const before = `situation a {
  say "一"
  wait 5s
  fallback { say "二" hangup }
}
situation b {
  say "三"
  wait 5s
  fallback { hangup }
}
`;
  // A step is added to the first situation and to b's fallback body after "二"'s position.
  const after = before.replace('say "一"', 'note "新增"\n  say "一"');

  it("editing one situation does not rename another's nodes", () => {
    const idsOf = (text: string, situation: string) =>
      Object.entries(compileText(text).ivr.nodes)
        .filter(([, node]) => node.situation === situation)
        .map(([id, node]) => `${id} ${node.type}`);
    assert.deepEqual(idsOf(after, 'b'), idsOf(before, 'b'));
    assert.notDeepEqual(idsOf(after, 'a'), idsOf(before, 'a'));
  });
});

describe('compile: source positions', () => {
  it('counts columns in UTF-16 code units after CJK and astral characters', () => {
    // 𠮷 is outside the Basic Multilingual Plane: two UTF-16 code units, so two columns.
    const { ivr, agent } = compileText('情景 甲 “𠮷野家” { 说 “你好” 等待 5秒 兜底 { 说 “再见” 挂机 } }\n');
    assert.deepEqual(ivr.nodes['甲/1'].source, { file: 'test.sop', line: 1, column: 15 });
    assert.deepEqual(ivr.nodes['甲/2'].source, { file: 'test.sop', line: 1, column: 22 });
    assert.deepEqual(ivr.nodes['甲/2/fallback/1'].source, { file: 'test.sop', line: 1, column: 33 });
    assert.deepEqual(agent.situations[0].source, { file: 'test.sop', line: 1, column: 1 });
  });

  it('counts lines across CRLF line ends and points nested steps at their keyword', () => {
    const text = [
      '# 注释:无声电话',
      'situation silent "无声" {',
      '  say "您好!请问有什么可以帮您?"',
      '  wait 5s',
      '  fallback {',
      '    say “对不起,您的电话没有声音,再见!” wait 5s',
      '    hangup',
      '  }',
      '}',
    ].join('\r\n');
    const { ivr } = compileText(text);
    assert.deepEqual(ivr.nodes['silent/1'].source, { file: 'test.sop', line: 3, column: 3 });
    assert.deepEqual(ivr.nodes['silent/2/fallback/2'].source, { file: 'test.sop', line: 6, column: 28 });
    assert.deepEqual(ivr.nodes['silent/2/fallback/3'].source, { file: 'test.sop', line: 7, column: 5 });
    assert.deepEqual(ivr.situations.silent.source, { file: 'test.sop', line: 2, column: 1 });
  });
});

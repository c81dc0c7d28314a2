/**
 * The IVR graph as an engine (and the simulator) walks it: explicit edges that always land on
 * a node, the meaning of `wait` per the spec, cross-file jumps, and the agent view's
 * reading of the same steps.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { compileProgram, type CompiledScript, type IvrNode } from '../../../server/src/language/compile/compile';
import { parseSop } from '../../../server/src/language/parse';
import { singleFileProgram } from '../../../server/src/language/program';
import { compileFromDisk, fixturesDir, samplesDir } from './load';

function compileText(text: string): CompiledScript {
  return compileProgram(singleFileProgram(parseSop('test.sop', text)));
}

/** The node ids an IVR can go to from `node`. */
function edgesOf(node: IvrNode): Array<string | null> {
  switch (node.type) {
    case 'wait':
      return [node.onReply, node.onSilence];
    case 'say':
    case 'note':
    case 'promise':
    case 'hold':
    case 'goto':
      return [node.next];
    default:
      return [];
  }
}

const programs = [
  ...readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.sop'))
    .map((name) => [path.join(fixturesDir, name), fixturesDir]),
  ...readdirSync(samplesDir)
    .filter((name) => name.endsWith('.sop'))
    .map((name) => [path.join(samplesDir, name), samplesDir]),
].sort();

describe('compile: the IVR graph is closed', () => {
  for (const [file, base] of programs) {
    it(`${path.relative(base, file)}: every edge lands on a node and every node is reachable`, async () => {
      const { ivr } = await compileFromDisk(file, base);
      const reached = new Set<string>();
      const queue = Object.values(ivr.situations).map((s) => s.entry);
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (reached.has(id)) continue;
        const node = ivr.nodes[id];
        assert.ok(node, `an edge names ${id}, which is not a node`);
        reached.add(id);
        for (const edge of edgesOf(node)) {
          // Only a goto to an unknown situation (a lint error) has nowhere to go.
          if (edge === null) assert.equal(node.type, 'goto');
          else queue.push(edge);
        }
      }
      assert.deepEqual(Object.keys(ivr.nodes).filter((id) => !reached.has(id)), []);
    });
  }
});

describe('compile: meaning of the steps', () => {
  const ladder = compileText(`situation s {
  say "a"
  wait 5s
  fallback {
    say "b"
    wait 3s
    reply { say "c" }
  }
  say "d"
  wait 1.5s
  reply end
  fallback goto s
}`);
  const nodes = ladder.ivr.nodes;

  it('a wait without reply goes to an explicit agent-takeover end when the caller answers', () => {
    assert.deepEqual(nodes['s/2'], {
      type: 'wait',
      situation: 's',
      source: { file: 'test.sop', line: 3, column: 3 },
      timeoutMs: 5000,
      onReply: 's/2/reply',
      onSilence: 's/2/fallback/1',
    });
    assert.equal(nodes['s/2/reply'].type, 'end');
    assert.deepEqual(
      { outcome: (nodes['s/2/reply'] as { outcome: string }).outcome, reason: (nodes['s/2/reply'] as { reason: string }).reason },
      { outcome: 'agent-takeover', reason: 'reply-without-body' },
    );
  });

  it('a wait without fallback goes on to the next step of its body on silence', () => {
    assert.equal((nodes['s/2/fallback/2'] as { onSilence: string }).onSilence, 's/3');
  });

  it('a branch body that does not end the call continues after the wait that holds it', () => {
    // "c" is in a reply nested in a fallback: it continues after the outer wait.
    assert.equal((nodes['s/2/fallback/2/reply/1'] as { next: string }).next, 's/3');
  });

  it('keeps durations in milliseconds and resolves goto to the entry node', () => {
    assert.equal((nodes['s/4'] as { timeoutMs: number }).timeoutMs, 1500);
    assert.deepEqual(nodes['s/4/fallback/1'], {
      type: 'goto',
      situation: 's',
      source: { file: 'test.sop', line: 12, column: 12 },
      outcome: 'jump',
      target: 's',
      next: 's/1',
    });
  });

  it('leaves out steps after a terminal step and marks a dead end explicitly', () => {
    const { ivr } = compileText('situation s {\n  say "x"\n  hangup\n  say "never"\n}\nsituation t { say "y" }\n');
    assert.deepEqual(Object.keys(ivr.nodes), ['s/1', 's/2', 't/1', 't/dead-end']);
    assert.equal((ivr.nodes['t/1'] as { next: string }).next, 't/dead-end');
    const deadEnd = ivr.nodes['t/dead-end'];
    assert.equal(deadEnd.type === 'end' && deadEnd.reason, 'dead-end');
    // The marker points at the closing brace, where the situation runs out of steps.
    assert.deepEqual(deadEnd.source, { file: 'test.sop', line: 6, column: 23 });
  });

  it('speaks escaped braces as text and placeholders as variables', () => {
    const { ivr, agent } = compileText('var 工号\nsituation s { say "\\{工号\\}是{工号}" end }');
    const say = ivr.nodes['s/1'];
    assert.equal(say.type, 'say');
    assert.deepEqual(say.type === 'say' && say.parts, [{ text: '{工号}是' }, { var: '工号' }]);
    assert.deepEqual(agent.situations[0].phrases[0].variables, ['工号']);
  });
});

describe('compile: goto across an import', () => {
  it('jumps to the entry node of a situation defined in the imported file', async () => {
    const { script, ivr } = await compileFromDisk(path.join(fixturesDir, 'goto-across-import.sop'), fixturesDir);
    assert.deepEqual(script.files, ['goto-across-import.sop', 'lib/shared-closing.sop']);
    const jump = ivr.nodes['staff_number/2/fallback/1'];
    assert.equal(jump.type === 'goto' && jump.next, 'shared_closing/1');
    assert.equal(ivr.nodes['shared_closing/1'].source.file, 'lib/shared-closing.sop');
    // …and back: the imported file jumps into the root across the import cycle.
    const back = ivr.nodes['shared_closing/2/reply/1'];
    assert.equal(back.type === 'goto' && back.next, 'staff_number/1');
  });
});

describe('compile: the agent view', () => {
  it('lists phrases, notes and promises in order with their branch, variables and seconds', async () => {
    const { agent } = await compileFromDisk(path.join(fixturesDir, 'transfer-hold-promise.sop'), fixturesDir);
    const [situation] = agent.situations;
    assert.equal(situation.title, '无法当场答复的投诉');
    assert.deepEqual(situation.tags, ['投诉', '跟进']);
    assert.equal(situation.when, '投诉无法当场答复');
    assert.deepEqual(
      situation.phrases.map((p) => [p.node, p.branch, p.depth, p.variables]),
      [
        ['complaint_pending/1', 'main', 0, ['姓氏']],
        ['complaint_pending/5', 'main', 0, []],
        ['complaint_pending/6/reply/2', 'reply', 1, []],
        ['complaint_pending/6/fallback/1', 'fallback', 1, []],
      ],
    );
    assert.deepEqual(
      situation.promises.map((p) => [p.seconds, p.text]),
      [
        [86400, '在24小时之内给您明确的答复'],
        [5400, null],
        [5400, '回电'],
      ],
    );
    assert.deepEqual(situation.notes.map((n) => n.text), ['详细记录投诉内容,提交组长或主管处理']);
  });
});

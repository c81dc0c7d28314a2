/**
 * `sop graph`'s pure part: which arrows a script's situations get and how they are
 * labelled, and Mermaid / DOT text that a renderer accepts (every id safe or quoted, every
 * edge between declared nodes) for every sample and for hostile names.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import {
  buildSituationGraph,
  renderSituationGraph,
  type GraphFormat,
  type SituationGraph,
} from '../../../server/src/language/graph/index';
import { loadSample, loadTexts, memPath, samplesDir } from './load';
import { readDot, readMermaid, type ReadDiagram } from './syntax-check';

const samples = readdirSync(samplesDir).filter((name) => name.endsWith('.sop')).sort();

/** The edges of a graph as `from -> to [reach / reach]` lines, for readable assertions. */
function edgeLines(graph: SituationGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} [${e.reaches.join(' / ')}]`);
}

/** The diagram's edges with its node labels in place of its ids. */
function labelledEdges(read: ReadDiagram): string[] {
  return read.edges.map((e) => `${read.nodes.get(e.from)} -> ${read.nodes.get(e.to)} [${e.label}]`);
}

const readers: Record<GraphFormat, (text: string) => ReadDiagram> = { mermaid: readMermaid, dot: readDot };

describe('graph: the arrows of the samples', () => {
  it('complaints.sop: jumps into the imported closing, transfers, hang-ups and the agent', async () => {
    const { program, displayPath } = await loadSample('complaints.sop');
    const graph = buildSituationGraph(program, { displayPath });
    assert.deepEqual(graph.files, ['complaints.sop', 'closing.sop']);
    const situations = graph.nodes.filter((n) => n.kind === 'situation');
    assert.deepEqual(
      situations.map((n) => `${n.file}:${n.name}`).slice(-2),
      ['closing.sop:closing', 'closing.sop:caller_stays'],
      'imported situations come after the root file’s',
    );
    const edges = edgeLines(graph);
    for (const expected of [
      'angry_caller -> :agent [reply]',
      'angry_caller -> closing [silence]',
      'angry_unresolved -> queue:现场业务主管 [next]',
      'complaint_attitude -> closing [reply / silence]',
      'complaint_complex -> closing [next]',
      'complaint_escalate -> queue:投诉处理组 [next]',
      'closing -> caller_stays [silence]',
      'caller_stays -> :hangup [silence]',
    ]) {
      assert.ok(edges.includes(expected), `expected ${expected} among\n${edges.join('\n')}`);
    }
  });

  it('greeting-and-line.sop: Chinese ids, and the silent-call ladder hangs up only after silence', async () => {
    const { program } = await loadSample('greeting-and-line.sop');
    const edges = edgeLines(buildSituationGraph(program));
    assert.ok(edges.includes('问候 -> 无声电话 [silence]'));
    assert.ok(edges.includes('无声电话 -> :hangup [silence]'));
    assert.ok(edges.includes('无声电话 -> :agent [reply]'));
    assert.ok(edges.includes('方言 -> closing [silence]'));
    assert.ok(edges.includes('方言能听懂 -> :agent [next]'));
  });

  for (const name of samples) {
    for (const format of ['mermaid', 'dot'] as const) {
      it(`${name} as ${format}: valid, every edge between declared nodes, one box per file`, async () => {
        const { program, displayPath } = await loadSample(name);
        const graph = buildSituationGraph(program, { displayPath });
        const read = readers[format](renderSituationGraph(program, format, { displayPath }));
        // The diagram has the model's edges, with the labels a reader sees.
        const label = (key: string) => {
          const node = graph.nodes.find((n) => n.key === key)!;
          if (node.kind === 'situation') return node.title ? `${node.name}\n${node.title}` : node.name;
          return node.kind === 'queue' ? `transfer: ${node.name}` : node.name;
        };
        assert.deepEqual(
          labelledEdges(read),
          graph.edges.map((e) => `${label(e.from)} -> ${label(e.to)} [${e.reaches.join(' / ')}]`),
        );
        assert.equal(read.nodes.size, graph.nodes.length);
        if (graph.files.length > 1) assert.deepEqual([...read.groups.keys()], graph.files);
        else assert.equal(read.groups.size, 0);
      });
    }
  }
});

describe('graph: how a jump is reached', () => {
  const cases: Array<{ name: string; body: string; edges: string[] }> = [
    { name: 'a goto as the first step', body: 'goto b', edges: ['a -> b [next]'] },
    {
      name: 'reply and fallback bodies',
      body: 'say "x"\n wait 5s\n reply goto b\n fallback transfer "组"',
      edges: ['a -> b [reply]', 'a -> queue:组 [silence]'],
    },
    {
      name: 'a wait without reply: the answer hands over to the agent',
      body: 'say "x"\n wait 5s\n fallback goto b',
      edges: ['a -> :agent [reply]', 'a -> b [silence]'],
    },
    {
      name: 'a step after a fallback that falls through is reached by silence',
      body: 'say "x"\n wait 5s\n reply end\n fallback { say "y" }\n goto b',
      edges: ['a -> :agent [reply]', 'a -> b [silence]'],
    },
    {
      name: 'two ways to the same situation make one arrow',
      body: 'say "x"\n wait 5s\n reply { say "r" }\n fallback { say "s" }\n goto b',
      edges: ['a -> b [reply / silence]'],
    },
    {
      name: 'nested waits label by the innermost answer',
      body: 'say "x"\n wait 5s\n reply end\n fallback { say "y"\n wait 5s\n reply goto b\n fallback { say "bye"\n wait 5s\n hangup } }',
      edges: ['a -> :agent [reply]', 'a -> b [reply]', 'a -> :hangup [silence]'],
    },
    {
      name: 'unreachable steps draw nothing',
      body: 'end\n goto b',
      edges: ['a -> :agent [next]'],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const program = await loadTexts({ 'a.sop': `situation a {\n ${c.body}\n}\nsituation b { end }\n` });
      const edges = edgeLines(buildSituationGraph(program)).filter((e) => e.startsWith('a '));
      assert.deepEqual(edges, c.edges);
    });
  }

  it('a goto to an unknown situation and a dead end are drawn as problems', async () => {
    const program = await loadTexts({ 'a.sop': 'situation a { say "x" wait 5s reply goto nowhere fallback { say "y" } }\n' });
    const graph = buildSituationGraph(program);
    assert.deepEqual(edgeLines(graph), ['a -> unknown:nowhere [reply]', 'a -> :dead-end [silence]']);
    const read = readMermaid(renderSituationGraph(program, 'mermaid'));
    assert.deepEqual(labelledEdges(read), ['a -> nowhere\n(no such situation) [reply]', 'a -> dead end [silence]']);
    assert.match(renderSituationGraph(program, 'mermaid'), /^ {2}class u1,t1 problem$/m);
  });
});

describe('graph: names that are syntax in Mermaid or DOT', () => {
  const files = {
    'a.sop': [
      'script "标题 \\"引号\\" #1 <b>粗</b> & `x` %% end"',
      'import "lib/b.sop"',
      'situation end-x "结束 \\"了\\" #2 <i>斜</i> & [x] {y} |z|" {',
      '  say "x"',
      '  wait 5s',
      '  reply goto 转到-b',
      '  fallback transfer "组 \\"A\\" \\\\ #3"',
      '}',
      'situation o_x { goto end-x }',
    ].join('\n'),
    'lib/b.sop': 'situation 转到-b { hangup }\n',
  };

  it('the fixture parses (the hostile text is in titles and names, not in the syntax)', async () => {
    const program = await loadTexts(files);
    assert.deepEqual([...program.files.values()].map((f) => f.errors.length), [0, 0]);
  });

  for (const format of ['mermaid', 'dot'] as const) {
    it(`${format}: ids and labels are escaped, and the labels read back as written`, async () => {
      const program = await loadTexts(files);
      const text = renderSituationGraph(program, format, { displayPath: memPath });
      const read = readers[format](text);
      assert.deepEqual(labelledEdges(read), [
        'end-x\n结束 "了" #2 <i>斜</i> & [x] {y} |z| -> 转到-b [reply]',
        'end-x\n结束 "了" #2 <i>斜</i> & [x] {y} |z| -> transfer: 组 "A" \\ #3 [silence]',
        'o_x -> end-x\n结束 "了" #2 <i>斜</i> & [x] {y} |z| [next]',
        '转到-b -> hangup [next]',
      ]);
      assert.deepEqual([...read.groups.keys()], ['a.sop', 'lib/b.sop']);
      if (format === 'mermaid') {
        // Ids are generated, so a situation called `end` or starting with `o`/`x` cannot clash.
        assert.deepEqual([...read.nodes.keys()], ['s1', 's2', 's3', 'q1', 't1']);
      }
    });
  }

  it('is deterministic: the same program gives the same text', async () => {
    for (const format of ['mermaid', 'dot'] as const) {
      const one = renderSituationGraph(await loadTexts(files), format);
      const two = renderSituationGraph(await loadTexts(files), format);
      assert.equal(one, two);
    }
  });
});

/**
 * Small readers of the diagram text `sop graph` prints, strict enough to catch what breaks a
 * renderer: an unquoted id, a stray quote, an edge to an undeclared node, an unclosed block.
 * They accept exactly the statement forms the renderers write and fail on anything else.
 */
import * as assert from 'node:assert/strict';

export interface ReadDiagram {
  /** Declared node id → its label (decoded). */
  nodes: Map<string, string>;
  edges: Array<{ from: string; to: string; label: string; dashed: boolean }>;
  /** Group title → ids declared inside it. */
  groups: Map<string, string[]>;
}

const MERMAID_NODE = /^([a-z]\d+)(\[|\(\[|\[\/)"([^"]*)"(\]|\]\)|\/\])$/;
const MERMAID_EDGE = /^([a-z]\d+) (-->|-\.->)\|"([^"]*)"\| ([a-z]\d+)$/;
const CLOSERS: Record<string, string> = { '[': ']', '([': '])', '[/': '/]' };

/** Reads a Mermaid flowchart as the renderer writes it; fails on any other line. */
export function readMermaid(text: string): ReadDiagram {
  assert.ok(text.endsWith('\n'), 'ends with a newline');
  const lines = text.slice(0, -1).split('\n');
  assert.equal(lines[0], 'flowchart TD');
  const read: ReadDiagram = { nodes: new Map(), edges: [], groups: new Map() };
  let group: string | undefined;
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if (line.startsWith('%% ')) continue;
    if ((m = /^subgraph f\d+\["([^"]*)"\]$/.exec(line))) {
      assert.equal(group, undefined, 'subgraphs are not nested');
      group = decodeMermaid(m[1]);
      read.groups.set(group, []);
    } else if (line === 'end') {
      assert.notEqual(group, undefined, '`end` closes a subgraph');
      group = undefined;
    } else if ((m = MERMAID_NODE.exec(line))) {
      assert.equal(CLOSERS[m[2]], m[4], `shape brackets match in ${line}`);
      assert.ok(!read.nodes.has(m[1]), `${m[1]} is declared once`);
      checkMermaidLabel(m[3]);
      read.nodes.set(m[1], decodeMermaid(m[3]));
      if (group !== undefined) read.groups.get(group)!.push(m[1]);
    } else if ((m = MERMAID_EDGE.exec(line))) {
      checkMermaidLabel(m[3]);
      read.edges.push({ from: m[1], to: m[4], label: decodeMermaid(m[3]), dashed: m[2] === '-.->' });
    } else if (!/^classDef [a-z]+ [a-z-]+:[^;]+$/.test(line) && !/^class [a-z]\d+(,[a-z]\d+)* [a-z]+$/.test(line)) {
      assert.fail(`unexpected Mermaid line: ${raw}`);
    }
  }
  assert.equal(group, undefined, 'every subgraph is closed');
  for (const edge of read.edges) {
    assert.ok(read.nodes.has(edge.from), `edge from undeclared ${edge.from}`);
    assert.ok(read.nodes.has(edge.to), `edge to undeclared ${edge.to}`);
  }
  return read;
}

/** Inside a quoted label only entity codes and `<br/>` may stand for syntax characters. */
function checkMermaidLabel(label: string): void {
  const rest = label.replace(/#\d+;/g, '').replace(/<br\/>/g, '');
  assert.ok(!/[#<>"`&]/.test(rest), `label escapes #, <, >, ", \` and &: ${label}`);
}

function decodeMermaid(label: string): string {
  return label.replace(/<br\/>/g, '\n').replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)));
}

type Token = { kind: 'string'; value: string } | { kind: 'word'; value: string } | { kind: 'punct'; value: string };

function tokenizeDot(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) i++;
    else if (ch === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        assert.notEqual(text[i], '\n', 'a DOT string does not span lines');
        if (text[i] === '\\') {
          const next = text[i + 1];
          value += next === 'n' ? '\n' : next;
          i += 2;
        } else value += text[i++];
      }
      assert.equal(text[i], '"', 'every DOT string is closed');
      i++;
      tokens.push({ kind: 'string', value });
    } else if (text.startsWith('->', i)) {
      tokens.push({ kind: 'punct', value: '->' });
      i += 2;
    } else if ('{}[]=;,'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
      assert.ok(m, `unexpected DOT text at ${JSON.stringify(text.slice(i, i + 20))}`);
      tokens.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/**
 * Reads DOT as the renderer writes it: `digraph sop { … }` holding attribute assignments,
 * `subgraph "cluster_N" { label=…; nodes }`, node statements `"id" [attrs];` and edge
 * statements `"a" -> "b" [attrs];`, every id a quoted string.
 */
export function readDot(text: string): ReadDiagram {
  const tokens = tokenizeDot(text);
  const read: ReadDiagram = { nodes: new Map(), edges: [], groups: new Map() };
  let i = 0;
  const expect = (value: string) => {
    assert.equal(tokens[i]?.value, value, `expected ${value} at token ${i}`);
    i++;
  };
  const attributes = (): Map<string, string> => {
    const attrs = new Map<string, string>();
    expect('[');
    while (tokens[i]?.value !== ']') {
      const name = tokens[i++];
      assert.equal(name.kind, 'word');
      expect('=');
      const value = tokens[i++];
      assert.ok(value.kind === 'string' || value.kind === 'word', 'an attribute has a value');
      attrs.set(name.value, value.value);
      if (tokens[i]?.value === ',') i++;
    }
    expect(']');
    return attrs;
  };
  expect('digraph');
  expect('sop');
  expect('{');
  let group: string[] | undefined;
  let depth = 1;
  while (depth > 0) {
    const token = tokens[i];
    assert.ok(token, 'the graph is closed');
    if (token.value === '}') {
      depth--;
      group = undefined;
      i++;
    } else if (token.kind === 'word' && token.value === 'subgraph') {
      i++;
      assert.equal(tokens[i].kind, 'string', 'a subgraph name is quoted');
      assert.match(tokens[i++].value, /^cluster_\d+$/);
      expect('{');
      expect('label');
      expect('=');
      assert.equal(tokens[i].kind, 'string');
      group = [];
      read.groups.set(tokens[i++].value, group);
      expect(';');
      depth++;
    } else if (token.kind === 'word' && token.value === 'node') {
      i++;
      attributes();
      expect(';');
    } else if (token.kind === 'word') {
      i++;
      expect('=');
      i++;
      expect(';');
    } else {
      assert.equal(token.kind, 'string', `a node id is quoted (got ${token.value})`);
      i++;
      if (tokens[i]?.value === '->') {
        i++;
        const to = tokens[i++];
        assert.equal(to.kind, 'string', 'an edge target is quoted');
        const attrs = attributes();
        read.edges.push({ from: token.value, to: to.value, label: attrs.get('label') ?? '', dashed: attrs.get('style') === 'dashed' });
      } else {
        assert.ok(!read.nodes.has(token.value), `${token.value} is declared once`);
        read.nodes.set(token.value, attributes().get('label') ?? token.value);
        group?.push(token.value);
      }
      expect(';');
    }
  }
  assert.equal(i, tokens.length, 'nothing follows the graph');
  for (const edge of read.edges) {
    assert.ok(read.nodes.has(edge.from), `edge from undeclared ${edge.from}`);
    assert.ok(read.nodes.has(edge.to), `edge to undeclared ${edge.to}`);
  }
  return read;
}

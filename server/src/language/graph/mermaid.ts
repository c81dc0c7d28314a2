/**
 * The situation graph as a Mermaid `flowchart TD`, the diagram GitHub, GitLab and most
 * Markdown previewers draw from a fenced `mermaid` block.
 *
 * Mermaid node ids are restricted (and some words, such as `end`, break a flowchart), while
 * situation ids may be Chinese or contain `-`. Every node therefore gets a short generated
 * id (`s1`, `q1`, `t1`, …) in a fixed order, and every label is a quoted string with the
 * characters Mermaid would read as syntax written as entity codes.
 */
import type { GraphNode, GraphNodeKind, Reach, SituationGraph } from './situation-graph';

const ID_PREFIX: Record<GraphNodeKind, string> = {
  situation: 's',
  queue: 'q',
  unknown: 'u',
  hangup: 't',
  agent: 't',
  'dead-end': 't',
};

export function renderMermaid(graph: SituationGraph): string {
  const ids = mermaidIds(graph.nodes);
  const lines: string[] = ['flowchart TD'];
  if (graph.title !== null) lines.push(`  %% ${oneLine(graph.title)}`);

  // With imports, each file's situations are grouped in a box named after the file.
  const situations = graph.nodes.filter((n) => n.kind === 'situation');
  const grouped = graph.files.length > 1;
  if (grouped) {
    graph.files.forEach((file, index) => {
      const members = situations.filter((n) => n.file === file);
      if (members.length === 0) return;
      lines.push(`  subgraph f${index + 1}[${quote(file)}]`);
      for (const node of members) lines.push(`    ${declare(node, ids)}`);
      lines.push('  end');
    });
  } else {
    for (const node of situations) lines.push(`  ${declare(node, ids)}`);
  }
  for (const node of graph.nodes) if (node.kind !== 'situation') lines.push(`  ${declare(node, ids)}`);

  for (const edge of graph.edges) {
    const arrow = edge.kind === 'goto' ? '-->' : '-.->';
    lines.push(`  ${ids.get(edge.from)} ${arrow}|${quote(reachLabel(edge.reaches))}| ${ids.get(edge.to)}`);
  }

  const classes: Array<[string, GraphNodeKind[], string]> = [
    ['queue', ['queue'], 'fill:#e8f0fe,stroke:#4a6fb5'],
    ['terminal', ['hangup', 'agent'], 'fill:#f3f3f3,stroke:#888'],
    ['problem', ['unknown', 'dead-end'], 'fill:#fde8e8,stroke:#c0392b,stroke-dasharray:4 3'],
  ];
  for (const [name, kinds, style] of classes) {
    const members = graph.nodes.filter((n) => kinds.includes(n.kind)).map((n) => ids.get(n.key));
    if (members.length === 0) continue;
    lines.push(`  classDef ${name} ${style}`);
    lines.push(`  class ${members.join(',')} ${name}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `s1`, `s2`, … for situations in order, `q1` … for queues, `u1` … unknown, `t1` … terminals. */
function mermaidIds(nodes: readonly GraphNode[]): Map<string, string> {
  const counters = new Map<string, number>();
  const ids = new Map<string, string>();
  for (const node of nodes) {
    const prefix = ID_PREFIX[node.kind];
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    ids.set(node.key, `${prefix}${n}`);
  }
  return ids;
}

function declare(node: GraphNode, ids: Map<string, string>): string {
  const id = ids.get(node.key)!;
  switch (node.kind) {
    case 'situation':
      return `${id}[${quote(node.title ? `${node.name}\n${node.title}` : node.name)}]`;
    case 'queue':
      return `${id}[/${quote(`transfer: ${node.name}`)}/]`;
    case 'unknown':
      return `${id}[${quote(`${node.name}\n(no such situation)`)}]`;
    default:
      return `${id}([${quote(node.name)}])`;
  }
}

/** `reply / silence`: every way the edge is taken. */
export function reachLabel(reaches: readonly Reach[]): string {
  return reaches.join(' / ');
}

/**
 * A quoted Mermaid label. Inside quotes Mermaid still reads `"` as the end of the string and
 * `#…;` as an entity code, and it renders labels as HTML, so those characters (and `<`, `>`,
 * `&`) are written as entity codes; a line break becomes `<br/>`.
 */
export function quote(text: string): string {
  const escaped = [...text]
    .map((ch) => {
      if (ch === '\n') return '<br/>';
      if (ch === '"' || ch === '#' || ch === '<' || ch === '>' || ch === '&' || ch === '`') return `#${ch.codePointAt(0)};`;
      return ch === '\r' ? '' : ch;
    })
    .join('');
  return `"${escaped}"`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

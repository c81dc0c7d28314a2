/**
 * The situation graph in Graphviz DOT (`dot -Tsvg`). Every id and label is a quoted string,
 * so Chinese ids, `-` and keywords of the DOT language need no special care; situation ids
 * are used as node ids, which keeps the text readable and diffable.
 */
import { reachLabel } from './mermaid';
import type { GraphNode, SituationGraph } from './situation-graph';

export function renderDot(graph: SituationGraph): string {
  const lines: string[] = ['digraph sop {'];
  if (graph.title !== null) lines.push(`  label=${quote(graph.title)};`, '  labelloc=t;');
  lines.push('  rankdir=TB;', '  node [shape=box, style=rounded];');

  const situations = graph.nodes.filter((n) => n.kind === 'situation');
  if (graph.files.length > 1) {
    // A subgraph whose name starts with `cluster` is drawn as a box: one per file.
    graph.files.forEach((file, index) => {
      const members = situations.filter((n) => n.file === file);
      if (members.length === 0) return;
      lines.push(`  subgraph ${quote(`cluster_${index + 1}`)} {`, `    label=${quote(file)};`);
      for (const node of members) lines.push(`    ${declare(node)}`);
      lines.push('  }');
    });
  } else {
    for (const node of situations) lines.push(`  ${declare(node)}`);
  }
  for (const node of graph.nodes) if (node.kind !== 'situation') lines.push(`  ${declare(node)}`);

  for (const edge of graph.edges) {
    const style = edge.kind === 'goto' ? '' : ', style=dashed';
    lines.push(`  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(reachLabel(edge.reaches))}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function declare(node: GraphNode): string {
  switch (node.kind) {
    case 'situation':
      return `${quote(node.key)} [label=${quote(node.title ? `${node.name}\n${node.title}` : node.name)}];`;
    case 'queue':
      return `${quote(node.key)} [label=${quote(`transfer: ${node.name}`)}, shape=parallelogram, style=""];`;
    case 'unknown':
      return `${quote(node.key)} [label=${quote(`${node.name}\n(no such situation)`)}, style="dashed", color="red"];`;
    case 'dead-end':
      return `${quote(node.key)} [label=${quote(node.name)}, shape=oval, style="dashed", color="red"];`;
    default:
      return `${quote(node.key)} [label=${quote(node.name)}, shape=oval, style=""];`;
  }
}

/**
 * A DOT quoted string. Only `"` must be escaped in DOT's grammar, but a backslash starts an
 * escape in labels (`\n`, `\l`, `\N`), so it is doubled; a line break becomes `\n`.
 */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

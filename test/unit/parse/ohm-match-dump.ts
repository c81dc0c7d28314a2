/**
 * What Ohm makes of some inputs, as plain data: the CST (rule names, lengths, child offsets)
 * and, for a failed match, its message and rightmost failure position. Run on its own
 * (`node --import tsx ohm-match-dump.ts < inputs.json`) it loads the grammar without the
 * parser, so Ohm runs as shipped; `ohm-speedups.test.ts` compares that with the same dump
 * made in a process where `syntax/ohm-speedups.ts` is installed.
 */
import grammar from '../../../grammar/sop.ohm-bundle.js';

interface CstNode {
  ctorName: string;
  ruleName?: string;
  matchLength: number;
  children?: CstNode[];
  childOffsets?: number[];
}

/**
 * The rules whose matches are tokens: lexical rules with a description (`string (a string)`),
 * which hide what failed inside them. The speedups match such a token whole, so its node has
 * no children; everything above the tokens must be the same.
 */
const rules = (grammar as unknown as { rules: Record<string, { description?: string }> }).rules;
const isToken = (name: string | undefined) => name !== undefined && Boolean(rules[name]?.description) && name[0] === name[0].toLowerCase();

function dumpNode(node: CstNode): unknown {
  if (isToken(node.ruleName)) return [node.ruleName, node.matchLength, [], []];
  return [node.ruleName ?? node.ctorName, node.matchLength, node.childOffsets ?? [], (node.children ?? []).map(dumpNode)];
}

export function dumpMatches(inputs: string[]): unknown[] {
  const out: unknown[] = [];
  for (const text of inputs) {
    for (const rule of ['Prelude', 'Chunk', 'Say', 'Wait']) {
      const match = grammar.match(text, rule);
      const internals = match as unknown as { _cst?: CstNode; getRightmostFailurePosition(): number };
      if (match.failed()) out.push({ rule, message: match.message, at: internals.getRightmostFailurePosition() });
      else out.push({ rule, cst: dumpNode(internals._cst!) });
    }
  }
  return out;
}

if (require.main === module) {
  const chunks: Buffer[] = [];
  process.stdin.on('data', (c: Buffer) => chunks.push(c));
  process.stdin.on('end', () => {
    process.stdout.write(JSON.stringify(dumpMatches(JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[])));
  });
}

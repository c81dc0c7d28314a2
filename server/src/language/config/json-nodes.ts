/**
 * Reading `sop.config.json` through `jsonc-parser`'s syntax tree, which keeps every value's
 * offsets; a bad value is reported where it is written, not just by its path.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../ast';
import type { Finding } from '../finding';

/** Collects `config` findings for one configuration file. */
export class ConfigReport {
  readonly findings: Finding[] = [];

  constructor(private readonly uri: string) {}

  error(span: Span, message: string): void {
    this.findings.push({ rule: 'config', severity: 'error', message, uri: this.uri, span });
  }

  /** Reports at a node: the whole value, quotes included. */
  at(node: Node, message: string): void {
    this.error(spanOf(node), message);
  }
}

export function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** Just the opening `{` of an object, where "missing property" errors point. */
export function openingOf(node: Node): Span {
  return { start: node.offset, end: node.offset + 1 };
}

/** What a JSON value is, in the words a message uses: "a number", "an array"… */
export function describe(node: Node): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'string':
      return `the string ${JSON.stringify(node.value)}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return String(node.value);
    default:
      return 'null';
  }
}

export interface JsonProperty {
  name: string;
  keyNode: Node;
  valueNode: Node | undefined;
}

/**
 * The properties of an object node. A key given twice is reported (JSON readers disagree
 * on which one wins) and only its first occurrence is used.
 */
export function propertiesOf(node: Node, report: ConfigReport): JsonProperty[] {
  const seen = new Set<string>();
  const result: JsonProperty[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) continue;
    const name = String(keyNode.value);
    if (seen.has(name)) {
      report.at(keyNode, `"${name}" is given twice; keep one`);
      continue;
    }
    seen.add(name);
    result.push({ name, keyNode, valueNode });
  }
  return result;
}

const syntaxMessages: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between values',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'unexpected text after the end of the configuration',
  InvalidCommentToken: 'comments are not allowed in sop.config.json (it is plain JSON)',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string: add the closing quote',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

/**
 * Parses the file as strict JSON, reporting each syntax error once (the parser's follow-on
 * errors at the same place are dropped). The tree is returned even after errors: the parser
 * recovers, and whatever it recovered is still validated and used.
 */
export function parseJson(text: string, report: ConfigReport): Node | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const reported = new Set<number>();
  for (const e of errors) {
    if (reported.has(e.offset)) continue;
    reported.add(e.offset);
    const comma = trailingCommaBefore(text, e.offset);
    if (comma !== undefined && (text[e.offset] === '}' || text[e.offset] === ']')) {
      report.error({ start: comma, end: comma + 1 }, 'trailing comma: remove the "," before the closing bracket');
      continue;
    }
    const code = printParseErrorCode(e.error);
    report.error({ start: e.offset, end: e.offset + e.length }, `invalid JSON: ${syntaxMessages[code] ?? code}`);
  }
  return tree;
}

function trailingCommaBefore(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

/**
 * Reading `sop.config.json` through `jsonc-parser`'s syntax tree, which keeps every value's
 * offsets; a bad value is reported where it is written, not just by its path.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../ast';
import type { Finding } from '../finding';
import { EN, msg, type MessageKey, type Messages, type Msg } from '../i18n/messages';

/** Collects `config` findings for one configuration file. */
export class ConfigReport {
  readonly findings: Finding[] = [];

  /** Messages are rendered in the reader's language as they are reported (one locale per reader). */
  constructor(
    private readonly uri: string,
    private readonly messages: Messages = EN,
  ) {}

  error(span: Span, message: Msg): void {
    this.findings.push({ rule: 'config', severity: 'error', message: this.messages.format(message), messageId: message.key, uri: this.uri, span });
  }

  /** Reports at a node: the whole value, quotes included. */
  at(node: Node, message: Msg): void {
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
export function describe(node: Node): Msg {
  switch (node.type) {
    case 'object':
      return msg('config.value.object');
    case 'array':
      return msg('config.value.array');
    case 'string':
      return msg('config.value.string', { value: JSON.stringify(node.value) });
    case 'number':
      return msg('config.value.number', { value: String(node.value) });
    case 'boolean':
      return msg('config.value.literal', { value: String(node.value) });
    default:
      return msg('config.value.literal', { value: 'null' });
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
      report.at(keyNode, msg('config.duplicate-key', { name }));
      continue;
    }
    seen.add(name);
    result.push({ name, keyNode, valueNode });
  }
  return result;
}

/** jsonc-parser's error codes, each with its catalog message. */
const syntaxMessages: Record<string, MessageKeyOf<'config.json.'>> = {
  InvalidSymbol: 'config.json.InvalidSymbol',
  InvalidNumberFormat: 'config.json.InvalidNumberFormat',
  PropertyNameExpected: 'config.json.PropertyNameExpected',
  ValueExpected: 'config.json.ValueExpected',
  ColonExpected: 'config.json.ColonExpected',
  CommaExpected: 'config.json.CommaExpected',
  CloseBraceExpected: 'config.json.CloseBraceExpected',
  CloseBracketExpected: 'config.json.CloseBracketExpected',
  EndOfFileExpected: 'config.json.EndOfFileExpected',
  InvalidCommentToken: 'config.json.InvalidCommentToken',
  UnexpectedEndOfComment: 'config.json.UnexpectedEndOfComment',
  UnexpectedEndOfString: 'config.json.UnexpectedEndOfString',
  UnexpectedEndOfNumber: 'config.json.UnexpectedEndOfNumber',
  InvalidUnicode: 'config.json.InvalidUnicode',
  InvalidEscapeCharacter: 'config.json.InvalidEscapeCharacter',
  InvalidCharacter: 'config.json.InvalidCharacter',
};

type MessageKeyOf<Prefix extends string> = Extract<MessageKey, `${Prefix}${string}`>;

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
      report.error({ start: comma, end: comma + 1 }, msg('config.json.trailing-comma'));
      continue;
    }
    const code = printParseErrorCode(e.error);
    const detail = syntaxMessages[code];
    report.error({ start: e.offset, end: e.offset + e.length }, msg('config.json.invalid', { detail: detail ? msg(detail) : code }));
  }
  return tree;
}

function trailingCommaBefore(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === ',' ? i : undefined;
}

/**
 * Reads a script test file (`name.sop-test.yaml`) into its cases. YAML is parsed by the
 * `yaml` package, whose nodes keep their source offsets; every mistake (bad YAML, a key
 * that is not part of the format, a value of the wrong kind, a bad event or duration) is a
 * finding at the offsets of what the writer wrote, and reading never throws. Whatever
 * could be read is returned, so the editor still lists the good cases of a file with a
 * broken one.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Span } from '../ast';
import { nearest } from '../config/nearest';
import { parseDuration } from '../duration';
import type { Finding } from '../finding';
import { EN, msg, type Messages, type Msg } from '../i18n/messages';
import { parseCallerEvent, type TimedEvent } from '../simulate/events';
import type { ExpectedOutcome, Placed, ScriptTestFile, TestCase } from './types';

/** The rule id of every problem with a test file. */
export const TEST_FILE_RULE = 'script-test';

const FILE_KEYS = ['script', 'cases'];
const CASE_KEYS = ['name', 'situation', 'events', 'vars', 'says', 'never-says', 'outcome', 'within'];
const OUTCOMES = ['hangup', 'agent-takeover', 'transfer'];

/** The messages of this module (catalog keys `test-file.*`), rendered when reported. */
const MESSAGES = {
  yaml: (message: string) => msg('test-file.yaml', { message }),
  notMap: (what: Msg) => msg('test-file.not-map', { what }),
  noCases: msg('test-file.no-cases'),
  casesNotList: msg('test-file.cases-not-list'),
  caseNotMap: msg('test-file.case-not-map'),
  unknownKey: (key: string, keys: readonly string[]) => {
    const closest = nearest(key, keys);
    const list = { list: keys, separator: 'list.comma' } as const;
    return closest ? msg('test-file.unknown-key.guess', { key, closest, keys: list }) : msg('test-file.unknown-key', { key, keys: list });
  },
  noSituation: msg('test-file.no-situation'),
  notText: (key: string) => msg('test-file.not-text', { key }),
  notTextList: (key: string) => msg('test-file.not-text-list', { key }),
  emptyPhrase: (key: string) => msg('test-file.empty-phrase', { key }),
  events: msg('test-file.events'),
  eventProblem: (problem: Msg) => msg('test-file.event-problem', { problem, events: msg('test-file.events') }),
  varsNotMap: msg('test-file.vars-not-map'),
  varNotText: (name: string) => msg('test-file.var-not-text', { name }),
  outcome: msg('test-file.outcome'),
  outcomeGuess: (closest: string) => msg('test-file.outcome.guess', { closest }),
  within: (text: string) => msg('test-file.within', { text }),
};

export interface ReadTestFile {
  file: ScriptTestFile;
  /** Problems with the file itself, rule `script-test`, in file order. */
  findings: Finding[];
  /** The file as plain data (for a JSON Schema validator); `undefined` when it is not YAML. */
  data: unknown;
  /** Where the value at a JSON path (`['cases', 0, 'outcome']`) is written; the file's start if nowhere. */
  spanAt(path: ReadonlyArray<string | number>): Span;
}

export function readTestFile(uri: string, text: string, messages: Messages = EN): ReadTestFile {
  const findings: Finding[] = [];
  const report = (span: Span, message: Msg) => findings.push({ rule: TEST_FILE_RULE, severity: 'error', message: messages.format(message), uri, span });
  const file: ScriptTestFile = { uri, script: null, cases: [] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const spanAt = (path: ReadonlyArray<string | number>): Span => {
    const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | null | undefined;
    return node?.range ? spanOf(node) : { start: 0, end: 0 };
  };
  for (const error of doc.errors) report({ start: error.pos[0], end: Math.max(error.pos[1], error.pos[0]) }, MESSAGES.yaml(firstLine(error.message)));
  if (doc.errors.length > 0) return { file, findings, data: undefined, spanAt };
  const result = { file, findings, data: doc.toJS() as unknown, spanAt };

  const root = doc.contents;
  if (!isMap(root)) {
    report(root ? spanOf(root) : { start: 0, end: 0 }, MESSAGES.notMap(root ? describe(root) : msg('test-file.what.empty')));
    return result;
  }
  let casesNode: Node | null = null;
  for (const pair of root.items) {
    const key = keyOf(pair);
    if (key === null) continue;
    if (!FILE_KEYS.includes(key.value)) report(key.span, MESSAGES.unknownKey(key.value, FILE_KEYS));
    else if (key.value === 'script') {
      const value = textOf(pair.value as Node | null, text);
      if (value === null) report(valueSpan(pair, key.span), MESSAGES.notText('script'));
      else file.script = value;
    } else casesNode = (pair.value as Node | null) ?? null;
  }
  if (casesNode === null) {
    report(spanOf(root, 1), MESSAGES.noCases);
    return result;
  }
  if (!isSeq(casesNode)) {
    report(spanOf(casesNode), MESSAGES.casesNotList);
    return result;
  }
  casesNode.items.forEach((item, index) => {
    const read = readCase(item as Node, index, text, report);
    if (read) file.cases.push(read);
  });
  return result;
}

type Report = (span: Span, message: Msg) => void;

function readCase(node: Node, index: number, text: string, report: Report): TestCase | null {
  if (!isMap(node)) {
    report(spanOf(node), MESSAGES.caseNotMap);
    return null;
  }
  const span = spanOf(node);
  let name: Placed<string> | null = null;
  let situation: Placed<string> | null = null;
  const testCase: Omit<TestCase, 'name' | 'situation' | 'nameSpan'> = {
    index,
    span,
    events: [],
    vars: [],
    says: [],
    neverSays: [],
    outcome: null,
    withinMs: null,
  };
  let firstKey: Span | null = null;
  for (const pair of node.items) {
    const key = keyOf(pair);
    if (key === null) continue;
    firstKey ??= key.span;
    const value = (pair.value as Node | null) ?? null;
    const at = valueSpan(pair, key.span);
    switch (key.value) {
      case 'name':
      case 'situation': {
        const read = textOf(value, text);
        if (read === null) report(at, MESSAGES.notText(key.value));
        else if (key.value === 'name') name = read;
        else situation = read;
        break;
      }
      case 'events':
        testCase.events = readEvents(value, at, text, report);
        break;
      case 'vars':
        testCase.vars = readVars(value, at, text, report);
        break;
      case 'says':
      case 'never-says': {
        const phrases = readPhrases(value, key.value, at, text, report);
        if (key.value === 'says') testCase.says = phrases;
        else testCase.neverSays = phrases;
        break;
      }
      case 'outcome':
        testCase.outcome = readOutcome(value, at, text, report);
        break;
      case 'within': {
        const read = textOf(value, text);
        const ms = read ? parseDuration(read.value.trim()) : undefined;
        if (!read || ms === undefined) report(at, MESSAGES.within(read?.value ?? String(isScalar(value) ? value.value : '')));
        else testCase.withinMs = { value: ms, span: read.span };
        break;
      }
      default:
        report(key.span, MESSAGES.unknownKey(key.value, CASE_KEYS));
    }
  }
  if (situation === null) {
    report(firstKey ?? span, MESSAGES.noSituation);
    return null;
  }
  const found = situation as Placed<string>;
  const named = name as Placed<string> | null;
  return { ...testCase, name: named?.value ?? found.value, nameSpan: named?.span ?? firstKey ?? span, situation: found };
}

function readEvents(node: Node | null, at: Span, text: string, report: Report): Placed<TimedEvent>[] {
  const out: Placed<TimedEvent>[] = [];
  const words: Placed<string>[] = [];
  if (isSeq(node)) {
    for (const item of node.items) {
      const word = textOf(item as Node, text);
      if (word === null) report(spanOf(item as Node), MESSAGES.events);
      else words.push(word);
    }
  } else {
    const whole = textOf(node, text);
    if (whole === null) {
      report(at, MESSAGES.events);
      return out;
    }
    // A comma-separated text: each word is placed at the whole text, which is precise
    // enough for a line of a few events.
    for (const word of whole.value.split(/[\s,,、]+/)) if (word !== '') words.push({ value: word, span: whole.span });
  }
  for (const word of words) {
    const event = parseCallerEvent(word.value.trim());
    if ('message' in event) report(word.span, MESSAGES.eventProblem(event.message));
    else out.push({ value: event, span: word.span });
  }
  return out;
}

function readVars(node: Node | null, at: Span, text: string, report: Report): TestCase['vars'] {
  if (!isMap(node)) {
    report(at, MESSAGES.varsNotMap);
    return [];
  }
  const out: TestCase['vars'] = [];
  for (const pair of node.items) {
    const key = keyOf(pair);
    if (key === null) continue;
    const value = textOf((pair.value as Node | null) ?? null, text);
    if (value === null) report(valueSpan(pair, key.span), MESSAGES.varNotText(key.value));
    else out.push({ ...value, name: key.value, nameSpan: key.span });
  }
  return out;
}

function readPhrases(node: Node | null, key: string, at: Span, text: string, report: Report): Placed<string>[] {
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out: Placed<string>[] = [];
  for (const item of items) {
    const phrase = textOf(item, text);
    if (phrase === null) report(item ? spanOf(item) : at, MESSAGES.notTextList(key));
    else if (phrase.value === '') report(phrase.span, MESSAGES.emptyPhrase(key));
    else out.push(phrase);
  }
  return out;
}

function readOutcome(node: Node | null, at: Span, text: string, report: Report): Placed<ExpectedOutcome> | null {
  const word = textOf(node, text);
  if (word !== null) {
    const kind = word.value.trim();
    if (kind === 'hangup' || kind === 'agent-takeover') return { value: { kind }, span: word.span };
    if (kind === 'transfer') return { value: { kind, queue: null }, span: word.span };
    const close = nearest(kind, OUTCOMES);
    report(word.span, close ? MESSAGES.outcomeGuess(close) : MESSAGES.outcome);
    return null;
  }
  if (isMap(node) && node.items.length === 1) {
    const pair = node.items[0];
    const key = keyOf(pair);
    const target = textOf((pair.value as Node | null) ?? null, text);
    if (key && target && (key.value === 'transfer' || key.value === 'goto')) {
      const span = spanOf(node);
      return key.value === 'transfer'
        ? { value: { kind: 'transfer', queue: target.value }, span }
        : { value: { kind: 'goto', situation: target.value }, span };
    }
  }
  report(node ? spanOf(node) : at, MESSAGES.outcome);
  return null;
}

/** A scalar's text (numbers and booleans as written); `null` for anything else. */
function textOf(node: Node | null | undefined, text: string): Placed<string> | null {
  if (!isScalar(node)) return null;
  if (node.value === null) return null;
  const span = spanOf(node);
  const value = typeof node.value === 'string' ? node.value : text.slice(span.start, span.end);
  return { value, span };
}

function keyOf(pair: Pair): Placed<string> | null {
  const key = pair.key as Node | null;
  if (!isScalar(key) || key.value === null) return null;
  return { value: String(key.value), span: spanOf(key) };
}

/** The value's span, or the key's when the value is missing (`situation:` with nothing after). */
function valueSpan(pair: Pair, keySpan: Span): Span {
  const value = pair.value as Node | null;
  return value?.range ? spanOf(value) : keySpan;
}

/** A node's source span (up to the end of its value, not its trailing comments); `limit` caps its length. */
function spanOf(node: Node, limit?: number): Span {
  const [start, end] = node.range ?? [0, 0];
  return { start, end: limit === undefined ? end : Math.min(end, start + limit) };
}

function describe(node: Node): Msg {
  if (isSeq(node)) return msg('test-file.what.list');
  if (isScalar(node)) return typeof node.value === 'string' ? msg('test-file.what.text', { value: node.value }) : msg('test-file.what.value', { value: String(node.value) });
  return msg('test-file.what.other');
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

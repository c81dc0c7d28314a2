/**
 * What every exporter shares: the compiled IVR graph (compiled with document identities as
 * file names, so findings can point back into the source), the order of situations (the
 * start first), and findings at the source of a node.
 */
import type { Span } from '../ast';
import { compileProgram } from '../compile/compile';
import type { CompiledScript, IvrNode, SourcePosition } from '../compile/types';
import type { ExportSettings } from '../config/types';
import type { Finding, Severity } from '../finding';
import { LineIndex, lineIndexOf } from '../line-index';
import { EN, msg, type Msg } from '../i18n/messages';
import type { Program } from '../program';
import { EXPORT_RULES, type ExportOptions } from './types';

/** Export findings are catalog messages (`export.*`), rendered with `options.messages`. */
const MESSAGES = {
  noSituation: msg('export.no-situation'),
  unknownStart: (id: string) => msg('export.unknown-start', { id }),
  unknownGoto: (id: string) => msg('export.unknown-goto', { id }),
};

export interface ExportContext {
  compiled: CompiledScript;
  program: Program;
  settings: ExportSettings;
  /** The situation a call starts in; null when there is none (a finding says why). */
  start: string | null;
  /** The situations, the start first, then the others in program order. */
  situations: string[];
  /** The nodes of each situation, in the compiler's order (the entry first). */
  nodesOf(situation: string): Array<[string, IvrNode]>;
  displayPath(uri: string): string;
  /** The source position as the output shows it (display path). */
  shown(source: SourcePosition): SourcePosition;
  findings: Finding[];
  report(rule: string, severity: Severity, source: SourcePosition, message: Msg): void;
}

export function createContext(program: Program, options: ExportOptions): ExportContext {
  // Identity paths: `source.file` is then the document's uri, which findings need.
  const compiled = compileProgram(program, { displayPath: (uri) => uri });
  const displayPath = options.displayPath ?? ((uri: string) => uri);
  const findings: Finding[] = [];
  // A node's source is where its step starts; the finding covers the rest of that line.
  const spanOf = (source: SourcePosition): Span => {
    const file = program.files.get(source.file);
    const index = file ? lineIndexOf(file) : new LineIndex('');
    const start = index.offsetAt({ line: source.line - 1, character: source.column - 1 });
    return { start, end: Math.max(start, index.lineEnd(source.line - 1)) };
  };
  const messages = options.messages ?? EN;
  const report = (rule: string, severity: Severity, source: SourcePosition, message: Msg) => {
    findings.push({ rule, severity, message: messages.format(message), messageId: message.key, uri: source.file, span: spanOf(source) });
  };
  const rootStart: SourcePosition = { file: program.root.uri, line: 1, column: 1 };

  const ids = Object.keys(compiled.ivr.situations);
  const rootFirst = ids.find((id) => compiled.ivr.situations[id].source.file === program.root.uri) ?? ids[0] ?? null;
  let start: string | null = options.start ?? rootFirst;
  if (ids.length === 0) {
    report(EXPORT_RULES.unresolved, 'error', rootStart, MESSAGES.noSituation);
    start = null;
  } else if (start !== null && !compiled.ivr.situations[start]) {
    report(EXPORT_RULES.unresolved, 'error', rootStart, MESSAGES.unknownStart(start));
    start = null;
  }

  const bySituation = new Map<string, Array<[string, IvrNode]>>();
  for (const [id, node] of Object.entries(compiled.ivr.nodes)) {
    let list = bySituation.get(node.situation);
    if (!list) bySituation.set(node.situation, (list = []));
    list.push([id, node]);
    if (node.type === 'goto' && node.next === null) report(EXPORT_RULES.unresolved, 'error', node.source, MESSAGES.unknownGoto(node.target));
  }
  for (const [id, list] of bySituation) {
    // The entry first: that is where a form starts and where a flow designer reads from.
    const entry = compiled.ivr.situations[id].entry;
    list.sort((a, b) => Number(b[0] === entry) - Number(a[0] === entry));
  }

  return {
    compiled,
    program,
    settings: options.settings ?? { queues: {}, agent: {}, holdMusic: {} },
    start,
    situations: start === null ? ids : [start, ...ids.filter((id) => id !== start)],
    nodesOf: (situation) => bySituation.get(situation) ?? [],
    displayPath,
    shown: (source) => ({ ...source, file: displayPath(source.file) }),
    findings,
    report,
  };
}

/** True when a finding blocks the export. */
export function hasErrors(context: ExportContext): boolean {
  return context.findings.some((f) => f.severity === 'error');
}

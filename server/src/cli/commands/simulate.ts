/**
 * `sop simulate FILE --situation ID [--events silence,reply@2s,…] [--var NAME=VALUE]
 * [--vars FILE.json]`: walks one situation of the compiled IVR graph as an engine would and
 * prints a timed transcript.
 *
 * Decisions (documented in `sop simulate --help`):
 * - the script is linted first, with its `sop.config.json` and `--rule` overrides, and a
 *   script with errors is not simulated (exit 1), like `sop build`: an IVR never runs it;
 * - each `wait` takes the next event; when the events run out the caller stays silent,
 *   which is the path the linter worries about most;
 * - a call that never ends (a loop the caller's silence keeps taking, or more than 1000
 *   steps) is stopped and exits 1, so a test pipeline notices it;
 * - `--var` wins over the same name in `--vars`; a name no `var` declares is a usage error
 *   (a typo would otherwise leave the placeholder unfilled without a word);
 * - a timed reply later than its wait's timeout is a usage error naming the wait.
 */
import {
  createSopServices,
  describeLateReply,
  lateReplyMessage,
  EN,
  msg,
  EVENT_SPELLINGS,
  parseCallerEvents,
  parseVarsFile,
  renderTranscript,
  simulateCompiled,
  type Messages,
  type Simulation,
  type TimedEvent,
} from '../../language';
import { compileProgram } from '../../language/compile/compile';
import { stringifyStable } from '../../language/compile/serialize';
import { RULE_METAS } from '../../language/lint/registry';
import { parseArgs, type OptionSpec } from '../args';
import { ConfigLoader, parseRuleOverrides } from '../config-loader';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, UsageError } from '../errors';
import { displayPath, readSource, toUri } from '../files';
import { compactLine } from '../formats/lines';
import { Locator } from '../located';
import { helpText } from '../help';
import type { Io } from '../io';
import { lintScripts } from '../session';
import { suggestClosest } from '../suggest';
import { chooseFormat, printFindings, singleScript, unusableProgram } from './one-script';
import { HELP_OPTION, printInputErrors, reportConfig } from './shared';

const OPTIONS: OptionSpec[] = [
  HELP_OPTION,
  { name: 'situation', kind: 'value', short: 's' },
  { name: 'events', kind: 'list', short: 'e' },
  { name: 'var', kind: 'list' },
  { name: 'vars', kind: 'value' },
  { name: 'format', kind: 'value', short: 'f' },
  { name: 'rule', kind: 'list' },
];

const FORMATS = ['text', 'json'] as const;

/** How many situation ids an "unknown situation" message lists when none is close. */
const LISTED_IDS = 12;

export async function runSimulate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'simulate');
  if (args.flags.has('help')) {
    io.out(helpText('simulate', io.messages));
    return EXIT_OK;
  }
  const format = chooseFormat(args.values.get('format'), FORMATS, 'simulate');
  const uri = singleScript(args.positionals, io, 'simulate');
  const situationId = args.values.get('situation');
  if (situationId === undefined) throw new UsageError(msg('cli.simulate.needs-situation'), 'simulate');
  const events = readEvents(args.lists.get('events') ?? []);
  const given = readVars(args.lists.get('var') ?? [], args.values.get('vars'), io);

  const rules = [...RULE_METAS];
  const overrides = parseRuleOverrides(args.lists.get('rule') ?? [], rules, 'simulate');
  const services = createSopServices({ locale: io.messages?.locale, incremental: false });
  const loader = new ConfigLoader(rules, overrides, io.cwd, io.messages);
  const session = await lintScripts([uri], { services, loader, cwd: io.cwd });
  if (session.inputErrors.length > 0) {
    printInputErrors(session.inputErrors, io);
    return EXIT_USAGE;
  }
  if (reportConfig(session, io)) return EXIT_USAGE;

  const report = session.reports[0];
  const shown = displayPath(uri, io.cwd);
  const errors = report.findings.filter((f) => f.severity === 'error').map((f) => session.locator.locate(f));
  // As in `sop build`, a script that did not parse is never run, even with `syntax` turned
  // off: its partial tree would drop steps from the walk without a word.
  const unparsed = unusableProgram({ uri, program: report.program, locator: session.locator }, io.messages).filter((f) => f.rule === 'syntax');
  if (errors.length > 0 || unparsed.length > 0) {
    printFindings(errors.length > 0 ? errors : unparsed, io);
    const count = errors.length > 0 ? errors.length : unparsed.length;
    io.err(`sop simulate: ${(io.messages ?? EN).t('cli.simulate.not-simulated', { file: shown, count })}\n`);
    return EXIT_FINDINGS;
  }

  if (!report.program.situations.has(situationId)) throw unknownSituation(situationId, [...report.program.situations.keys()], shown);

  const compiled = compileProgram(report.program, { displayPath: (u) => displayPath(u, io.cwd) });
  checkVariables(given, compiled.script.variables, shown, io.messages ?? EN);
  const simulation = simulateCompiled(compiled, situationId, events, { vars: new Map([...given].map(([k, v]) => [k, v.value])) });
  if (simulation.outcome.outcome === 'late-reply') {
    const { wait, lateReply } = simulation.outcome;
    const reason = lateReply ? lateReplyMessage(lateReply, wait?.timeoutMs ?? 0) : describeLateReply(simulation.outcome);
    const message = wait
      ? msg('cli.simulate.late-reply.at', { reason, at: `${wait.source.file}:${wait.source.line}:${wait.source.column}` })
      : msg('cli.simulate.late-reply', { reason });
    throw new UsageError(message, 'simulate');
  }
  if (format === 'json') io.out(stringifyStable([...simulation.steps, simulation.outcome]));
  else io.out(colorTranscript(renderTranscript(simulation), io));
  return endedNormally(simulation) ? EXIT_OK : EXIT_FINDINGS;
}

/** Every `--events` value, split into events; a word that is no event is a usage error. */
function readEvents(values: readonly string[]): TimedEvent[] {
  const { events, problems } = parseCallerEvents(values.join(','));
  const problem = problems[0];
  if (problem?.kind === 'time') throw new UsageError(msg('cli.simulate.events-problem', { problem: problem.message }), 'simulate');
  if (problem) {
    const spellings = [...EVENT_SPELLINGS.keys()];
    const closest = suggestClosest(problem.word.replace(/[@＠].*$/, ''), spellings);
    const events = { list: spellings, separator: 'list.comma' } as const;
    const message = closest
      ? msg('cli.simulate.event.guess', { event: problem.word, closest, events })
      : msg('cli.simulate.event', { event: problem.word, events });
    throw new UsageError(message, 'simulate');
  }
  return events;
}

/** A placeholder value and where it was given: `--var NAME=…`, or a key of the `--vars` file. */
interface GivenVar {
  value: string;
  /** `null` for `--var`; the file position for a `--vars` key. */
  at: string | null;
}

/** `--vars FILE` then every `--var NAME=VALUE` (which wins); a malformed one is a usage error. */
function readVars(pairs: readonly string[], file: string | undefined, io: Io): Map<string, GivenVar> {
  const out = new Map<string, GivenVar>();
  if (file !== undefined) {
    const uri = toUri(file, io.cwd);
    const { text } = readSource(uri, io.cwd);
    const parsed = parseVarsFile(uri, text, io.messages);
    const locator = new Locator((u) => displayPath(u, io.cwd));
    locator.addText(uri, text);
    if (parsed.findings.length > 0) throw new InputError(parsed.findings.map((f) => compactLine(locator.locate(f))).join('\n'));
    for (const [name, value] of parsed.vars) {
      const span = parsed.keys.get(name) ?? { start: 0, end: 0 };
      const located = locator.locate({ rule: 'vars', severity: 'error', message: '', uri, span });
      out.set(name, { value, at: `${located.file}:${located.line}:${located.column}` });
    }
  }
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(msg('cli.simulate.var-shape', { pair }), 'simulate');
    out.set(pair.slice(0, eq), { value: pair.slice(eq + 1), at: null });
  }
  return out;
}

/** A value for a name no `var` declares is a usage error, with the closest declared name. */
function checkVariables(given: ReadonlyMap<string, GivenVar>, declared: readonly string[], shown: string, messages: Messages): void {
  for (const [name, { at }] of given) {
    if (declared.includes(name)) continue;
    const closest = suggestClosest(name, declared);
    let hint = msg('cli.simulate.var.none');
    if (closest) hint = msg('cli.simulate.situation.guess', { closest });
    else if (declared.length > 0) hint = msg('cli.simulate.var.list', { names: { list: declared, separator: 'list.comma' } });
    const message = msg('cli.simulate.unknown-var', { name, file: shown, hint });
    if (at === null) throw new UsageError(msg('cli.simulate.var-option', { name, message }), 'simulate');
    throw new InputError(`${at}: error: ${messages.format(message)} [vars]`);
  }
}

function unknownSituation(id: string, ids: readonly string[], shown: string): InputError {
  const closest = suggestClosest(id, ids);
  const listed = `${ids.slice(0, LISTED_IDS).join(', ')}${ids.length > LISTED_IDS ? ', …' : ''}`;
  const hint = closest ? msg('cli.simulate.situation.guess', { closest }) : ids.length > 0 ? msg('cli.simulate.situation.list', { listed }) : msg('cli.simulate.situation.none');
  return new InputError(msg('cli.simulate.no-situation', { id, file: shown, hint }));
}

/** Hangup, transfer and the agent taking over are how a script ends; anything else is a problem. */
function endedNormally(simulation: Simulation): boolean {
  return ['hangup', 'transfer', 'agent-takeover'].includes(simulation.outcome.outcome);
}

/** Dims the clock of each line and makes the outcome line bold (only on a colour terminal). */
function colorTranscript(text: string, io: Io): string {
  return text.replace(/^(\[[^\]]*\])|^(outcome: .*)$/gm, (_match, time: string | undefined, outcome: string | undefined) =>
    time !== undefined ? io.palette.dim(time) : io.palette.bold(outcome ?? ''),
  );
}

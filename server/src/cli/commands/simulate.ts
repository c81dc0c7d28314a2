/**
 * `sop simulate FILE --situation ID [--events silence,reply,…]`: walks one situation of the
 * compiled IVR graph as an engine would and prints a timed transcript.
 *
 * Decisions (documented in `sop simulate --help`):
 * - the script is linted first, with its `sop.config.json` and `--rule` overrides, and a
 *   script with errors is not simulated (exit 1), like `sop build`: an IVR never runs it;
 * - each `wait` takes the next event; when the events run out the caller stays silent,
 *   which is the path the linter worries about most;
 * - a call that never ends (a loop the caller's silence keeps taking, or more than 1000
 *   steps) is stopped and exits 1, so a test pipeline notices it.
 */
import {
  createSopServices,
  EVENT_SPELLINGS,
  parseCallerEvents,
  renderTranscript,
  simulateSituation,
  type CallerEvent,
  type Simulation,
} from '../../language';
import { stringifyStable } from '../../language/compile/serialize';
import { RULE_METAS } from '../../language/lint/registry';
import { parseArgs, type OptionSpec } from '../args';
import { ConfigLoader, parseRuleOverrides } from '../config-loader';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, UsageError } from '../errors';
import { displayPath } from '../files';
import { SIMULATE_HELP } from '../help';
import type { Io } from '../io';
import { lintScripts } from '../session';
import { suggestClosest } from '../suggest';
import { chooseFormat, printFindings, singleScript, unusableProgram } from './one-script';
import { HELP_OPTION, printInputErrors, reportConfig } from './shared';

const OPTIONS: OptionSpec[] = [
  HELP_OPTION,
  { name: 'situation', kind: 'value', short: 's' },
  { name: 'events', kind: 'list', short: 'e' },
  { name: 'format', kind: 'value', short: 'f' },
  { name: 'rule', kind: 'list' },
];

const FORMATS = ['text', 'json'] as const;

/** How many situation ids an "unknown situation" message lists when none is close. */
const LISTED_IDS = 12;

export async function runSimulate(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'simulate');
  if (args.flags.has('help')) {
    io.out(SIMULATE_HELP);
    return EXIT_OK;
  }
  const format = chooseFormat(args.values.get('format'), FORMATS, 'simulate');
  const uri = singleScript(args.positionals, io, 'simulate');
  const situationId = args.values.get('situation');
  if (situationId === undefined) throw new UsageError('--situation ID is required: which situation to walk', 'simulate');
  const events = readEvents(args.lists.get('events') ?? []);

  const rules = [...RULE_METAS];
  const overrides = parseRuleOverrides(args.lists.get('rule') ?? [], rules, 'simulate');
  const services = createSopServices({ incremental: false });
  const loader = new ConfigLoader(rules, overrides, io.cwd);
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
  const unparsed = unusableProgram({ uri, program: report.program, locator: session.locator }).filter((f) => f.rule === 'syntax');
  if (errors.length > 0 || unparsed.length > 0) {
    printFindings(errors.length > 0 ? errors : unparsed, io);
    const count = errors.length > 0 ? errors.length : unparsed.length;
    io.err(`sop simulate: ${shown} not simulated: it has ${count} error${count === 1 ? '' : 's'} (see above, or run "sop check ${shown}")\n`);
    return EXIT_FINDINGS;
  }

  if (!report.program.situations.has(situationId)) throw unknownSituation(situationId, [...report.program.situations.keys()], shown);

  const simulation = simulateSituation(report.program, situationId, events, { displayPath: (u) => displayPath(u, io.cwd) });
  if (format === 'json') io.out(stringifyStable([...simulation.steps, simulation.outcome]));
  else io.out(colorTranscript(renderTranscript(simulation), io));
  return endedNormally(simulation) ? EXIT_OK : EXIT_FINDINGS;
}

/** Every `--events` value, split into events; a word that is no event is a usage error. */
function readEvents(values: readonly string[]): CallerEvent[] {
  const { events, invalid } = parseCallerEvents(values.join(','));
  if (invalid.length > 0) {
    const spellings = [...EVENT_SPELLINGS.keys()];
    const closest = suggestClosest(invalid[0], spellings);
    throw new UsageError(
      `--events: unknown event "${invalid[0]}"${closest ? ` — did you mean "${closest}"?` : ''} (events: ${spellings.join(', ')})`,
      'simulate',
    );
  }
  return events;
}

function unknownSituation(id: string, ids: readonly string[], shown: string): InputError {
  const closest = suggestClosest(id, ids);
  let hint = ' (it has no situations)';
  if (closest) hint = ` — did you mean "${closest}"?`;
  else if (ids.length > 0) hint = ` (situations: ${ids.slice(0, LISTED_IDS).join(', ')}${ids.length > LISTED_IDS ? ', …' : ''})`;
  return new InputError(`sop simulate: no situation "${id}" in ${shown} or the files it imports${hint}`);
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

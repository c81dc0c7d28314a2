/**
 * The custom request `sop/simulate` (the simulator panel): plays a situation of a script as
 * the editor holds it, with the caller's answers so far, on the one simulation engine
 * (`language/simulate`, also behind `sop simulate` and `sop test`), in interactive mode so
 * the call stops at the first wait the answers do not cover. The panel adds the user's
 * choice and asks again; a walk takes well under a millisecond per step, so replaying from
 * the start keeps one source of truth (the engine) and makes "Back" trivial.
 */
import type { Connection } from 'vscode-languageserver';
import { clock, describeOutcome, describeStep, simulateCompiled, type TimedEvent } from '../language';
import { basenameOf } from '../language/paths';
import type { SopWorkspace } from './documents';
import { SIMULATE_REQUEST, type SimulateParams, type SimulateResult } from './protocol';

/** More events than this cannot be clicked in by hand; a longer list is a broken client. */
const MAX_EVENTS = 10_000;

export function registerSimulateRequest(connection: Connection, workspace: SopWorkspace): void {
  connection.onRequest(
    SIMULATE_REQUEST,
    workspace.guard(
      'Simulate',
      async (params: SimulateParams): Promise<SimulateResult> => {
        const uri = params?.uri;
        const messages = workspace.services.messages;
        if (typeof uri !== 'string') return failure(messages.t('simulate.request.no-uri'));
        const program = await workspace.getProgram(uri);
        if (!program) return failure(messages.t('compile.unreadable', { file: basenameOf(uri) }));
        const compiled = workspace.services.compile(program);
        const situations = compiled.agent.situations.map((s) => ({ id: s.id, title: s.title, file: s.source.file, line: s.source.line }));
        const requested = typeof params.situation === 'string' ? params.situation : undefined;
        const situation = requested !== undefined && compiled.ivr.situations[requested] ? requested : situations[0]?.id;
        if (situation === undefined) return failure(messages.t('simulate.request.no-situation', { file: basenameOf(uri) }));

        const simulation = simulateCompiled(compiled, situation, eventsOf(params.events), {
          interactive: true,
          vars: varsOf(params.vars),
        });
        const { outcome } = simulation;
        const waiting = outcome.outcome === 'awaiting-caller' && outcome.wait ? outcome.wait : null;
        return {
          situation,
          title: simulation.title,
          situations,
          variables: compiled.script.variables,
          lines: simulation.steps.map((step) => ({
            at: step.at,
            clock: clock(step.at),
            text: describeStep(step),
            type: step.type,
            node: step.node,
            situation: step.situation,
            file: step.source.file,
            line: step.source.line,
            column: step.source.column,
          })),
          outcome: { kind: outcome.outcome, at: outcome.at, clock: clock(outcome.at), text: describeOutcome(outcome) },
          waiting: waiting && {
            node: waiting.node,
            timeoutMs: waiting.timeoutMs,
            file: waiting.source.file,
            line: waiting.source.line,
            column: waiting.source.column,
          },
        };
      },
      // Read when it is sent, so it is in the locale the client gave in `initialize`.
      {
        ...failure(''),
        get error() {
          return workspace.services.messages.t('simulate.request.failed');
        },
        get outcome() {
          return { kind: 'error', at: 0, clock: clock(0), text: workspace.services.messages.t('simulate.request.failed') };
        },
      },
    ),
  );
}

/** The events as the engine takes them; anything malformed is dropped (the client checked). */
function eventsOf(value: unknown): TimedEvent[] {
  if (!Array.isArray(value)) return [];
  const events: TimedEvent[] = [];
  for (const item of value.slice(0, MAX_EVENTS)) {
    if (typeof item !== 'object' || item === null) continue;
    const { event, afterMs } = item as { event?: unknown; afterMs?: unknown };
    if (event !== 'silence' && event !== 'reply') continue;
    const after = typeof afterMs === 'number' && Number.isFinite(afterMs) && afterMs >= 0 && event === 'reply' ? afterMs : null;
    events.push({ event, afterMs: after });
  }
  return events;
}

function varsOf(value: unknown): Record<string, string> {
  const vars: Record<string, string> = {};
  if (typeof value !== 'object' || value === null) return vars;
  for (const [name, text] of Object.entries(value)) if (typeof text === 'string' && text !== '') vars[name] = text;
  return vars;
}

function failure(error: string): SimulateResult {
  return {
    error,
    situation: '',
    title: null,
    situations: [],
    variables: [],
    lines: [],
    outcome: { kind: 'error', at: 0, clock: clock(0), text: error },
    waiting: null,
  };
}

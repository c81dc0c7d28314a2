/**
 * A simulation as the timed transcript `sop simulate` prints: one line per step with the
 * elapsed time, in the words of the script (`SAY`, `WAIT 5s → silence`, `GOTO closing`),
 * then one line that says how the call ended.
 */
import { formatDuration } from '../duration';
import { EN, msg, type Messages, type Msg } from '../i18n/messages';
import type { SimOutcome, SimStep, Simulation, SpokenPart } from './simulate';

/** The whole transcript, one line per step, ending with the outcome line and a newline. */
export function renderTranscript(simulation: Simulation): string {
  const title = simulation.title !== null ? ` ${quoted(simulation.title)}` : '';
  const lines = [`${clock(0)} START ${simulation.situation}${title}`];
  for (const step of simulation.steps) lines.push(`${clock(step.at)} ${describeStep(step)}`);
  lines.push(describeOutcome(simulation.outcome));
  const unused = simulation.outcome.eventsUnused;
  if (unused > 0) lines.push(`note: ${unused} event${unused === 1 ? ' was' : 's were'} not used (the call ended first)`);
  return `${lines.join('\n')}\n`;
}

/** `[mm:ss.t]`: minutes (two digits or more), seconds to a tenth. */
export function clock(ms: number): string {
  const tenths = Math.round(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `[${String(minutes).padStart(2, '0')}:${seconds}]`;
}

export function describeStep(step: SimStep): string {
  switch (step.type) {
    case 'say':
      return `SAY "${spokenText(step.spoken)}"`;
    case 'note':
      return `NOTE ${quoted(step.text)}`;
    case 'promise':
      return `PROMISE ${formatWindow(step.windowMs)}${step.text !== null ? ` ${quoted(step.text)}` : ''}`;
    case 'hold':
      return step.maxMs === null ? 'HOLD until the agent returns' : `HOLD up to ${formatDuration(step.maxMs)}`;
    case 'wait':
      return `WAIT ${formatDuration(step.timeoutMs)} → ${step.event}${step.replyAfterMs ? ` after ${formatDuration(step.replyAfterMs)}` : ''}${step.assumed ? ' (default)' : ''}`;
    case 'goto':
      return `GOTO ${step.target}${step.title !== null ? ` ${quoted(step.title)}` : ''}`;
    case 'transfer':
      return `TRANSFER ${step.queue}`;
    case 'hangup':
      return 'HANGUP';
    case 'end':
      switch (step.reason) {
        case 'reply-without-body':
          return 'END (the caller answered: agent takes over)';
        case 'dead-end':
          return 'END (dead end: the situation ran out of steps)';
        default:
          return 'END (agent takes over)';
      }
  }
}

/**
 * A promise's window in the words of call-center policy, which counts in hours ("answer
 * within 24 hours", "48 hours to take responsibility"): whole hours up to three days stay
 * hours (`24h`, not `1d`); anything else is the shortest exact duration.
 */
function formatWindow(ms: number): string {
  const hours = ms / 3_600_000;
  return Number.isInteger(hours) && hours > 0 && hours < 72 ? `${hours}h` : formatDuration(ms);
}

/** `outcome: hangup at 00:27.3`, and for a stopped walk, why it stopped. */
export function describeOutcome(outcome: SimOutcome): string {
  const at = clock(outcome.at).slice(1, -1);
  switch (outcome.outcome) {
    case 'hangup':
      return `outcome: hangup at ${at}`;
    case 'transfer':
      return `outcome: transferred to ${outcome.target} at ${at}`;
    case 'agent-takeover':
      return `outcome: the agent takes over at ${at}`;
    case 'dead-end':
      return `outcome: dead end at ${at}: the situation ran out of steps without hanging up, transferring, jumping or ending`;
    case 'unknown-situation':
      return `outcome: stopped at ${at}: goto ${outcome.target ?? '?'} names no situation`;
    case 'loop':
      return `outcome: stopped at ${at}: with the caller silent the call goes round ${(outcome.loop ?? []).join(' → ')} for ever`;
    case 'step-limit':
      return `outcome: stopped after ${outcome.steps} steps without reaching an end`;
    case 'awaiting-caller':
      return `outcome: waiting at ${at} for the caller (the wait times out after ${formatDuration(outcome.wait?.timeoutMs ?? 0)})`;
    case 'late-reply':
      return `outcome: stopped at ${at}: ${describeLateReply(outcome)}`;
  }
}

/**
 * Why a timed reply cannot be used: `event 2 (reply@6s) comes after the 5s wait timed out`.
 * The wait's position is the caller's to add (file names are the adapter's).
 */
export function describeLateReply(outcome: SimOutcome, messages: Messages = EN): string {
  const late = outcome.lateReply;
  if (!late) return 'no late reply';
  return messages.format(lateReplyMessage(late, outcome.wait?.timeoutMs ?? 0));
}

/** `describeLateReply` as a catalog message, for an adapter to render in the reader's language. */
export function lateReplyMessage(late: { index: number; afterMs: number }, timeoutMs: number): Msg {
  return msg('simulate.late-reply', { index: String(late.index + 1), after: formatDuration(late.afterMs), timeout: formatDuration(timeoutMs) });
}

/**
 * A phrase as the caller hears it, written as the script would: a filled placeholder as its
 * value, an unfilled one as `{name}`, and a literal brace, quote or backslash escaped, so
 * `\{工号\}` (literal text) never looks like the placeholder `{工号}`.
 */
function spokenText(parts: readonly SpokenPart[]): string {
  const escape = (text: string) => text.replace(/[\\"{}]/g, (ch) => `\\${ch}`);
  return parts.map((part) => ('text' in part ? escape(part.text) : part.value === null ? `{${part.var}}` : escape(part.value))).join('');
}

/** Script text in the quotes the CLI uses for it; a `"` inside is escaped as in the script. */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

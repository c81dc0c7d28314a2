/**
 * What the caller does at each `wait` of a simulated call, as the user writes it on the
 * command line or in a script test: `silence,reply@2s,silence`, also in Chinese
 * (`沉默,回应@2秒`), separated by commas (ASCII or full-width), `、` or spaces.
 *
 * A reply may say when it comes: `reply@2s` is the caller answering 2 seconds into the
 * wait, so the transcript's clock moves on by that much. A plain `reply` comes at once. A
 * silence always lasts the whole wait, so it takes no time.
 */
import { formatDuration, parseDuration } from '../duration';
import { msg, type Msg } from '../i18n/messages';

/** The caller's answer to one `wait`: speaks in time, or stays silent for all of it. */
export type CallerEvent = 'silence' | 'reply';

/** One caller event with its timing. */
export interface TimedEvent {
  event: CallerEvent;
  /** For a reply: milliseconds into the wait when the caller answers; `null` means at once. */
  afterMs: number | null;
}

/** What the simulator accepts per `wait`: a bare event (at once) or a timed one. */
export type CallerInput = CallerEvent | TimedEvent;

/** Every spelling the simulator understands, and what it means. */
export const EVENT_SPELLINGS: ReadonlyMap<string, CallerEvent> = new Map([
  ['silence', 'silence'],
  ['reply', 'reply'],
  ['沉默', 'silence'],
  ['回应', 'reply'],
]);

/** The messages of this module (catalog keys `simulate.event.*`), rendered by the adapter. */
const MESSAGES = {
  badTime: (word: string, time: string) => msg('simulate.event.bad-time', { word, time }),
  timedSilence: (word: string) => msg('simulate.event.timed-silence', { word }),
  unknown: (word: string) => msg('simulate.event.unknown', { word }),
};

/** A word that is no event, and why. */
export interface EventProblem {
  word: string;
  /** `unknown`: not an event spelling (a "did you mean" may help); `time`: the `@time` part is wrong. */
  kind: 'unknown' | 'time';
  /** What is wrong, as a catalog message for the reader's language. */
  message: Msg;
}

export interface ParsedEvents {
  events: TimedEvent[];
  /** The words that are no event, as written, in order. */
  invalid: string[];
  /** The same words with what is wrong with each. */
  problems: EventProblem[];
}

export function parseCallerEvents(text: string): ParsedEvents {
  const events: TimedEvent[] = [];
  const problems: EventProblem[] = [];
  for (const word of text.split(/[\s,,、]+/)) {
    if (word === '') continue;
    const parsed = parseCallerEvent(word);
    if ('message' in parsed) problems.push(parsed);
    else events.push(parsed);
  }
  return { events, invalid: problems.map((p) => p.word), problems };
}

/** One event word: `reply`, `reply@2s`, `回应@2秒`, `silence`, `沉默` (`@` may be full-width). */
export function parseCallerEvent(word: string): TimedEvent | EventProblem {
  const at = word.search(/[@＠]/);
  const name = at < 0 ? word : word.slice(0, at);
  const event = EVENT_SPELLINGS.get(name.toLowerCase());
  if (!event) return { word, kind: 'unknown', message: MESSAGES.unknown(word) };
  if (at < 0) return { event, afterMs: null };
  if (event === 'silence') return { word, kind: 'time', message: MESSAGES.timedSilence(word) };
  const time = word.slice(at + 1);
  const afterMs = parseDuration(time);
  if (afterMs === undefined) return { word, kind: 'time', message: MESSAGES.badTime(word, time) };
  return { event, afterMs };
}

/** A bare or timed event as a timed one. */
export function toTimedEvent(input: CallerInput): TimedEvent {
  return typeof input === 'string' ? { event: input, afterMs: null } : input;
}

/** An event as the user writes it: `silence`, `reply`, `reply@2s`. */
export function formatCallerEvent(input: CallerInput): string {
  const { event, afterMs } = toTimedEvent(input);
  return afterMs === null ? event : `${event}@${formatDuration(afterMs)}`;
}

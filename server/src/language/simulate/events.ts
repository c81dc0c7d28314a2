/**
 * What the caller does at each `wait` of a simulated call, as the user writes it on the
 * command line: `silence,reply,silence`, also in Chinese (`沉默,回应`), separated by commas
 * (ASCII or full-width), `、` or spaces.
 */

/** The caller's answer to one `wait`: speaks in time, or stays silent for all of it. */
export type CallerEvent = 'silence' | 'reply';

/** Every spelling the simulator understands, and what it means. */
export const EVENT_SPELLINGS: ReadonlyMap<string, CallerEvent> = new Map([
  ['silence', 'silence'],
  ['reply', 'reply'],
  ['沉默', 'silence'],
  ['回应', 'reply'],
]);

export interface ParsedEvents {
  events: CallerEvent[];
  /** The words that are no event, as written, in order. */
  invalid: string[];
}

export function parseCallerEvents(text: string): ParsedEvents {
  const events: CallerEvent[] = [];
  const invalid: string[] = [];
  for (const word of text.split(/[\s,,、]+/)) {
    if (word === '') continue;
    const event = EVENT_SPELLINGS.get(word.toLowerCase());
    if (event) events.push(event);
    else invalid.push(word);
  }
  return { events, invalid };
}

/**
 * A script test file (`name.sop-test.yaml`) as read: the script it tests and its cases,
 * every value with the span it was written at, so a failure or a mistake is reported
 * where the writer put it.
 */
import type { Span } from '../ast';
import type { TimedEvent } from '../simulate/events';

/** A value and where the test file writes it. */
export interface Placed<T> {
  value: T;
  span: Span;
}

/** How a case expects the call to end, or the situation it expects the call to reach. */
export type ExpectedOutcome =
  | { kind: 'hangup' }
  | { kind: 'agent-takeover' }
  /** `queue: null`: any queue. */
  | { kind: 'transfer'; queue: string | null }
  /** The call jumps (`goto`) into this situation at some point. */
  | { kind: 'goto'; situation: string };

export interface TestCase {
  /** The name shown in reports and the Test Explorer (the situation when none is given). */
  name: string;
  /** 0-based, in file order; with the file it identifies the case. */
  index: number;
  /** The whole case (the item of `cases`). */
  span: Span;
  /** Where reports point: the case's `name`, else its first key. */
  nameSpan: Span;
  situation: Placed<string>;
  events: Placed<TimedEvent>[];
  vars: Array<Placed<string> & { name: string; nameSpan: Span }>;
  /** Phrases that must be said, in this order; each is a part of one spoken phrase. */
  says: Placed<string>[];
  /** Phrases that must never be said (as a part of any spoken phrase). */
  neverSays: Placed<string>[];
  outcome: Placed<ExpectedOutcome> | null;
  /** The outcome (or, without one, the end of the call) happens at or before this time. */
  withinMs: Placed<number> | null;
}

export interface ScriptTestFile {
  uri: string;
  /** The `script` key, as written (relative to the test file); `null` when absent. */
  script: Placed<string> | null;
  cases: TestCase[];
}

/** The two file name endings of a script test file. */
export const TEST_FILE_SUFFIXES = ['.sop-test.yaml', '.sop-test.yml'] as const;

/** True for `x.sop-test.yaml` and `x.sop-test.yml`. */
export function isScriptTestFile(uriOrPath: string): boolean {
  const lower = uriOrPath.toLowerCase();
  return TEST_FILE_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

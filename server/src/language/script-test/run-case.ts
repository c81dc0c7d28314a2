/**
 * Runs the cases of a script test file on the compiled script with the simulator (the same
 * walk as `sop simulate` and the editor's simulator panel) and judges each against its
 * expectations:
 *
 * - `says`: each phrase is a part (substring) of a spoken phrase, as the caller hears it
 *   (placeholders filled with the case's `vars`, unfilled ones as `{name}`), and they come
 *   in the order written: each after the end of the one before, in the same spoken phrase
 *   or a later one, anything allowed in between. A part rather than the whole phrase,
 *   because a test that must be rewritten for every changed comma gets deleted.
 * - `never-says`: no spoken phrase contains the phrase.
 * - `outcome`: how the call ends (or, for `goto`, a situation the call jumps into).
 * - `within`: the outcome (or the end of the call) happens at or before that time.
 * - whatever is expected, the call must end: a loop or a dead end fails the case.
 *
 * `checkTestFile` first finds what in the file cannot name anything in the script (an
 * unknown situation or variable), which is a mistake in the test file, not a failure.
 */
import type { Span } from '../ast';
import type { CompiledScript } from '../compile/types';
import { nearest } from '../config/nearest';
import { formatDuration } from '../duration';
import type { Finding } from '../finding';
import { EN, msg, type Messages, type Msg } from '../i18n/messages';
import { simulateCompiled, type SimStep, type Simulation } from '../simulate/simulate';
import { clock, describeOutcome, describeStep } from '../simulate/transcript';
import { TEST_FILE_RULE } from './read-test-file';
import type { ExpectedOutcome, ScriptTestFile, TestCase } from './types';

/** The messages of this module (catalog keys `test.*`), rendered with the caller's `Messages`. */
const MESSAGES = {
  unknownSituation: (id: string, script: string, closest: string | undefined) =>
    msg('test.unknown-situation', { id, script, hint: closest ? msg('test.guess', { closest }) : '' }),
  unknownVariable: (name: string, script: string, closest: string | undefined) =>
    msg('test.unknown-variable', { name, script, hint: closest ? msg('test.guess', { closest }) : '' }),
  lateReply: (afterMs: number, timeoutMs: number) => msg('test.late-reply', { after: formatDuration(afterMs), timeout: formatDuration(timeoutMs) }),
  missingPhrase: (phrase: string, after: string | null) =>
    after !== null ? msg('test.missing-phrase.after', { phrase, after }) : msg('test.missing-phrase', { phrase }),
  forbiddenPhrase: (phrase: string, at: string, said: string) => msg('test.forbidden-phrase', { phrase, at, said }),
  wrongOutcome: (expected: Msg, actual: Msg | string) => msg('test.wrong-outcome', { expected, actual }),
  late: (expected: Msg, withinMs: number, at: string) => msg('test.late', { expected, within: formatDuration(withinMs), at }),
  neverEnds: (outcome: string) => msg('test.never-ends', { outcome }),
};

/** One failed expectation, at the part of the case that expected it. */
export interface CaseFailure {
  message: string;
  span: Span;
}

/** A line of the expected-versus-actual transcript: in both, only expected, or only actual. */
export interface DiffLine {
  kind: 'same' | 'expected' | 'actual';
  text: string;
}

export interface CaseResult {
  testCase: TestCase;
  /** `error`: the case cannot be run as written (a reply later than its wait). */
  status: 'passed' | 'failed' | 'error';
  failures: CaseFailure[];
  simulation: Simulation;
  /** The transcript with what was expected but missing, and what came but was not wanted. */
  diff: DiffLine[];
  /** The two sides of `diff` as texts, for an editor's diff view. */
  expected: string;
  actual: string;
}

/** Problems of a test file against the script it tests: unknown situations and variables. */
export function checkTestFile(file: ScriptTestFile, compiled: CompiledScript, scriptName: string, messages: Messages = EN): Finding[] {
  const findings: Finding[] = [];
  const report = (span: Span, message: Msg) => findings.push({ rule: TEST_FILE_RULE, severity: 'error', message: messages.format(message), uri: file.uri, span });
  const ids = Object.keys(compiled.ivr.situations);
  const situation = (id: string, span: Span) => {
    if (!(id in compiled.ivr.situations)) report(span, MESSAGES.unknownSituation(id, scriptName, nearest(id, ids)));
  };
  for (const testCase of file.cases) {
    situation(testCase.situation.value, testCase.situation.span);
    const outcome = testCase.outcome?.value;
    if (outcome?.kind === 'goto' && testCase.outcome) situation(outcome.situation, testCase.outcome.span);
    for (const v of testCase.vars) {
      if (!compiled.script.variables.includes(v.name)) {
        report(v.nameSpan, MESSAGES.unknownVariable(v.name, scriptName, nearest(v.name, compiled.script.variables)));
      }
    }
  }
  return findings;
}

/** Runs one case; its situation must exist (`checkTestFile` says so first). */
export function runTestCase(compiled: CompiledScript, testCase: TestCase, messages: Messages = EN): CaseResult {
  const vars = new Map(testCase.vars.map((v) => [v.name, v.value]));
  const events = testCase.events.map((e) => e.value);
  const simulation = simulateCompiled(compiled, testCase.situation.value, events, { vars });
  const failures: CaseFailure[] = [];
  const fail = (message: Msg, span: Span) => failures.push({ message: messages.format(message), span });
  const { outcome } = simulation;

  if (outcome.outcome === 'late-reply' && outcome.lateReply) {
    const event = testCase.events[outcome.lateReply.index];
    fail(MESSAGES.lateReply(outcome.lateReply.afterMs, outcome.wait?.timeoutMs ?? 0), event.span);
    return finish(testCase, 'error', failures, simulation, { missing: [], forbidden: new Set(), outcomeLine: null });
  }

  const said = simulation.steps.map((step, index) => ({ step, index })).filter(({ step }) => step.type === 'say');
  const spoken = (step: SimStep) => (step.type === 'say' ? step.text : '');

  // Phrases in order: each is found after the end of the previous one, in the same spoken
  // phrase or a later one, so two parts of one sentence can be expected one after the other.
  const missing: Array<{ phrase: string; afterStep: number }> = [];
  let position = { phrase: 0, offset: 0 };
  let lastMatched: string | null = null;
  let lastStep = -1;
  for (const expected of testCase.says) {
    let found: { phrase: number; offset: number } | null = null;
    for (let i = position.phrase; i < said.length && found === null; i++) {
      const at = spoken(said[i].step).indexOf(expected.value, i === position.phrase ? position.offset : 0);
      if (at >= 0) found = { phrase: i, offset: at + expected.value.length };
    }
    if (found === null) {
      fail(MESSAGES.missingPhrase(expected.value, lastMatched), expected.span);
      missing.push({ phrase: expected.value, afterStep: lastStep });
      continue;
    }
    position = found;
    lastMatched = expected.value;
    lastStep = said[found.phrase].index;
  }

  const forbidden = new Set<number>();
  for (const banned of testCase.neverSays) {
    for (const { step, index } of said) {
      if (!spoken(step).includes(banned.value)) continue;
      forbidden.add(index);
      fail(MESSAGES.forbiddenPhrase(banned.value, clock(step.at).slice(1, -1), spoken(step)), banned.span);
      break;
    }
  }

  const outcomeFailure = judgeOutcome(testCase, simulation);
  if (outcomeFailure) fail(outcomeFailure.message, outcomeFailure.span);
  const outcomeLine = outcomeFailure ? expectedOutcomeLine(testCase) : null;
  return finish(testCase, failures.length > 0 ? 'failed' : 'passed', failures, simulation, { missing, forbidden, outcomeLine });
}

/** The outcome and time checks, and the rule that a call must end. */
function judgeOutcome(testCase: TestCase, simulation: Simulation): { message: Msg; span: Span } | null {
  const { outcome } = simulation;
  const expected = testCase.outcome?.value ?? null;
  const span = testCase.outcome?.span ?? testCase.withinMs?.span ?? testCase.nameSpan;
  const ended = outcome.outcome === 'hangup' || outcome.outcome === 'transfer' || outcome.outcome === 'agent-takeover';
  let at = outcome.at;
  if (expected?.kind === 'goto') {
    const jump = simulation.steps.find((s) => s.type === 'goto' && s.target === expected.situation);
    if (!jump) return { message: MESSAGES.wrongOutcome(describeExpected(expected), msg('test.never-went', { actual: actualOutcome(simulation) })), span };
    at = jump.at;
  } else if (!ended) {
    return { message: MESSAGES.neverEnds(describeOutcome(outcome).replace(/^outcome: /, '')), span };
  } else if (expected && !outcomeMatches(expected, simulation)) {
    return { message: MESSAGES.wrongOutcome(describeExpected(expected), actualOutcome(simulation)), span };
  }
  const within = testCase.withinMs;
  if (within && at > within.value) {
    return { message: MESSAGES.late(expected ? describeExpected(expected) : msg('test.expected.end'), within.value, clock(at).slice(1, -1)), span: within.span };
  }
  return null;
}

function outcomeMatches(expected: ExpectedOutcome, simulation: Simulation): boolean {
  const { outcome } = simulation;
  switch (expected.kind) {
    case 'transfer':
      return outcome.outcome === 'transfer' && (expected.queue === null || outcome.target === expected.queue);
    case 'goto':
      return simulation.steps.some((s) => s.type === 'goto' && s.target === expected.situation);
    default:
      return outcome.outcome === expected.kind;
  }
}

/** What was expected, in the words of a message: "a hang-up", "a transfer to 投诉处理组". */
function describeExpected(expected: ExpectedOutcome): Msg {
  switch (expected.kind) {
    case 'hangup':
      return msg('test.expected.hangup');
    case 'agent-takeover':
      return msg('test.expected.agent-takeover');
    case 'transfer':
      return expected.queue === null ? msg('test.expected.transfer') : msg('test.expected.transfer-to', { queue: expected.queue });
    case 'goto':
      return msg('test.expected.goto', { situation: expected.situation });
  }
}

/** What happened, in the words of a message: "it hung up at 00:30.5". */
function actualOutcome(simulation: Simulation): Msg | string {
  const at = clock(simulation.outcome.at).slice(1, -1);
  switch (simulation.outcome.outcome) {
    case 'hangup':
      return msg('test.actual.hangup', { at });
    case 'transfer':
      return msg('test.actual.transfer', { target: simulation.outcome.target ?? '', at });
    case 'agent-takeover':
      return msg('test.actual.agent-takeover', { at });
    default:
      return describeOutcome(simulation.outcome).replace(/^outcome: /, '');
  }
}

/** The outcome line the case expected, for the expected side of the diff. */
function expectedOutcomeLine(testCase: TestCase): string {
  const expected = testCase.outcome?.value;
  const within = testCase.withinMs ? ` within ${formatDuration(testCase.withinMs.value)}` : '';
  if (!expected) return `outcome: the call ends${within}`;
  switch (expected.kind) {
    case 'hangup':
      return `outcome: hangup${within}`;
    case 'agent-takeover':
      return `outcome: the agent takes over${within}`;
    case 'transfer':
      return `outcome: transferred to ${expected.queue ?? 'a queue'}${within}`;
    case 'goto':
      return `outcome: goto ${expected.situation}${within}`;
  }
}

interface DiffInput {
  missing: Array<{ phrase: string; afterStep: number }>;
  forbidden: Set<number>;
  /** The expected outcome line, when the outcome or its time was wrong. */
  outcomeLine: string | null;
}

function finish(testCase: TestCase, status: CaseResult['status'], failures: CaseFailure[], simulation: Simulation, input: DiffInput): CaseResult {
  const diff = transcriptDiff(simulation, input);
  const side = (kind: DiffLine['kind']) => `${diff.filter((l) => l.kind === 'same' || l.kind === kind).map((l) => l.text).join('\n')}\n`;
  return { testCase, status, failures, simulation, diff, expected: side('expected'), actual: side('actual') };
}

/**
 * The actual transcript, with each missing phrase inserted where it was expected (after
 * the phrase matched before it) as an expected-only line, each forbidden phrase as an
 * actual-only line, and a wrong outcome as the two outcome lines.
 */
function transcriptDiff(simulation: Simulation, input: DiffInput): DiffLine[] {
  const lines: DiffLine[] = [];
  const missingAfter = (step: number) => {
    for (const m of input.missing) if (m.afterStep === step) lines.push({ kind: 'expected', text: `SAY "…${m.phrase}…"` });
  };
  const title = simulation.title !== null ? ` "${simulation.title}"` : '';
  lines.push({ kind: 'same', text: `${clock(0)} START ${simulation.situation}${title}` });
  missingAfter(-1);
  simulation.steps.forEach((step, index) => {
    lines.push({ kind: input.forbidden.has(index) ? 'actual' : 'same', text: `${clock(step.at)} ${describeStep(step)}` });
    missingAfter(index);
  });
  const actualLine = describeOutcome(simulation.outcome);
  if (input.outcomeLine !== null) {
    lines.push({ kind: 'expected', text: input.outcomeLine });
    lines.push({ kind: 'actual', text: actualLine });
  } else lines.push({ kind: 'same', text: actualLine });
  return lines;
}

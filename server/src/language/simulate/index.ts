/**
 * `sop simulate`'s pure part: walk a situation of the compiled IVR graph with the caller's
 * events and render the timed transcript. The editor's simulator panel and `sop test` use
 * the same walk.
 */
export {
  EVENT_SPELLINGS,
  formatCallerEvent,
  parseCallerEvent,
  parseCallerEvents,
  toTimedEvent,
  type CallerEvent,
  type CallerInput,
  type EventProblem,
  type ParsedEvents,
  type TimedEvent,
} from './events';
export {
  DEFAULT_MAX_STEPS,
  simulateCompiled,
  simulateSituation,
  type OutcomeKind,
  type SimOutcome,
  type SimStep,
  type SimulateOptions,
  type Simulation,
  type SpokenPart,
  type WaitPoint,
} from './simulate';
export { clock, describeLateReply, describeOutcome, lateReplyMessage, describeStep, renderTranscript } from './transcript';
export { parseVarsFile, type VarsFile } from './vars-file';

/**
 * `sop simulate`'s pure part: walk a situation of the compiled IVR graph with the caller's
 * events and render the timed transcript.
 */
export { EVENT_SPELLINGS, parseCallerEvents, type CallerEvent, type ParsedEvents } from './events';
export {
  DEFAULT_MAX_STEPS,
  simulateCompiled,
  simulateSituation,
  type OutcomeKind,
  type SimOutcome,
  type SimStep,
  type SimulateOptions,
  type Simulation,
} from './simulate';
export { clock, describeOutcome, describeStep, renderTranscript } from './transcript';

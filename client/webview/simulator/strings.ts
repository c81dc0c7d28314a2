/**
 * Every text the call simulator view shows, in English. The extension sends the same keys
 * in the display language (client/src/view-strings.ts, through `vscode.l10n.t`); the unit
 * test `test/unit/i18n/view-strings.test.ts` keeps the two lists and the bundles in step.
 * The transcript lines and the outcome come from the language server's simulation engine
 * in `sop simulate`'s wording (SAY, WAIT, START…), which stays English for now.
 */
export const SIMULATOR_STRINGS = {
  situation: 'Situation',
  restart: 'Restart',
  back: 'Back',
  silent: 'Caller silent',
  answers: 'Caller answers',
  answersGroup: "The caller's answer",
  after: 'after',
  seconds: 's',
  replyAfterLabel: 'Seconds into the wait when the caller answers',
  replyAfterTitle: 'Seconds into the wait when the caller answers (empty: at once)',
  transcriptLabel: 'Call transcript',
  varsLabel: 'Placeholder values',
  waiting: "The caller's turn: the wait times out after {0}. What does the caller do?",
  secondsValue: '{0} s',
};

export type SimulatorStrings = typeof SIMULATOR_STRINGS;

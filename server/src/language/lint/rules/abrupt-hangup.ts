/** `abrupt-hangup`: a `hangup` is not preceded by a goodbye and a long enough pause. */
import type { SopFile, WaitStep } from '../../ast';
import type { TextEdit } from '../../finding';
import { forEachStep, stepsBefore, type StepPlace } from '../../flow';
import { spell } from '../../keywords';
import { durationSpelling, insertStepsBefore, phraseLanguage, quoteString, quoteStyleNear, spellDuration } from '../edits';
import { wellFormedSituationsOf } from '../model';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';

export const abruptHangup: Rule = {
  meta: {
    id: 'abrupt-hangup',
    severity: 'error',
    description: 'On the path that reaches a `hangup`, the two steps before it must be a `say` (the goodbye) and a `wait` of at least `hangupPause`.',
    options: {
      hangupPause: {
        type: 'duration',
        default: 5000,
        description: 'The shortest pause between the goodbye and the hangup (also set by the top-level `hangupPause`).',
      },
    },
  },
  check({ file, options, config }) {
    const pause = typeof options.hangupPause === 'number' ? options.hangupPause : config.hangupPause;
    const reports: Report[] = [];
    for (const situation of wellFormedSituationsOf(file)) {
      forEachStep(situation, (place) => {
        if (place.step.kind !== 'hangup') return;
        const report = checkHangup(file, place, pause);
        if (report) reports.push(report);
      });
    }
    return reports;
  },
};

function checkHangup(file: SopFile, place: StepPlace, pause: number): Report | undefined {
  // Only silence leads from a wait into its fallback: a caller who answered and is hung up
  // on heard no pause at all, so the walk does not climb out of `reply` bodies.
  const [nearest, second] = stepsBefore(place, 2, ['fallback']);
  const spelling = place.step.keyword.spelling;
  const lang = phraseLanguage(file);
  const quote = quoteStyleNear(file, place.step.span.start);
  const sayLine = `${spell('say', spelling)} ${quoteString(FIX_PHRASES.goodbye[lang], quote)}`;
  const hangupWord = file.text.slice(place.step.keyword.span.start, place.step.keyword.span.end);

  if (nearest?.kind !== 'wait') {
    const unitSpelling = nearestDurationSpelling(place) ?? spelling;
    const waitLine = `${spell('wait', spelling)} ${spellDuration(pause, unitSpelling)}`;
    const lines = nearest?.kind === 'say' ? [waitLine] : [sayLine, waitLine];
    const missing = nearest?.kind === 'say' ? `a pause of at least ${spellDuration(pause, unitSpelling)}` : `a goodbye and a pause of at least ${spellDuration(pause, unitSpelling)}`;
    return {
      span: place.step.span,
      message: `"${hangupWord}" without ${missing}: the caller is cut off mid-sentence. Say goodbye, then wait at least ${spellDuration(pause, unitSpelling)} before hanging up`,
      fixes: [{ title: `Add ${lines.length > 1 ? 'a goodbye and ' : ''}a ${spellDuration(pause, unitSpelling)} wait before the hangup`, edits: insertStepsBefore(file.text, place, lines) }],
    };
  }

  const wait = nearest;
  const tooShort = wait.duration.ms < pause;
  const noGoodbye = second?.kind !== 'say';
  if (!tooShort && !noGoodbye) return undefined;
  const wanted = spellDuration(pause, durationSpelling(wait.duration));
  const edits: TextEdit[] = [];
  const problems: string[] = [];
  if (noGoodbye) {
    problems.push(`no goodbye ("say") comes before the wait`);
    edits.push(...insertStepsBefore(file.text, waitPlace(place, wait), [sayLine]));
  }
  if (tooShort) {
    problems.push(`the pause before it is only ${wait.duration.raw}`);
    edits.push({ span: wait.duration.span, newText: wanted });
  }
  return {
    span: place.step.span,
    message: `"${hangupWord}" too abruptly: ${problems.join(' and ')}. Say goodbye, then wait at least ${wanted} before hanging up`,
    fixes: [{ title: noGoodbye ? 'Add a goodbye before the wait' : `Wait ${wanted} before the hangup`, edits }],
  };
}

/** Where the `wait` that precedes a hangup sits: before it in its body, or the wait whose fallback it opens. */
function waitPlace(place: StepPlace, wait: WaitStep): StepPlace {
  if (place.index > 0) return { ...place, step: wait, index: place.index - 1 };
  return place.parent!.place;
}

/** The unit spelling of the nearest duration before a step, so fixes write `5秒` where the author does. */
function nearestDurationSpelling(place: StepPlace) {
  for (const step of stepsBefore(place, Number.MAX_SAFE_INTEGER)) {
    if (step.kind === 'wait') return durationSpelling(step.duration);
  }
  return undefined;
}

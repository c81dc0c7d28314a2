/** `abrupt-hangup`: a `hangup` is not preceded by a goodbye and a long enough pause. */
import type { HangupStep, SopFile, WaitStep } from '../../ast';
import type { Fix } from '../../finding';
import { stepsBefore, type StepPlace } from '../../flow';
import { spell } from '../../keywords';
import { durationSpelling, insertStepsBefore, phraseLanguage, quoteString, quoteStyleNear, spellDuration } from '../edits';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';
import { stepIndexOf, type PlaceOf } from '../step-index';
import { msg, type Msg } from '../../i18n/messages';

const THROUGH_FALLBACK = ['fallback'] as const;

export const abruptHangup: Rule = {
  meta: {
    id: 'abrupt-hangup',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'error',
    description: 'rule.abrupt-hangup.description',
    options: {
      hangupPause: {
        type: 'duration',
        default: 5000,
        description: 'rule.abrupt-hangup.option.hangupPause',
      },
    },
  },
  check({ file, options, config }) {
    const pause = typeof options.hangupPause === 'number' ? options.hangupPause : config.hangupPause;
    const reports: Report[] = [];
    const { hangups } = stepIndexOf(file);
    for (let i = 0; i < hangups.length; i++) {
      const place = hangups[i];
      // Situations that did not parse whole are left to `syntax` (see `wellFormedSituationsOf`).
      if (place.situation.hasErrors) continue;
      const report = checkHangup(file, place, pause);
      if (report) reports.push(report);
    }
    return reports;
  },
};

function checkHangup(file: SopFile, place: PlaceOf<HangupStep>, pause: number): Report | undefined {
  // Only silence leads from a wait into its fallback: a caller who answered and is then
  // hung up on had no pause at all, so the walk does not climb out of `reply` bodies.
  const before = stepsBefore(place, 2, THROUGH_FALLBACK);
  const nearest = before[0];
  const second = before[1];
  // Most hangups are fine: what a report says and its fixes write is made only for the others.
  if (nearest?.kind === 'wait' && nearest.duration.ms >= pause && second?.kind === 'say') return undefined;
  const spelling = place.step.keyword.spelling;
  const goodbye = FIX_PHRASES.goodbye[phraseLanguage(file)];
  const sayLine = `${spell('say', spelling)} ${quoteString(goodbye, quoteStyleNear(file, place.step.span.start))}`;
  const hangup = file.text.slice(place.step.keyword.span.start, place.step.keyword.span.end);
  const span = place.step.span;

  if (nearest?.kind !== 'wait') {
    const wanted = spellDuration(pause, nearestDurationSpelling(place) ?? spelling);
    const waitLine = `${spell('wait', spelling)} ${wanted}`;
    if (nearest?.kind === 'say') {
      return {
        span,
        message: msg('abrupt-hangup.after-goodbye', { hangup, wanted }),
        fixes: [{ title: msg('abrupt-hangup.fix.wait', { wanted }), edits: insertStepsBefore(file.text, place, [waitLine]) }],
      };
    }
    return {
      span,
      message: msg('abrupt-hangup.no-goodbye', { hangup, goodbye, wanted }),
      fixes: [{ title: msg('abrupt-hangup.fix.goodbye-and-wait', { wanted }), edits: insertStepsBefore(file.text, place, [sayLine, waitLine]) }],
    };
  }

  const wait = nearest;
  const tooShort = wait.duration.ms < pause;
  const noGoodbye = second?.kind !== 'say';
  if (!tooShort && !noGoodbye) return undefined;
  const wanted = spellDuration(pause, durationSpelling(wait.duration));
  const longer = { span: wait.duration.span, newText: wanted };
  const fixes: Fix<Msg>[] = [];
  const problems: Msg[] = [];
  if (noGoodbye) {
    problems.push(msg('abrupt-hangup.problem.no-goodbye', { hangup }));
    const waitText = tooShort
      ? file.text.slice(wait.span.start, wait.duration.span.start) + wanted + file.text.slice(wait.duration.span.end, wait.span.end)
      : undefined;
    const edits = insertStepsBefore(file.text, waitPlace(place, wait), [sayLine], waitText);
    // When the wait had to be wrapped in braces, the rewritten wait already has the new duration.
    if (tooShort && edits.every((e) => e.span.end <= wait.duration.span.start)) edits.push(longer);
    fixes.push({ title: tooShort ? msg('abrupt-hangup.fix.goodbye-and-longer', { wanted }) : msg('abrupt-hangup.fix.goodbye'), edits });
  } else {
    fixes.push({ title: msg('abrupt-hangup.fix.wait', { wanted }), edits: [longer] });
  }
  if (tooShort) problems.push(msg('abrupt-hangup.problem.short-pause', { hangup, pause: wait.duration.raw }));
  return {
    span,
    message: msg('abrupt-hangup.problems', { problems: { list: problems, separator: 'list.and' }, goodbye, wanted }),
    fixes,
  };
}

/** Where the `wait` before a hangup sits: just before it in its body, or the wait whose fallback it opens. */
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

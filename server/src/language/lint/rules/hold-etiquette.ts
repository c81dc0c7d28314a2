/** `hold-etiquette`: a `hold` without asking the caller first, or without a word after it. */
import type { SopFile } from '../../ast';
import type { Fix } from '../../finding';
import { forEachStep, stepsBefore, type StepPlace } from '../../flow';
import { spell } from '../../keywords';
import { insertStepsAfter, phraseLanguage, quoteString, quoteStyleNear } from '../edits';
import { wellFormedSituationsOf } from '../model';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';

export const holdEtiquette: Rule = {
  meta: {
    id: 'hold-etiquette',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'A `hold` must follow a `say` and a `wait` (ask the caller\'s consent) and be followed by a `say` (thank the caller for waiting).',
  },
  check({ file }) {
    const reports: Report[] = [];
    for (const situation of wellFormedSituationsOf(file)) {
      forEachStep(situation, (place) => {
        if (place.step.kind !== 'hold') return;
        const report = checkHold(file, place);
        if (report) reports.push(report);
      });
    }
    return reports;
  },
};

function checkHold(file: SopFile, place: StepPlace): Report | undefined {
  // Consent is an answer: a hold that opens a `fallback` came after silence, not consent,
  // so the walk climbs only out of `reply` bodies.
  const [nearest, second] = stepsBefore(place, 2, ['reply']);
  const asked = nearest?.kind === 'wait' && second?.kind === 'say';
  const thanked = place.body[place.index + 1]?.kind === 'say';
  if (asked && thanked) return undefined;

  const { step } = place;
  const spelling = step.keyword.spelling;
  const lang = phraseLanguage(file);
  const quote = quoteStyleNear(file, step.span.start);
  const hold = `"${file.text.slice(step.keyword.span.start, step.keyword.span.end)}"`;
  const problems: string[] = [];
  if (!asked) {
    problems.push(
      `ask the caller before ${hold}: say "${FIX_PHRASES.holdConsent[lang]}" and wait for the answer, then hold in the wait's reply`,
    );
  }
  if (!thanked) {
    problems.push(`follow ${hold} with a say such as "${FIX_PHRASES.holdReturn[lang]}", so the caller knows you are back`);
  }
  // Asking consent means moving the hold into a wait's reply, which restructures the
  // situation; that is left to the author. Thanking the caller is one added line.
  const fixes: Fix[] = [];
  if (asked && !thanked) {
    const line = `${spell('say', spelling)} ${quoteString(FIX_PHRASES.holdReturn[lang], quote)}`;
    fixes.push({ title: 'Thank the caller after the hold', edits: insertStepsAfter(file.text, place, [line]) });
  }
  return { span: step.span, message: problems.join('; and '), fixes };
}

/** `hold-etiquette`: a `hold` without asking the caller first, or without a word after it. */
import type { SopFile } from '../../ast';
import type { Fix } from '../../finding';
import { forEachStep, stepsBefore, type StepPlace } from '../../flow';
import { spell } from '../../keywords';
import { insertStepsAround, phraseLanguage, quoteString, quoteStyleNear, spellDuration } from '../edits';
import { wellFormedSituationsOf } from '../model';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';

export const holdEtiquette: Rule = {
  meta: {
    id: 'hold-etiquette',
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
  const before: string[] = [];
  const after: string[] = [];
  if (!asked) {
    problems.push(
      `ask the caller before ${hold}: say "${FIX_PHRASES.holdConsent[lang]}" and wait for the answer, then hold in the wait's reply`,
    );
    before.push(`${spell('say', spelling)} ${quoteString(FIX_PHRASES.holdConsent[lang], quote)}`, `${spell('wait', spelling)} ${spellDuration(5000, spelling)}`);
  }
  if (!thanked) {
    problems.push(`follow ${hold} with a say such as "${FIX_PHRASES.holdReturn[lang]}", so the caller knows you are back`);
    after.push(`${spell('say', spelling)} ${quoteString(FIX_PHRASES.holdReturn[lang], quote)}`);
  }
  const title = [asked ? '' : 'ask the caller before the hold', thanked ? '' : 'thank the caller after it'].filter(Boolean).join(' and ');
  const fixes: Fix[] = [{ title: title[0].toUpperCase() + title.slice(1), edits: insertStepsAround(file.text, place, before, after) }];
  return { span: step.span, message: problems.join('; and '), fixes };
}

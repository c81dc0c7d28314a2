/** `hold-etiquette`: a `hold` without asking the caller first, or without a word after it. */
import type { HoldStep, SopFile } from '../../ast';
import type { Fix } from '../../finding';
import { msg, type Msg } from '../../i18n/messages';
import { stepsBefore } from '../../flow';
import { spell } from '../../keywords';
import { insertStepsAfter, phraseLanguage, quoteString, quoteStyleNear } from '../edits';
import { FIX_PHRASES } from '../phrases';
import type { Report, Rule } from '../rule';
import { stepIndexOf, type PlaceOf } from '../step-index';

export const holdEtiquette: Rule = {
  meta: {
    id: 'hold-etiquette',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'rule.hold-etiquette.description',
  },
  check({ file }) {
    const reports: Report[] = [];
    const { holds } = stepIndexOf(file);
    for (let i = 0; i < holds.length; i++) {
      const place = holds[i];
      // Situations that did not parse whole are left to `syntax` (see `wellFormedSituationsOf`).
      if (place.situation.hasErrors) continue;
      const report = checkHold(file, place);
      if (report) reports.push(report);
    }
    return reports;
  },
};

function checkHold(file: SopFile, place: PlaceOf<HoldStep>): Report | undefined {
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
  const hold = file.text.slice(step.keyword.span.start, step.keyword.span.end);
  const problems: Msg[] = [];
  if (!asked) {
    problems.push(msg('hold-etiquette.ask-first', { hold, consent: FIX_PHRASES.holdConsent[lang] }));
  }
  if (!thanked) {
    problems.push(msg('hold-etiquette.thank-after', { hold, thanks: FIX_PHRASES.holdReturn[lang] }));
  }
  // Asking consent means moving the hold into a wait's reply, which restructures the
  // situation; that is left to the author. Thanking the caller is one added line.
  const fixes: Fix<Msg>[] = [];
  if (asked && !thanked) {
    const line = `${spell('say', spelling)} ${quoteString(FIX_PHRASES.holdReturn[lang], quote)}`;
    fixes.push({ title: msg('hold-etiquette.fix.thank'), edits: insertStepsAfter(file.text, place, [line]) });
  }
  return { span: step.span, message: msg('hold-etiquette.message', { problems: { list: problems, separator: 'list.semicolon-and' } }), fixes };
}

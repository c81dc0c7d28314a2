/** `long-phrase`: a `say` longer than `maxPhraseChars` characters. */
import { msg } from '../../i18n/messages';
import { forEachStep } from '../../flow';
import { situationsOf } from '../model';
import type { Report, Rule } from '../rule';

export const longPhrase: Rule = {
  meta: {
    id: 'long-phrase',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'rule.long-phrase.description',
    options: {
      maxPhraseChars: { type: 'number', default: 80, description: 'rule.long-phrase.option.maxPhraseChars' },
    },
  },
  check({ file, options }) {
    const max = Number(options.maxPhraseChars);
    const reports: Report[] = [];
    for (const situation of situationsOf(file)) {
      forEachStep(situation, ({ step }) => {
        if (step.kind !== 'say') return;
        // Characters, not UTF-16 units: a rare CJK character outside the BMP is one character.
        const length = [...step.text.value].length;
        if (length <= max) return;
        reports.push({
          span: step.text.span,
          message: msg('long-phrase.message', { length: String(length), max: String(max), keyword: file.text.slice(step.keyword.span.start, step.keyword.span.end) }),
        });
      });
    }
    return reports;
  },
};

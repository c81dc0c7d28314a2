/** `long-phrase`: a `say` longer than `maxPhraseChars` characters. */
import { forEachStep } from '../../flow';
import { situationsOf } from '../model';
import type { Report, Rule } from '../rule';

export const longPhrase: Rule = {
  meta: {
    id: 'long-phrase',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'warning',
    description: 'A `say` is longer than `maxPhraseChars` characters, too long for a caller to follow in one breath.',
    options: {
      maxPhraseChars: { type: 'number', default: 80, description: 'The most characters one `say` may hold (placeholders count as written).' },
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
          message: `this phrase is ${length} characters long, more than ${max}: a caller cannot follow it in one breath; split it into two "${file.text.slice(step.keyword.span.start, step.keyword.span.end)}" steps`,
        });
      });
    }
    return reports;
  },
};

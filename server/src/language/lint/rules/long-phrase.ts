/** `long-phrase`: a `say` longer than `maxPhraseChars` characters. */
import { msg } from '../../i18n/messages';
import type { Report, Rule } from '../rule';
import { stepIndexOf } from '../step-index';

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
    const { says } = stepIndexOf(file);
    for (let i = 0; i < says.length; i++) {
      const step = says[i];
      const { value } = step.text;
      // Characters, not UTF-16 units: a rare CJK character outside the BMP is one character.
      // A text of no more units than that has no more characters, and most are that short.
      if (value.length <= max) continue;
      const length = [...value].length;
      if (length <= max) continue;
      reports.push({
        span: step.text.span,
        message: msg('long-phrase.message', { length: String(length), max: String(max), keyword: file.text.slice(step.keyword.span.start, step.keyword.span.end) }),
      });
    }
    return reports;
  },
};

/** `banned-phrase`: a `say` or `promise` text contains a banned phrasing of the lexicon. */
import type { StringLit } from '../../ast';
import type { Fix } from '../../finding';
import { forEachStep } from '../../flow';
import { matcherForConfig } from '../../config/matcher-for-config';
import type { PhraseMatcher } from '../../lexicon/types';
import { escapeForString } from '../edits';
import { situationsOf } from '../model';
import type { Report, Rule } from '../rule';

export const bannedPhrase: Rule = {
  meta: {
    id: 'banned-phrase',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'error',
    description: 'A `say` or `promise` text contains a phrasing the lexicon bans; the fixes offer its suggested replacements.',
  },
  check({ file, config }) {
    // One matcher per configuration, shared by every file linted under it.
    const matcher = matcherForConfig(config);
    const reports: Report[] = [];
    for (const situation of situationsOf(file)) {
      forEachStep(situation, ({ step }) => {
        if (step.kind === 'say') reports.push(...checkText(matcher, step.text));
        else if (step.kind === 'promise' && step.text) reports.push(...checkText(matcher, step.text));
      });
    }
    return reports;
  },
};

function checkText(matcher: PhraseMatcher, text: StringLit): Report[] {
  // Matching runs on the text as written between the quotes, so offsets map straight back
  // to the document: both quote styles are one code unit wide.
  const base = text.span.start + 1;
  return matcher.find(text.raw).map((match) => {
    const span = { start: base + match.start, end: base + match.end };
    const phrase = text.raw.slice(match.start, match.end);
    const { suggest } = match.entry;
    const fixes: Fix[] = suggest.map((replacement) => ({
      title: replacement === '' ? `Remove "${phrase}"` : `Replace "${phrase}" with "${replacement}"`,
      edits: [{ span, newText: escapeForString(replacement, text.quote) }],
      safe: suggest.length === 1,
    }));
    return { span, message: `banned phrasing "${phrase}": ${match.entry.message}`, fixes, severity: match.entry.severity };
  });
}

/** `banned-phrase`: a `say` or `promise` text contains a banned phrasing of the lexicon. */
import type { StringLit } from '../../ast';
import type { Fix } from '../../finding';
import { msg, type LocalizedText, type Msg } from '../../i18n/messages';
import { matcherForConfig } from '../../config/matcher-for-config';
import type { PhraseMatch, PhraseMatcher } from '../../lexicon/types';
import { escapeForString, phraseLanguage } from '../edits';
import type { Report, Rule } from '../rule';
import { stepIndexOf } from '../step-index';

export const bannedPhrase: Rule = {
  meta: {
    id: 'banned-phrase',
    // Judges each situation on its own, so unchanged situations are not re-checked.
    perSituation: true,
    severity: 'error',
    description: 'rule.banned-phrase.description',
  },
  check({ file, config }) {
    // One matcher per configuration, shared by every file linted under it.
    const matcher = matcherForConfig(config);
    // A suggestion given per locale is said to the caller: the script's language picks it.
    const language = phraseLanguage(file) === 'zh' ? 'zh-CN' : 'en';
    const reports: Report[] = [];
    // The engine sorts findings by place, so `say`s and `promise`s are looked at in turn.
    const { says, promises } = stepIndexOf(file);
    for (let i = 0; i < says.length; i++) checkText(matcher, says[i].text, language, reports);
    for (let i = 0; i < promises.length; i++) {
      const { text } = promises[i];
      if (text) checkText(matcher, text, language, reports);
    }
    return reports;
  },
};

function checkText(matcher: PhraseMatcher, text: StringLit, language: 'zh-CN' | 'en', reports: Report[]): void {
  // Matching runs on the text as written between the quotes, so offsets map straight back
  // to the document: both quote styles are one code unit wide.
  const matches = matcher.find(text.raw);
  if (matches.length > 0) reportMatches(matches, text, language, reports);
}

/**
 * The reports for what the lexicon found in `text`. Its own function: the closures here
 * would otherwise make every call of `checkText` (one per phrase) allocate a context.
 */
function reportMatches(matches: readonly PhraseMatch[], text: StringLit, language: 'zh-CN' | 'en', reports: Report[]): void {
  const base = text.span.start + 1;
  for (const match of matches) {
    const span = { start: base + match.start, end: base + match.end };
    const phrase = text.raw.slice(match.start, match.end);
    const { suggest } = match.entry;
    const fixes: Fix<Msg>[] = suggest.map((suggestion) => pickText(suggestion, language)).map((replacement) => ({
      title: replacement === '' ? msg('banned-phrase.fix.remove', { phrase }) : msg('banned-phrase.fix.replace', { phrase, replacement }),
      edits: [{ span, newText: escapeForString(replacement, text.quote) }],
      safe: suggest.length === 1,
    }));
    reports.push({ span, message: msg('banned-phrase.message', { phrase, advice: match.entry.message }), fixes, severity: match.entry.severity });
  }
}

/** The text of `language`, else English, else the first given. */
function pickText(value: LocalizedText, language: 'zh-CN' | 'en'): string {
  if (typeof value === 'string') return value;
  return value[language] ?? value.en ?? Object.values(value).find((v) => v !== undefined) ?? '';
}

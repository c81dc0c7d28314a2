/**
 * One line per keyword saying what it does, in the words of the spec's "Structure" and
 * "Meaning" sections. Completion shows it beside each keyword and hover on a keyword shows
 * it with the other spelling, so a writer can switch between `say` and `说` with confidence.
 */
import { EN, type MessageKey, type Messages } from '../i18n/messages';
import type { KeywordName } from '../keywords';

/** The catalog key of a keyword's line. */
export function keywordHelpKey(name: KeywordName): MessageKey {
  return `keyword.${name}` as MessageKey;
}

/** A keyword's line in the reader's language. */
export function keywordHelp(name: KeywordName, messages: Messages = EN): string {
  return messages.t(keywordHelpKey(name));
}

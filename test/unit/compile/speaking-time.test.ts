/**
 * The speaking-time model documented in docs/output-format.md: Chinese at 4 characters a
 * second, English at 2.5 words a second, pauses at punctuation, placeholders as a typical value.
 */
import * as assert from 'node:assert/strict';
import { estimateSpeakingMs } from '../../../server/src/language/compile/speaking-time';
import type { TextPart } from '../../../server/src/language/compile/types';

const estimate = (...parts: Array<string | { var: string }>) =>
  estimateSpeakingMs(parts.map((part): TextPart => (typeof part === 'string' ? { text: part } : part)));

describe('compile: estimated speaking time', () => {
  const cases: Array<[string, Array<string | { var: string }>, number]> = [
    ['four Chinese characters a second', ['请您稍等'], 1000],
    ['a pause at a full-width comma and a longer one at 。', ['好的\uFF0C请稍等\u3002'], 5 * 250 + 250 + 500],
    ['the same pauses for ASCII marks typed in Chinese text', ['好的,请稍等!'], 5 * 250 + 250 + 500],
    ['full-width ！ and ？ as sentence pauses', ['您好\uFF01您好\uFF1F'], 2 * (500 + 500)],
    ['two and a half English words a second', ['How may I help you'], 5 * 400],
    ["words joined by an apostrophe or a hyphen as one", ["don't re-dial"], 2 * 400],
    ['no pause inside 3.50, 1,000 or Mr./Ms', ['3.50 1,000 Mr./Ms'], 4 * 400],
    ['a run of marks as one pause', ['Hello?! \u2026\u2026'], 400 + 500],
    ['a placeholder in Chinese as three characters', ['您好,', { var: '姓氏' }, '先生'], 500 + 250 + 750 + 500],
    ['a placeholder in English as two words', ['Hello ', { var: 'lastName' }], 400 + 800],
    ['nothing for an empty phrase', [''], 0],
  ];
  for (const [what, parts, ms] of cases) {
    it(what, () => assert.equal(estimate(...parts), ms));
  }
});

/**
 * The keyword table: every keyword in its English and Chinese spelling. Tools that write
 * code (formatter, completion, quick fixes) use `spell()` to keep the spelling the author
 * chose; messages use `KEYWORDS` to suggest the nearest keyword for a typo.
 */
import type { Spelling } from './ast';

export const KEYWORDS = {
  script: '脚本',
  version: '版本',
  locale: '语言',
  var: '变量',
  import: '引用',
  situation: '情景',
  tags: '标签',
  when: '触发',
  note: '备注',
  promise: '承诺',
  say: '说',
  wait: '等待',
  fallback: '兜底',
  reply: '回应',
  goto: '转到',
  transfer: '转接',
  hangup: '挂机',
  end: '结束',
  hold: '静音',
} as const;

export type KeywordName = keyof typeof KEYWORDS;

/** Keywords that start a step inside a situation body. */
export const STEP_KEYWORDS: readonly KeywordName[] = [
  'say',
  'wait',
  'note',
  'promise',
  'hold',
  'goto',
  'transfer',
  'hangup',
  'end',
];

const BY_SPELLING = new Map<string, KeywordName>();
for (const [en, zh] of Object.entries(KEYWORDS) as [KeywordName, string][]) {
  BY_SPELLING.set(en, en);
  BY_SPELLING.set(zh, en);
}

/** The keyword a word spells (in either language), if any. */
export function keywordOf(word: string): KeywordName | undefined {
  return BY_SPELLING.get(word);
}

/** A keyword in the requested spelling. */
export function spell(name: KeywordName, spelling: Spelling): string {
  return spelling === 'en' ? name : KEYWORDS[name];
}

/** Whether `ch` can continue an identifier (so a keyword directly before it is no keyword). */
export function isIdentPart(ch: string): boolean {
  return /^[\p{L}0-9_-]$/u.test(ch);
}

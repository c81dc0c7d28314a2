/**
 * How a file is written: which keyword spelling, quote style and duration units its author
 * uses, and which language its phrases are in. Completion writes new code in the same
 * style, so a Chinese-spelled script gets `等待 5秒` and an English one `wait 5s`.
 */
import type { Spelling, SopFile } from '../ast';
import { durationsIn, keywordsIn, stringsIn, stringsInSituation } from './walk';

export interface WritingStyle {
  /** The keyword spelling most keywords of the file use (English on a tie or an empty file). */
  spelling: Spelling;
  /** The quote style most strings use (ASCII on a tie). */
  quote: 'ascii' | 'cjk';
  /** Whether durations are written with Chinese units (`5秒`) or English ones (`5s`). */
  units: Spelling;
  /** The language of the phrases spoken to callers. */
  language: 'zh' | 'en';
}

const CJK = /[\p{Script=Han}]/u;
const ZH_UNITS = new Set(['毫秒', '秒', '分钟', '小时', '天']);
const cache = new WeakMap<SopFile, WritingStyle>();

export function detectStyle(file: SopFile): WritingStyle {
  let style = cache.get(file);
  if (!style) {
    style = computeStyle(file);
    cache.set(file, style);
  }
  return style;
}

/** How many declarations are read: enough to tell a habit, and bounded on a huge script. */
const SAMPLE_DECLS = 200;

function computeStyle(whole: SopFile): WritingStyle {
  const file = whole.decls.length > SAMPLE_DECLS ? { ...whole, decls: whole.decls.slice(0, SAMPLE_DECLS) } : whole;
  const keywords = keywordsIn(file);
  const zhKeywords = keywords.filter((k) => k.spelling === 'zh').length;
  const spelling: Spelling = zhKeywords * 2 > keywords.length ? 'zh' : 'en';

  const strings = stringsIn(file);
  const cjkQuotes = strings.filter((s) => s.quote === 'cjk').length;
  const quote = cjkQuotes * 2 > strings.length ? 'cjk' : 'ascii';

  const durations = durationsIn(file);
  const zhDurations = durations.filter((d) => ZH_UNITS.has(d.unit)).length;
  const units: Spelling = durations.length === 0 ? spelling : zhDurations * 2 > durations.length ? 'zh' : 'en';

  return { spelling, quote, units, language: languageOf(file, spelling) };
}

/**
 * The `locale` header decides the phrase language; without one, the phrases already
 * written do (any Chinese character means Chinese), and then the keyword spelling.
 */
function languageOf(file: SopFile, spelling: Spelling): 'zh' | 'en' {
  const locale = file.header.locale?.value.value.toLowerCase();
  if (locale?.startsWith('zh')) return 'zh';
  if (locale?.startsWith('en')) return 'en';
  for (const decl of file.decls) {
    if (decl.kind !== 'situation') continue;
    if (stringsInSituation(decl).some((s) => CJK.test(s.value))) return 'zh';
  }
  return spelling;
}

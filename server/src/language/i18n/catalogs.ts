/**
 * The message catalogs, one per language. Adding a language is adding its JSON file
 * (a translation of `en.json`, same keys and placeholders; `test/unit/i18n` checks it) and
 * one line here.
 */
import en from './catalogs/en.json';
import zhCN from './catalogs/zh-CN.json';

export const CATALOGS = {
  en,
  'zh-CN': zhCN,
} as const;

export type Locale = keyof typeof CATALOGS;

export const DEFAULT_LOCALE: Locale = 'en';

export const LOCALES = Object.keys(CATALOGS) as Locale[];

/**
 * What intl-messageformat formats with, chosen so that a process does not load ICU's
 * number-formatting data to print a message. The first `Intl.NumberFormat` of a process
 * (or its `supportedLocalesOf`) costs ~10–20 ms, more than the rest of a small `sop check`,
 * while `Intl.PluralRules` costs ~0.2 ms. intl-messageformat asks for a NumberFormat twice:
 * to resolve the locale of every message it compiles, and to print the number of a `#`
 * (or a `{n, number}`). Both are replaced here by equivalents with the same results:
 * locales are resolved through `Intl.PluralRules`, and a plain non-negative integer is
 * printed with the digit grouping its locale's NumberFormat uses (test/unit/i18n checks
 * every message of every catalog in every locale against the library's own formatting).
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import type { Locale } from './catalogs';

/**
 * How each locale's default NumberFormat groups the digits of an integer: this separator
 * every three digits from the right (latin digits). A locale whose numbers differ in any
 * other way (other digits, other group sizes) must format through `Intl.NumberFormat`:
 * give it `undefined`.
 */
const GROUP_SEPARATOR: Record<Locale, string | undefined> = {
  en: ',',
  'zh-CN': ',',
};

/**
 * intl-messageformat's own `resolveLocale` (12.x), with `Intl.PluralRules` answering which
 * locales are supported instead of `Intl.NumberFormat`. Both ask ICU for the same list of
 * available locales, but only NumberFormat loads its data to do so.
 */
function resolveLocaleCheaply(locales: string | string[]): Intl.Locale | undefined {
  if (typeof Intl.Locale === 'undefined') return undefined;
  const supported = Intl.PluralRules.supportedLocalesOf(locales);
  if (supported.length > 0) return new Intl.Locale(supported[0]);
  return new Intl.Locale(typeof locales === 'string' ? locales : locales[0]);
}

let installed = false;

/** Makes intl-messageformat resolve locales without `Intl.NumberFormat` (idempotent). */
export function installCheapLocaleResolution(): void {
  if (installed) return;
  installed = true;
  IntlMessageFormat.resolveLocale = resolveLocaleCheaply;
}

/** `value` with `separator` between groups of three digits, as `Intl.NumberFormat` prints it. */
export function groupDigits(value: number, separator: string): string {
  const digits = String(value);
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += separator + digits.slice(i, i + 3);
  return out;
}

type NumberFormatOptions = Parameters<Formatters['getNumberFormat']>[1];

/**
 * The formatters every message of `locale` shares: plural rules and number formats made
 * once per locale and options (the library's default makes them per message), and a
 * number format that prints plain non-negative integers itself, making the real one only
 * for anything else.
 */
export function formattersFor(locale: Locale): Formatters {
  const pluralRules = new Map<string, Intl.PluralRules>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const realNumberFormat = (locales: string | string[] | undefined, options: NumberFormatOptions): Intl.NumberFormat => {
    const key = JSON.stringify([locales, options]);
    let format = numberFormats.get(key);
    if (!format) {
      // The library's options type is a newer ECMAScript's (e.g. `useGrouping: "auto"`); the values pass through.
      format = new Intl.NumberFormat(locales, options as Intl.NumberFormatOptions);
      numberFormats.set(key, format);
    }
    return format;
  };
  const separator = GROUP_SEPARATOR[locale];
  const plain = {
    format(value: number | bigint): string {
      if (separator !== undefined && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && !Object.is(value, -0)) {
        return groupDigits(value, separator);
      }
      return realNumberFormat(locale, undefined).format(value);
    },
  } as Intl.NumberFormat;
  return {
    getNumberFormat(locales, options) {
      return options === undefined && isOwnLocale(locales, locale) ? plain : realNumberFormat(locales, options);
    },
    getDateTimeFormat: (locales, options) => new Intl.DateTimeFormat(locales, options),
    getPluralRules(locales, options) {
      const key = JSON.stringify([locales, options]);
      let rules = pluralRules.get(key);
      if (!rules) {
        rules = new Intl.PluralRules(locales, options);
        pluralRules.set(key, rules);
      }
      return rules;
    },
  };
}

function isOwnLocale(locales: string | string[] | undefined, locale: Locale): boolean {
  return locales === locale || (Array.isArray(locales) && locales.length === 1 && locales[0] === locale);
}

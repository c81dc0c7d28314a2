/**
 * The formatters that spare a process ICU's number-formatting data (`i18n/formatters.ts`)
 * print exactly what intl-messageformat prints with its own: every message of every
 * catalog, rendered in every locale with plural counts from 0 to millions (and the
 * numbers they hand back to `Intl.NumberFormat`), gives the same text both ways, and the
 * cheaper locale resolution gives the same locale.
 */
import assert from 'node:assert/strict';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, LOCALES } from '../../../server/src/language/i18n/catalogs';
import { formattersFor, groupDigits, installCheapLocaleResolution } from '../../../server/src/language/i18n/formatters';
import { messagesFor } from '../../../server/src/language/i18n/messages';

/** Counts a plural or a `#` may get: both plural forms, every group size, and the edges. */
const COUNTS = [0, 1, 2, 3, 5, 10, 11, 21, 99, 100, 101, 999, 1000, 1001, 1234, 9999, 10000, 12345, 100000, 123456, 999999, 1000000, 1234567, 12345678, 2 ** 31, Number.MAX_SAFE_INTEGER];
/** Numbers the fast path leaves to `Intl.NumberFormat`. */
const OTHER_NUMBERS = [-0, -1, -1234, 0.5, 1.5, 1234.5678, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY];

/** The arguments of a message: plural/select ones with the values that pick each branch. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, 'text' | 'number' | string[]>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    if (element.type === TYPE.plural) into.set(element.value, 'number');
    else if (element.type === TYPE.select) into.set(element.value, Object.keys(element.options));
    else if (element.type === TYPE.number) into.set(element.value, 'number');
    else if (!into.has(element.value)) into.set(element.value, 'text');
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** Argument sets covering each number for every numeric argument and each select branch. */
function valueSets(source: string, numbers: readonly number[]): Array<Record<string, string | number>> {
  const args = argumentsOf(parse(source, { ignoreTag: true }));
  const sets: Array<Record<string, string | number>> = [];
  const base: Record<string, string | number> = {};
  for (const [name, kind] of args) base[name] = kind === 'text' ? `«${name}»` : kind === 'number' ? 2 : kind[0];
  for (const [name, kind] of args) {
    if (kind === 'number') for (const n of numbers) sets.push({ ...base, [name]: n });
    else if (Array.isArray(kind)) for (const option of kind) sets.push({ ...base, [name]: option });
  }
  return sets.length > 0 ? sets : [base];
}

describe('i18n: formatters without Intl.NumberFormat', () => {
  before(() => installCheapLocaleResolution());

  for (const locale of LOCALES) {
    for (const catalogLocale of LOCALES) {
      it(`formats every ${catalogLocale} message in ${locale} exactly as intl-messageformat's own formatters do`, () => {
        const formatters = formattersFor(locale);
        let compared = 0;
        for (const [key, source] of Object.entries(CATALOGS[catalogLocale] as Record<string, string>)) {
          const ours = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true, formatters });
          const library = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
          for (const values of valueSets(source, [...COUNTS, ...OTHER_NUMBERS])) {
            assert.equal(ours.format(values), library.format(values), `${key} with ${JSON.stringify(values)}`);
            compared++;
          }
        }
        assert.ok(compared > Object.keys(CATALOGS[catalogLocale]).length);
      });
    }

    it(`prints plain and other numbers in ${locale} as Intl.NumberFormat does`, () => {
      const reference = new Intl.NumberFormat(locale);
      const plain = formattersFor(locale).getNumberFormat(locale);
      for (const n of [...COUNTS, ...OTHER_NUMBERS]) assert.equal(plain.format(n), reference.format(n), String(n));
      const percent = formattersFor(locale).getNumberFormat(locale, { style: 'percent' });
      assert.equal(percent.format(0.25), new Intl.NumberFormat(locale, { style: 'percent' }).format(0.25));
    });

    it(`resolves ${locale} (and its variants) to the locale the library's own resolution gives`, () => {
      for (const tag of [locale, locale.toLowerCase(), `${locale}-u-nu-latn`, ['xx', locale], 'zh-Hans-CN', 'en-GB', 'xx-YY']) {
        const library = Intl.NumberFormat.supportedLocalesOf(tag);
        const expected = new Intl.Locale(library.length > 0 ? library[0] : typeof tag === 'string' ? tag : tag[0]);
        assert.equal(IntlMessageFormat.resolveLocale(tag)?.toString(), expected.toString(), String(tag));
      }
    });
  }

  it('groups digits in threes from the right', () => {
    assert.deepEqual([0, 12, 123, 1234, 123456, 1234567].map((n) => groupDigits(n, ',')), ['0', '12', '123', '1,234', '123,456', '1,234,567']);
  });

  it('renders a count through the catalogs with grouping, in both languages', () => {
    assert.equal(messagesFor('en').t('cli.count.error', { count: 12345 }), '12,345 errors');
    assert.equal(messagesFor('zh-CN').t('cli.count.error', { count: 1 }), new IntlMessageFormat(CATALOGS['zh-CN']['cli.count.error'], 'zh-CN').format({ count: 1 }));
  });
});

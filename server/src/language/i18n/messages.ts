/**
 * Localised messages. Every text a user reads comes from one catalog per language
 * (`catalogs/<locale>.json`, ICU MessageFormat through `intl-messageformat`). The language
 * layer stays locale-free: rules and the parser describe a message as data (`Msg`: a key
 * and its arguments), caches keep that data, and a `Messages` object for the reader's
 * locale renders it at the edge (the lint engine's last step, a hover, a CLI printer).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, DEFAULT_LOCALE, type Locale } from './catalogs';
import type en from './catalogs/en.json';
import { formattersFor, installCheapLocaleResolution } from './formatters';

export type { Locale } from './catalogs';
export { LOCALES, DEFAULT_LOCALE } from './catalogs';

/** A key of the catalogs; the English catalog is the reference every other one matches. */
export type MessageKey = keyof typeof en;

/** A text given per locale (a lexicon entry's reason) or the same text for all. */
export type LocalizedText = string | Readonly<Partial<Record<string, string>>>;

/** Items rendered one by one and joined with the separators the catalog gives. */
export interface ListArg {
  list: readonly ArgValue[];
  /** The separator between items, e.g. `list.comma`. */
  separator: MessageKey;
  /** The separator before the last item, e.g. `list.or`; the separator when absent. */
  last?: MessageKey;
}

export type ArgValue = string | number | LocalizedText | Msg | ListArg;

/** A message as data: rendered later, in the reader's language. */
export interface Msg {
  readonly key: MessageKey;
  readonly args?: Readonly<Record<string, ArgValue>>;
}

/** Builds a `Msg`; rules and the parser return these instead of text. */
export function msg(key: MessageKey, args?: Record<string, ArgValue>): Msg {
  return args ? { key, args } : { key };
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && typeof (value as Msg).key === 'string' && !('list' in value);
}

export interface Messages {
  readonly locale: Locale;
  /** Renders a message (nested messages, lists and per-locale texts included). */
  format(message: Msg): string;
  /** Shorthand for `format(msg(key, args))`. */
  t(key: MessageKey, args?: Record<string, ArgValue>): string;
  /** Picks this locale's text of a per-locale text, falling back to English, then to any. */
  text(value: LocalizedText): string;
}

/**
 * The supported locale for a BCP 47 tag or a POSIX locale name (`zh-cn`, `zh-Hans-CN`,
 * `zh_CN.UTF-8`, `en-US`), or undefined when the language is not supported. Every Chinese
 * tag maps to zh-CN: it is the only Chinese catalog, and simplified Chinese reads better
 * to a Chinese reader than English does.
 */
export function resolveLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const cleaned = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  if (cleaned === '' || cleaned === 'c' || cleaned === 'posix') return undefined;
  const exact = Object.keys(CATALOGS).find((l) => l.toLowerCase() === cleaned);
  if (exact) return exact as Locale;
  const language = cleaned.split('-')[0];
  const byLanguage = Object.keys(CATALOGS).find((l) => l.toLowerCase().split('-')[0] === language);
  return byLanguage as Locale | undefined;
}

const cache = new Map<Locale, Messages>();

/** The messages of a locale (any tag `resolveLocale` reads); English when unsupported. */
export function messagesFor(tag?: string): Messages {
  const locale = resolveLocale(tag) ?? DEFAULT_LOCALE;
  let messages = cache.get(locale);
  if (!messages) {
    messages = createMessages(locale);
    cache.set(locale, messages);
  }
  return messages;
}

/** English: what the language layer renders when no locale is given. */
export const EN: Messages = messagesFor(DEFAULT_LOCALE);

function createMessages(locale: Locale): Messages {
  const catalog = CATALOGS[locale] as Record<string, string>;
  const fallback = CATALOGS[DEFAULT_LOCALE] as Record<string, string>;
  installCheapLocaleResolution();
  const options = { ignoreTag: true, formatters: formattersFor(locale) };
  // Compiled once per key and locale: the lint renders every finding through these.
  const compiled = new Map<string, IntlMessageFormat>();
  const compile = (key: string): IntlMessageFormat => {
    let format = compiled.get(key);
    if (!format) {
      const source = catalog[key] ?? fallback[key] ?? key;
      try {
        format = new IntlMessageFormat(source, locale, undefined, options);
      } catch {
        format = new IntlMessageFormat(fallback[key] ?? key, DEFAULT_LOCALE, undefined, options);
      }
      compiled.set(key, format);
    }
    return format;
  };
  const text = (value: LocalizedText): string => {
    if (typeof value === 'string') return value;
    return value[locale] ?? value[DEFAULT_LOCALE] ?? Object.values(value).find((v) => v !== undefined) ?? '';
  };
  const render = (value: ArgValue): string | number => {
    if (typeof value === 'string' || typeof value === 'number') return value;
    if (isMsg(value)) return format(value);
    if ('list' in value && Array.isArray((value as ListArg).list)) {
      const list = value as ListArg;
      const items = list.list.map((item) => String(render(item)));
      if (items.length <= 1) return items.join('');
      const separator = format(msg(list.separator));
      const last = list.last ? format(msg(list.last)) : separator;
      return items.slice(0, -1).join(separator) + last + items[items.length - 1];
    }
    return text(value as LocalizedText);
  };
  // A `Msg` is immutable and the lint caches hand the same objects back for every
  // unchanged situation, so each is rendered once per locale, not once per keystroke.
  const rendered = new WeakMap<Msg, string>();
  const format = (message: Msg): string => {
    let text = rendered.get(message);
    if (text === undefined) {
      text = formatNow(message);
      rendered.set(message, text);
    }
    return text;
  };
  const formatNow = (message: Msg): string => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(message.args ?? {})) values[name] = render(value);
    try {
      return String(compile(message.key).format(values));
    } catch {
      // A catalog with a broken message must not take the server down: show the key and
      // its arguments (test/unit/i18n checks every catalog, so this is a last resort).
      return `${message.key} ${JSON.stringify(values)}`;
    }
  };
  return { locale, format, t: (key, args) => format(msg(key, args)), text };
}

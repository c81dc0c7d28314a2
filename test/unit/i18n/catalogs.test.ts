/**
 * The message catalogs stay in step: every language has exactly the English keys, each
 * message parses as ICU MessageFormat and uses the same placeholders (and, for plurals and
 * selects, the same kind of argument) as the English one; every key is used by the code;
 * and rule files give their messages and fix titles as catalog keys (`msg(…)`), never as
 * literal text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGS, LOCALES } from '../../../server/src/language/i18n/catalogs';
import { KEYWORDS } from '../../../server/src/language/keywords';
import { RULE_METAS } from '../../../server/src/language/lint/registry';
import { COMMAND_HELP } from '../../../server/src/cli/help';

const ROOT = join(__dirname, '../../..');
const en = CATALOGS.en as Record<string, string>;

/** Each argument a message uses, with its kind ("argument", "plural", "select", …). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentsOf(element.children, into);
      continue;
    }
    const kind = TYPE[element.type];
    // A plain `{n}` and a plural over the same name are different uses, but a number may be
    // written plainly in one language and selected on in another only through plural/select.
    if (!into.has(element.value) || into.get(element.value) === 'argument') into.set(element.value, kind);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));
}

describe('message catalogs', () => {
  it('are there for English and Chinese', () => {
    assert.deepEqual([...LOCALES].sort(), ['en', 'zh-CN']);
  });

  for (const locale of LOCALES) {
    const catalog = CATALOGS[locale] as Record<string, string>;
    describe(locale, () => {
      it('has exactly the keys of the English catalog', () => {
        const missing = Object.keys(en).filter((key) => !(key in catalog));
        const extra = Object.keys(catalog).filter((key) => !(key in en));
        assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
      });

      it('parses every message and uses the same placeholders as English', () => {
        const problems: string[] = [];
        for (const [key, source] of Object.entries(catalog)) {
          let args: Map<string, string>;
          try {
            args = argumentsOf(parse(source, { ignoreTag: true }));
          } catch (error) {
            problems.push(`${key}: does not parse (${(error as Error).message})`);
            continue;
          }
          const reference = argumentsOf(parse(en[key] ?? '', { ignoreTag: true }));
          const names = (m: Map<string, string>) => [...m.keys()].sort().join(', ');
          if (names(args) !== names(reference)) problems.push(`${key}: placeholders {${names(args)}} but English has {${names(reference)}}`);
          for (const [name, kind] of reference) {
            if (kind === 'select' && args.get(name) !== 'select') problems.push(`${key}: {${name}} is a select in English, ${args.get(name)} here`);
          }
        }
        assert.deepEqual(problems, []);
      });

      if (locale !== 'en') {
        it('is written in its language (no English left untranslated)', () => {
          const untranslated = Object.entries(catalog)
            .filter(([key, text]) => text === en[key] && /[a-z]{4,}/i.test(text.replace(/\{[^}]*\}|`[^`]*`|"[^"]*"/g, '')))
            .map(([key]) => key);
          assert.deepEqual(untranslated, []);
        });
      }
    });
  }

  it('has no key that the code never uses', () => {
    const code = [...sourceFiles(join(ROOT, 'server/src')), ...sourceFiles(join(ROOT, 'client/src'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    // Keys the code builds from a name: one family per table it is built from.
    const built = new Set<string>([
      ...RULE_METAS.flatMap((meta) => [meta.description, ...Object.values(meta.options ?? {}).map((o) => o.description)]),
      ...Object.keys(KEYWORDS).map((name) => `keyword.${name}`),
      ...['day', 'hour', 'minute', 'second', 'millisecond'].map((unit) => `unit.${unit}`),
      ...['main', ...Object.keys(COMMAND_HELP)].map((command) => `cli.help.${command}`),
    ]);
    const unused = Object.keys(en).filter((key) => !built.has(key) && !code.includes(`'${key}'`));
    assert.deepEqual(unused, []);
  });

  it('holds every rule description and option description the registry names', () => {
    const missing = RULE_METAS.flatMap((meta) => [meta.description, ...Object.values(meta.options ?? {}).map((o) => o.description)]).filter(
      (key) => !(key in en),
    );
    assert.deepEqual(missing, []);
  });

  it('is what rule files give as messages and fix titles: catalog keys, not literal text', () => {
    const problems: string[] = [];
    const rulesDir = join(ROOT, 'server/src/language/lint/rules');
    for (const file of sourceFiles(rulesDir)) {
      const text = readFileSync(file, 'utf8');
      const name = relative(ROOT, file);
      // `message:` / `title:` followed by a quote or a backtick is text written in the rule.
      for (const match of text.matchAll(/\b(message|title)\s*:\s*(['"`])/g)) {
        const line = text.slice(0, match.index).split('\n').length;
        problems.push(`${name}:${line}: ${match[1]} is a literal; use msg('<key>', { … })`);
      }
      for (const match of text.matchAll(/\bdescription\s*:\s*'([^']*)'/g)) {
        if (!(match[1] in en)) problems.push(`${name}: description '${match[1]}' is not a catalog key`);
      }
      // Every key a rule names must exist (the type checker says so too; this says where).
      for (const match of text.matchAll(/\bmsg\(\s*'([^']+)'/g)) {
        if (!(match[1] in en)) problems.push(`${name}: msg('${match[1]}') is not in the catalog`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

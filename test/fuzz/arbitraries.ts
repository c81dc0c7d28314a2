/**
 * fast-check arbitraries for `.sop` text: whole scripts generated from the grammar
 * (`grammar/sop.ohm`: header fields, imports, vars, situations with titles, tags and `when`,
 * every step, nested `reply`/`fallback` blocks, both keyword spellings, both quote styles,
 * placeholders and escapes, CJK text, comments, CRLF and a BOM), those scripts mutated
 * (characters inserted, deleted, duplicated), token soup and arbitrary Unicode.
 */
import fc from 'fast-check';
import { KEYWORDS, type KeywordName } from '../../server/src/language/keywords';

const RESERVED = new Set<string>([...Object.keys(KEYWORDS), ...Object.values(KEYWORDS)]);

/** One keyword in either spelling. */
const keyword = (name: KeywordName) => fc.constantFrom<string>(name, KEYWORDS[name]);

const CJK = '您好请问有什么可以帮的电话没声音再见谢谢客户工号姓名服务投诉处理稍后我们会尽快给答复'.split('');
const LATIN = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** An identifier: Latin, CJK or mixed, never a keyword. */
export const ident = fc
  .tuple(
    fc.constantFrom(...LATIN, ...CJK, '_'),
    fc.array(fc.constantFrom(...LATIN, ...CJK, '0', '7', '_', '-', 'X'), { maxLength: 6 }),
  )
  .map(([first, rest]) => first + rest.join(''))
  .filter((name) => !RESERVED.has(name));

/** Text inside a string: CJK and Latin words, punctuation, spaces and placeholders. */
const stringPart = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(',', '。', '?', '!', ' ', ',', '、', ':', '/', '-', '#', 'Hello', '5s', '{', '}') },
  { weight: 1, arbitrary: ident.map((name) => `{${name}}`) },
);

/** A string literal in ASCII quotes (with escapes) or CJK quotes. */
export const stringLit = fc
  .tuple(fc.boolean(), fc.array(stringPart, { maxLength: 6 }), fc.array(fc.constantFrom('\\"', '\\\\', '\\{', '\\}'), { maxLength: 1 }))
  .map(([ascii, parts, escapes]) => {
    const body = parts.join('');
    return ascii ? `"${body.replace(/[\\"]/g, '')}${escapes.join('')}"` : `“${body.replace(/[“”]/g, '')}”`;
  });

const unit = fc.constantFrom('s', '秒', 'ms', 'm', 'h', '小时', '分钟', 'd', '天', '毫秒');
export const duration = fc
  .tuple(fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }), unit)
  .map(([n, frac, u]) => `${n}${frac === undefined ? '' : `.${frac}`}${u}`);

const comment = fc.array(fc.constantFrom(...CJK, ' ', 'x', '#', '"'), { maxLength: 10 }).map((a) => `# ${a.join('')}`);

/** A step as lines (without indentation), given the situation ids it may jump to. */
function stepLines(depth: number, ids: string[]): fc.Arbitrary<string[]> {
  const target = ids.length > 0 ? fc.constantFrom(...ids) : ident;
  const simple: fc.Arbitrary<string[]>[] = [
    fc.tuple(keyword('say'), stringLit).map(([k, s]) => [`${k} ${s}`]),
    fc.tuple(keyword('note'), stringLit).map(([k, s]) => [`${k} ${s}`]),
    fc.tuple(keyword('promise'), duration, fc.option(stringLit)).map(([k, d, s]) => [`${k} ${d}${s ? ` ${s}` : ''}`]),
    fc.tuple(keyword('hold'), fc.option(duration)).map(([k, d]) => [`${k}${d ? ` ${d}` : ''}`]),
    fc.tuple(keyword('goto'), target).map(([k, t]) => [`${k} ${t}`]),
    fc.tuple(keyword('transfer'), stringLit).map(([k, s]) => [`${k} ${s}`]),
    keyword('hangup').map((k) => [k]),
    keyword('end').map((k) => [k]),
  ];
  if (depth >= 2) return fc.oneof(...simple);
  // A branch of a wait: a block of steps, or one step on the same line.
  const branch = (name: 'reply' | 'fallback') =>
    fc.oneof(
      fc.tuple(keyword(name), fc.array(stepLines(depth + 1, ids), { minLength: 0, maxLength: 3 })).map(([k, steps]) => [
        `${k} {`,
        ...steps.flat().map((l) => `  ${l}`),
        '}',
      ]),
      fc.tuple(keyword(name), fc.oneof(...simple)).map(([k, step]) => [`${k} ${step[0]}`]),
    );
  const wait = fc
    .tuple(keyword('wait'), duration, fc.option(branch('reply')), fc.option(branch('fallback')))
    .map(([k, d, reply, fallback]) => [`${k} ${d}`, ...(reply ?? []), ...(fallback ?? [])]);
  return fc.oneof({ weight: 6, arbitrary: fc.oneof(...simple) }, { weight: 2, arbitrary: wait });
}

const situation = (id: string, ids: string[]) =>
  fc
    .tuple(
      keyword('situation'),
      fc.option(stringLit),
      fc.option(fc.tuple(keyword('tags'), fc.array(ident, { minLength: 1, maxLength: 3 }), fc.constantFrom(', ', ',', '，', '、'))),
      fc.option(fc.tuple(keyword('when'), stringLit)),
      fc.array(stepLines(0, ids), { maxLength: 6 }),
      fc.option(comment),
    )
    .map(([k, title, tags, when, steps, note]) => [
      `${k} ${id}${title ? ` ${title}` : ''}${tags ? ` ${tags[0]} ${tags[1].join(tags[2])}` : ''} {`,
      ...(note ? [`  ${note}`] : []),
      ...(when ? [`  ${when[0]} ${when[1]}`] : []),
      ...steps.flat().map((l) => `  ${l}`),
      '}',
    ]);

/** A whole valid script (it parses without syntax errors; lint findings are allowed). */
export const validScript: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.tuple(keyword('script'), stringLit)),
    fc.option(fc.tuple(keyword('version'), stringLit)),
    fc.option(fc.tuple(keyword('locale'), fc.constantFrom('"zh-CN"', '"en"', '“zh-CN”'))),
    fc.array(fc.tuple(keyword('import'), stringLit), { maxLength: 1 }),
    fc.option(fc.tuple(keyword('var'), fc.array(ident, { minLength: 1, maxLength: 3 }))),
    fc.uniqueArray(ident, { minLength: 0, maxLength: 5 }),
    fc.boolean(),
    fc.boolean(),
    fc.constantFrom('', ' ', '\t', '   '),
  )
  .chain(([script, version, locale, imports, vars, ids, crlf, bom, indent]) =>
    fc.tuple(...ids.map((id) => situation(id, ids))).map((situations) => {
      const lines: string[] = [];
      if (script) lines.push(`${script[0]} ${script[1]}`);
      if (version) lines.push(`${version[0]} ${version[1]}`);
      if (locale) lines.push(`${locale[0]} ${locale[1]}`);
      for (const [k, path] of imports) lines.push(`${k} ${path}`);
      if (vars) lines.push(`${vars[0]} ${vars[1].join(', ')}`);
      for (const s of situations) lines.push('', ...s.map((l) => (l.startsWith('  ') ? indent + l : l)));
      const text = lines.join(crlf ? '\r\n' : '\n') + (crlf ? '\r\n' : '\n');
      return (bom ? '\ufeff' : '') + text;
    }),
  );

/** What mutations insert: syntax-significant characters and fragments. */
const FRAGMENTS = ['x', ' ', '\n', '\r\n', '\r', '"', '“', '”', '{', '}', '\\', '#', ',', '说', 'wait 5s', 'hangup', 'situation', '情景 z {', '\t', '\u3000', '\ufeff', '\u00a0', '😀', '\ud800', '{姓名}', '0'];

/** A valid script with a few random insertions, deletions and duplications. */
export const mutatedScript: fc.Arbitrary<string> = fc
  .tuple(
    validScript,
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.nat({ max: 2 }), fc.constantFrom(...FRAGMENTS)), { minLength: 1, maxLength: 6 }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [where, length, kind, fragment] of edits) {
      const at = out.length === 0 ? 0 : where % (out.length + 1);
      if (kind === 0) out = out.slice(0, at) + fragment + out.slice(at);
      else if (kind === 1) out = out.slice(0, at) + out.slice(at + length + 1);
      else out = out.slice(0, at) + out.slice(at, at + length + 1) + out.slice(at);
    }
    return out;
  });

/** Keywords, identifiers, strings and punctuation in random order. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...RESERVED),
      ident,
      stringLit,
      duration,
      fc.constantFrom('{', '}', '\n', ' ', ',', '#', '"', '“', '\r\n', '\t'),
    ),
    { maxLength: 60 },
  )
  .map((tokens) => tokens.join(' '));

/** Any text at all, including lone surrogates and control characters. */
export const anyText: fc.Arbitrary<string> = fc.string({ unit: 'binary', maxLength: 200 });

/** Every kind of input, valid scripts weighted highest. */
export const anyInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: validScript },
  { weight: 3, arbitrary: mutatedScript },
  { weight: 2, arbitrary: tokenSoup },
  { weight: 1, arbitrary: anyText },
);

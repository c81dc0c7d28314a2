/**
 * The layout of compiled JSON at its edges, which the goldens only meet by chance: a
 * container is written on one line exactly when that line (indentation, key, value and a
 * possible trailing comma) stays within 100 UTF-16 code units, widths are counted in code
 * units of the escaped text, and empty containers always stay inline.
 */
import * as assert from 'node:assert/strict';
import { stringifyStable } from '../../../server/src/language/compile/serialize';

/** A string of `width` code units once quoted (ASCII, no escapes). */
const quotedWidth = (width: number) => 'x'.repeat(width - 2);

/** `value` printed, without the final newline. */
const print = (value: unknown) => {
  const text = stringifyStable(value);
  assert.ok(text.endsWith('\n'));
  return text.slice(0, -1);
};

describe('compile: JSON layout', () => {
  // The top level leaves room for a trailing comma: 99 columns.
  const cases: Array<[string, unknown, string]> = [
    [
      'a top-level array of 99 columns on one line',
      [quotedWidth(97)],
      `["${quotedWidth(97)}"]`,
    ],
    [
      'a top-level array of 100 columns one item a line',
      [quotedWidth(98)],
      `[\n  "${quotedWidth(98)}"\n]`,
    ],
    [
      // `  "key": ` takes 9 columns and a comma may follow: the object may be 90 wide.
      'a nested object that ends at column 99 on one line',
      { key: { a: quotedWidth(90 - 9) } },
      `{\n  "key": { "a": "${quotedWidth(81)}" }\n}`,
    ],
    [
      'a nested object that would end at column 100 one member a line',
      { key: { a: quotedWidth(82) } },
      `{\n  "key": {\n    "a": "${quotedWidth(82)}"\n  }\n}`,
    ],
    [
      // 95 CJK characters are 95 code units: `[` + 97 + `]` = 99.
      'CJK characters as one column each',
      ['中'.repeat(95)],
      `["${'中'.repeat(95)}"]`,
    ],
    [
      // An emoji is two code units: 47 of them, an `x` and the quotes are 97, 99 with the brackets…
      'astral characters as two columns each (fits)',
      ['😀'.repeat(47) + 'x'],
      `["${'😀'.repeat(47)}x"]`,
    ],
    [
      // …and 48 of them make 100.
      'astral characters as two columns each (too wide)',
      ['😀'.repeat(48)],
      `[\n  "${'😀'.repeat(48)}"\n]`,
    ],
    [
      // A line break and U+0001 print as `\n` and `\u0001`, 2 and 6 columns: with 87 `x`, the
      // quotes and the brackets, 99.
      'escapes at their escaped width (fits)',
      [`${'x'.repeat(87)}\n\u0001`],
      `["${'x'.repeat(87)}\\n\\u0001"]`,
    ],
    [
      'escapes at their escaped width (too wide)',
      [`${'x'.repeat(88)}\n\u0001`],
      `[\n  "${'x'.repeat(88)}\\n\\u0001"\n]`,
    ],
    [
      'empty containers inline even past the limit',
      { [quotedWidth(110)]: [], b: {} },
      `{\n  "${quotedWidth(110)}": [],\n  "b": {}\n}`,
    ],
    [
      'undefined fields left out, undefined items as null',
      { a: undefined, b: [undefined, 1], c: { d: undefined } },
      '{ "b": [null, 1], "c": {} }',
    ],
    [
      'an inner container inline inside a block one',
      { list: [{ id: 1, tags: ['a', 'b'] }, { id: 2, text: quotedWidth(100) }] },
      [
        '{',
        '  "list": [',
        '    { "id": 1, "tags": ["a", "b"] },',
        '    {',
        '      "id": 2,',
        `      "text": "${quotedWidth(100)}"`,
        '    }',
        '  ]',
        '}',
      ].join('\n'),
    ],
    [
      'own keys only, inherited ones left out',
      Object.assign(Object.create({ inherited: 1 }), {
        own: 2,
        nested: Object.assign(Object.create({ x: 1 }), { y: 2 }),
      }),
      '{ "own": 2, "nested": { "y": 2 } }',
    ],
    [
      'scalars as JSON.stringify writes them',
      [true, false, null, -0, 1.5, -12, 1e21, 'a"b\\'],
      '[true, false, null, 0, 1.5, -12, 1e+21, "a\\"b\\\\"]',
    ],
  ];
  for (const [what, value, expected] of cases) {
    it(what, () => assert.equal(print(value), expected));
  }

  it('keeps every line within 100 columns unless a single value is wider', () => {
    const value = { rows: Array.from({ length: 40 }, (_, i) => ({ n: i, text: 'y'.repeat(i * 3) })) };
    for (const line of stringifyStable(value).split('\n')) {
      if (line.length > 100) assert.match(line, /^\s*"text": "y+",?$/);
    }
  });
});

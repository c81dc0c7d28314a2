/**
 * Deterministic JSON text for compiled scripts. `JSON.stringify(value, null, 2)` puts every
 * scalar of a `source` position on its own line, which makes goldens and diffs of compiled
 * scripts four times longer than they need to be; this printer keeps the same key order and
 * escaping but writes an object or array on one line when that line stays short.
 */

/** The widest line (in UTF-16 code units, indentation included) a value is inlined into. */
const MAX_WIDTH = 100;

/** JSON text with 2-space indentation, LF line ends and a final newline. */
export function stringifyStable(value: unknown): string {
  return `${print(value, '', 0)}\n`;
}

/**
 * Prints `value` at `indent`; `prefixWidth` is the width of what precedes it on its line (the
 * indentation and the key), so the inlining decision accounts for the whole line.
 */
function print(value: unknown, indent: string, prefixWidth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries: Array<[string | null, unknown]> = Array.isArray(value)
    ? value.map((item) => [null, item])
    : Object.entries(value).filter(([, v]) => v !== undefined);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  // A trailing comma may follow the value, hence the `- 1`.
  const inline = printInline(value, MAX_WIDTH - prefixWidth - 1);
  if (inline !== undefined) return inline;
  const inner = `${indent}  `;
  const lines = entries.map(([key, item]) => {
    const head = key === null ? inner : `${inner}${JSON.stringify(key)}: `;
    return head + print(item, inner, head.length);
  });
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

/**
 * The one-line form, `{ "a": 1, "b": [2, 3] }`, or undefined when it is longer than
 * `budget`. It gives up as soon as the budget is spent, so deciding about a large object
 * costs no more than printing a short line.
 */
function printInline(value: unknown, budget: number): string | undefined {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) ?? 'null';
    return text.length <= budget ? text : undefined;
  }
  const isArray = Array.isArray(value);
  const entries: Array<[string | null, unknown]> = isArray
    ? value.map((item) => [null, item])
    : Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return isArray ? '[]' : '{}';
  const pieces: string[] = [];
  // The brackets and, for objects, the spaces inside them: `[…]` or `{ … }`.
  let used = isArray ? 2 : 4;
  for (const [key, item] of entries) {
    const head = (pieces.length > 0 ? ', ' : '') + (key === null ? '' : `${JSON.stringify(key)}: `);
    const printed = printInline(item, budget - used - head.length);
    if (printed === undefined) return undefined;
    used += head.length + printed.length;
    pieces.push(head + printed);
  }
  return isArray ? `[${pieces.join('')}]` : `{ ${pieces.join('')} }`;
}

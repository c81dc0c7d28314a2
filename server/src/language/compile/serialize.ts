/**
 * Deterministic JSON text for compiled scripts. `JSON.stringify(value, null, 2)` puts every
 * scalar of a `source` position on its own line, which makes goldens and diffs of compiled
 * scripts four times longer than they need to be; this printer keeps the same key order and
 * escaping but writes an object or array on one line when that line stays short.
 *
 * It works in two passes so a large document costs time linear in its size: the first
 * computes, bottom-up and once per container, the one-line form of every container short
 * enough to have one; the second lays out the lines, reusing those forms.
 */

/** The widest line (in UTF-16 code units, indentation included) a value is inlined into. */
const MAX_WIDTH = 100;

type Container = Record<string, unknown> | unknown[];

/** JSON text with 2-space indentation, LF line ends and a final newline. */
export function stringifyStable(value: unknown): string {
  const inline = new Map<Container, string | undefined>();
  measure(value, inline);
  return `${print(value, '', 0, inline)}\n`;
}

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

function scalarText(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? 'null');
}

/** The keys to print: an array's indices are not printed, an object's undefined fields are skipped. */
function keysOf(value: Container): string[] | undefined {
  if (Array.isArray(value)) return undefined;
  const keys: string[] = [];
  for (const key of Object.keys(value)) if (value[key] !== undefined) keys.push(key);
  return keys;
}

/** The one-line form of `value` when it fits in `MAX_WIDTH`, recorded for every container. */
function measure(value: unknown, inline: Map<Container, string | undefined>): string | undefined {
  if (!isContainer(value)) return scalarText(value);
  const keys = keysOf(value);
  const items = keys ? keys.map((key) => (value as Record<string, unknown>)[key]) : (value as unknown[]);
  // Every child is measured, even once this container is known to be too long, because the
  // second pass needs the children's forms too.
  let body = '';
  let fits = true;
  for (let i = 0; i < items.length; i++) {
    const printed = measure(items[i], inline);
    if (!fits) continue;
    if (printed === undefined) {
      fits = false;
      continue;
    }
    if (i > 0) body += ', ';
    if (keys) body += `${JSON.stringify(keys[i])}: `;
    body += printed;
    // `[…]` or `{ … }` around the body.
    if (body.length + (keys ? 4 : 2) > MAX_WIDTH) fits = false;
  }
  let result: string | undefined;
  if (items.length === 0) result = keys ? '{}' : '[]';
  else if (fits) result = keys ? `{ ${body} }` : `[${body}]`;
  inline.set(value, result);
  return result;
}

/**
 * `value` printed at `indent`; `prefixWidth` is the width of what precedes it on its line
 * (the indentation and the key), so the inlining decision covers the whole line.
 */
function print(value: unknown, indent: string, prefixWidth: number, inline: Map<Container, string | undefined>): string {
  if (!isContainer(value)) return scalarText(value);
  const short = inline.get(value);
  // A trailing comma may follow the value, hence the `+ 1`; `[]` and `{}` always stay inline.
  if (short !== undefined && (prefixWidth + short.length + 1 <= MAX_WIDTH || short.length === 2)) return short;
  const keys = keysOf(value);
  const inner = `${indent}  `;
  let out = keys ? '{\n' : '[\n';
  const count = keys ? keys.length : (value as unknown[]).length;
  for (let i = 0; i < count; i++) {
    const head = keys ? `${inner}${JSON.stringify(keys[i])}: ` : inner;
    const item = keys ? (value as Record<string, unknown>)[keys[i]] : (value as unknown[])[i];
    out += (i > 0 ? ',\n' : '') + head + print(item, inner, head.length, inline);
  }
  return `${out}\n${indent}${keys ? '}' : ']'}`;
}

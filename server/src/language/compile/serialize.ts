/**
 * Deterministic JSON text for compiled scripts. `JSON.stringify(value, null, 2)` puts every
 * scalar of a `source` position on its own line, which makes goldens and diffs of compiled
 * scripts four times longer than they need to be; this printer keeps the same key order and
 * escaping but writes an object or array on one line when that line stays short.
 *
 * `sop build` of a 10,000-line script prints about 3 MB with it, mostly before the engine
 * has optimised this code, so it is written to do little per value:
 *
 * - Each container is decided where it stands, top-down. A quick lower bound of its
 *   one-line width (lengths only, nothing quoted or built) rejects most containers that
 *   cannot fit after a line's worth of their first children. Any other container is
 *   written on one line, giving up as soon as the text passes the end of the line (the
 *   caller then drops it and prints the container one member a line), so a container
 *   that fits is measured and written in one pass.
 * - The text is one string, passed along and returned, and set aside in chunks as it grows
 *   (see `Printer.flush`); `for…in` walks objects without allocating key arrays, and a key
 *   met in many objects is quoted once.
 *
 * Widths are in UTF-16 code units (`string.length`), like the editor's columns.
 */

/** The widest line (in UTF-16 code units, indentation included) a value is inlined into. */
const MAX_WIDTH = 100;

/** The length at which the text printed so far is set aside as a chunk; see `Printer.flush`. */
const CHUNK_LENGTH = 16384;

type Container = Record<string, unknown> | unknown[];

/** The strings `JSON.stringify` escapes: quotes, backslashes, control characters, (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON text with 2-space indentation, LF line ends and a final newline. */
export function stringifyStable(value: unknown): string {
  return new Printer().document(value);
}

/**
 * One printing of one document. The methods take the text printed so far (`out`) and
 * return it with more appended: appending to a local string is cheaper than to a field.
 */
class Printer {
  private readonly chunks: string[] = [];
  /** `"key": ` for each key met, so that a key repeated in many objects is quoted once. */
  private readonly keyTexts = new Map<string, string>();
  /** A line break with the indentation of each depth, and the same after a comma. */
  private readonly breaks: string[] = ['\n'];
  private readonly commaBreaks: string[] = [',\n'];
  /**
   * Whether `for…in` over an object whose prototype is `Object.prototype` lists exactly its
   * own keys, as `Object.keys` does: true unless enumerable properties were added to
   * `Object.prototype`. Other objects have each key checked.
   */
  private readonly plainObjectsListOwnKeys = !hasEnumerableKey(Object.prototype);

  document(value: unknown): string {
    this.flush(`${this.print('', value, 0, 0)}\n`);
    return this.chunks.join('');
  }

  /**
   * `out` and `value` printed at indentation `depth`; `prefixWidth` is the width of what
   * precedes it on its line (the indentation and the key), so the inlining decision covers
   * the whole line.
   */
  private print(out: string, value: unknown, depth: number, prefixWidth: number): string {
    if (!isContainer(value)) return out + scalarText(value);
    // A trailing comma may follow the value, hence the `- 1`. `[]` and `{}` always stay
    // inline, even past the limit, so the room is never less than their width.
    const room = Math.max(MAX_WIDTH - prefixWidth - 1, 2);
    if (this.minimumWidth(value, room) > room) return this.printBlock(out, value, depth);
    return this.tryInline(out, value, out.length + room) ?? this.printBlock(out, value, depth);
  }

  /** `out` and a container printed one member a line (a container that does not fit is never empty). */
  private printBlock(out: string, value: Container, depth: number): string {
    const inner = depth + 1;
    const lineBreak = this.lineBreak(inner, false);
    const commaBreak = this.lineBreak(inner, true);
    if (Array.isArray(value)) {
      out += '[';
      for (let i = 0; i < value.length; i++) {
        out = this.print(out + (i > 0 ? commaBreak : lineBreak), value[i], inner, 2 * inner);
        if (out.length >= CHUNK_LENGTH) out = this.flush(out);
      }
      return `${out}${this.lineBreak(depth, false)}]`;
    }
    out += '{';
    let first = true;
    const checkOwn = this.mayListInherited(value);
    for (const key in value) {
      if (checkOwn && !Object.hasOwn(value, key)) continue;
      const item = value[key];
      // Like `JSON.stringify`, an object's undefined fields are left out.
      if (item === undefined) continue;
      const head = this.keyText(key);
      out = this.print(out + (first ? lineBreak : commaBreak) + head, item, inner, 2 * inner + head.length);
      first = false;
      if (out.length >= CHUNK_LENGTH) out = this.flush(out);
    }
    return `${out}${this.lineBreak(depth, false)}}`;
  }

  /**
   * `out` and the one-line form of `value`, or null as soon as that text would be longer
   * than `limit` (the caller then drops it).
   */
  private tryInline(out: string, value: Container, limit: number): string | null {
    if (Array.isArray(value)) {
      // What is written before the closing `]` must end by `end`.
      const end = limit - 1;
      out += '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out += ', ';
        const item = value[i];
        if (isContainer(item)) {
          const inline = this.tryInline(out, item, end);
          if (inline === null) return null;
          out = inline;
        } else out += scalarText(item);
        if (out.length > end) return null;
      }
      return out.length <= end ? `${out}]` : null;
    }
    // What is written before the closing ` }` must end by `end`.
    const end = limit - 2;
    let first = true;
    const checkOwn = this.mayListInherited(value);
    for (const key in value) {
      if (checkOwn && !Object.hasOwn(value, key)) continue;
      const item = value[key];
      if (item === undefined) continue;
      out += (first ? '{ ' : ', ') + this.keyText(key);
      first = false;
      if (out.length > end) return null;
      if (isContainer(item)) {
        const inline = this.tryInline(out, item, end);
        if (inline === null) return null;
        out = inline;
      } else out += scalarText(item);
      if (out.length > end) return null;
    }
    if (first) return out.length <= end ? `${out}{}` : null;
    return `${out} }`;
  }

  /**
   * A lower bound of the width of `value`'s one-line form, from lengths alone (a string is
   * at least its length and two quotes, any other scalar at least one character), which
   * stops once it exceeds `room`. Most containers that do not fit are rejected by this
   * without a string being quoted or written.
   */
  private minimumWidth(value: Container, room: number): number {
    // `[]` or `{}`.
    let width = 2;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length && width <= room; i++) {
        const item = value[i];
        // `, ` before every item but the first.
        if (i > 0) width += 2;
        if (typeof item === 'string') width += item.length + 2;
        else width += isContainer(item) ? this.minimumWidth(item, room - width) : 1;
      }
      return width;
    }
    const checkOwn = this.mayListInherited(value);
    for (const key in value) {
      if (checkOwn && !Object.hasOwn(value, key)) continue;
      const item = value[key];
      if (item === undefined) continue;
      // `{ ` and ` }` or `, `, then the quoted key and `: `.
      width += key.length + 6;
      if (typeof item === 'string') width += item.length + 2;
      else width += isContainer(item) ? this.minimumWidth(item, room - width) : 1;
      if (width > room) return width;
    }
    return width;
  }

  /** Whether `for…in` over `value` may list inherited keys, which must then be skipped. */
  private mayListInherited(value: object): boolean {
    return !(this.plainObjectsListOwnKeys && Object.getPrototypeOf(value) === Object.prototype);
  }

  /** `"key": `, quoted once per printing. */
  private keyText(key: string): string {
    let text = this.keyTexts.get(key);
    if (text === undefined) {
      text = `${quote(key)}: `;
      this.keyTexts.set(key, text);
    }
    return text;
  }

  /** A line break (after a comma when `comma`) and the indentation of `depth`. */
  private lineBreak(depth: number, comma: boolean): string {
    while (this.breaks.length <= depth) {
      this.breaks.push(`${this.breaks[this.breaks.length - 1]}  `);
      this.commaBreaks.push(`${this.commaBreaks[this.commaBreaks.length - 1]}  `);
    }
    return comma ? this.commaBreaks[depth] : this.breaks[depth];
  }

  /**
   * Sets `out` aside as a chunk and returns the empty text to go on with. Appending builds
   * a rope, one small node per piece; left to grow to the whole document, its hundreds of
   * thousands of nodes would all stay alive to the end, and every garbage collection
   * meanwhile would copy them again. Reading a character makes V8 flatten the rope into
   * one string, so its nodes die young instead.
   */
  private flush(out: string): string {
    out.charCodeAt(0);
    this.chunks.push(out);
    return '';
  }
}

function isContainer(value: unknown): value is Container {
  return value !== null && typeof value === 'object';
}

function hasEnumerableKey(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/** A scalar in JSON; `undefined` in an array, a function or a symbol is `null`. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? 'null');
}

/** A string in JSON; one that needs no escape is just put between quotes, which is cheaper. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

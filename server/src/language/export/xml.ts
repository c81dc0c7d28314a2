/**
 * A tiny XML writer: escaped text and attributes, comments that cannot be closed early,
 * and elements built as strings with two-space indentation. The exports write a handful of
 * fixed element shapes, which does not justify a DOM library.
 */

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** `<!-- … -->` whose text can never contain `--` (which XML forbids in a comment). */
export function comment(text: string): string {
  return `<!-- ${text.replace(/-(?=-)/g, '- ').replace(/-$/, '- ')} -->`;
}

/** ` a="1" b="2"`, skipping undefined values, in the order given. */
export function attributes(attrs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) out += ` ${name}="${escapeAttribute(String(value))}"`;
  return out;
}

/** Collects lines at an indentation depth. */
export class XmlLines {
  private readonly lines: string[] = [];

  line(depth: number, text: string): void {
    this.lines.push(`${'  '.repeat(depth)}${text}`);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

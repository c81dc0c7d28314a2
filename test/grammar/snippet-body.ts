/**
 * Expands a VS Code snippet body to the text the editor inserts when the user accepts
 * every default: `${1:text}` becomes `text`, `$1`/`${1}` and variables become empty,
 * `${1|a,b|}` becomes `a`, and `\$`, `\}`, `\\` become the character they escape.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  return expandFrom(text, 0, false).text;
}

interface Expansion {
  text: string;
  /** Where reading stopped: after the `}` that closed a placeholder, or the end. */
  next: number;
}

/** Reads text until the end, or (inside a placeholder) until its unescaped closing `}`. */
function expandFrom(source: string, start: number, inPlaceholder: boolean): Expansion {
  let out = '';
  let i = start;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length && '$}\\'.includes(source[i + 1])) {
      out += source[i + 1];
      i += 2;
    } else if (ch === '}' && inPlaceholder) {
      return { text: out, next: i + 1 };
    } else if (ch === '$') {
      const expansion = expandDollar(source, i);
      out += expansion.text;
      i = expansion.next;
    } else {
      out += ch;
      i += 1;
    }
  }
  if (inPlaceholder) throw new Error(`unclosed placeholder in snippet: ${source}`);
  return { text: out, next: i };
}

/** Expands the tab stop, placeholder, choice or variable that starts at `source[at] === '$'`. */
function expandDollar(source: string, at: number): Expansion {
  const simple = /^\$(\d+|[A-Za-z_]\w*)/.exec(source.slice(at));
  if (simple) return { text: '', next: at + simple[0].length };
  const braced = /^\$\{(\d+|[A-Za-z_]\w*)(:|\||\})/.exec(source.slice(at));
  if (!braced) return { text: '$', next: at + 1 };
  const after = at + braced[0].length;
  if (braced[2] === '}') return { text: '', next: after };
  if (braced[2] === '|') {
    const close = source.indexOf('|}', after);
    if (close < 0) throw new Error(`unclosed choice in snippet: ${source}`);
    return { text: source.slice(after, close).split(',')[0], next: close + 2 };
  }
  return expandFrom(source, after, true);
}

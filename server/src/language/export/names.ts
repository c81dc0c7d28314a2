/**
 * ASCII names for platforms whose names are narrower than a script's ids: letters, digits
 * and `_` stay, `-` becomes `_`, `/` (the node id separator) becomes `separator`, and any
 * other character becomes `u` and its code point in hex (`无声电话` → `u65e0u58f0u7535u8bdd`).
 * The result depends only on the id, so it is as stable as the id; exporters check that no
 * two ids of a script meet in one name.
 */
export function asciiName(id: string, separator: string): string {
  let out = '';
  for (const ch of id) {
    if (/[A-Za-z0-9_]/.test(ch)) out += ch;
    else if (ch === '/') out += separator;
    else if (ch === '-') out += '_';
    else out += `u${ch.codePointAt(0)!.toString(16)}`;
  }
  return /^[0-9_]/.test(out) ? `n${out}` : out;
}

/**
 * How a webview gets its texts in the editor's display language. A webview script cannot
 * call `vscode.l10n`, so the extension translates every text the view shows and writes
 * them into the page as JSON in the body's `data-strings` attribute (client/src/
 * webview-html.ts): data, not script, so the page's strict CSP is unchanged, and the texts
 * are there before the script runs (no flash of English, no extra message).
 *
 * Each view lists its texts as an English object (`…_STRINGS`); the webview reads the
 * page's object over it, so a missing or malformed entry falls back to English rather
 * than to an empty label. Texts with values use VS Code's `{0}` placeholders.
 */

/** The page's translated texts over `defaults`: only known keys with string values are taken. */
export function readViewStrings<T extends Record<string, string>>(defaults: T, json: string | undefined): T {
  const strings: Record<string, string> = { ...defaults };
  if (json === undefined) return strings as T;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return strings as T;
  }
  if (typeof parsed !== 'object' || parsed === null) return strings as T;
  for (const key of Object.keys(defaults)) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'string') strings[key] = value;
  }
  return strings as T;
}

/** `{0}`, `{1}`… replaced by the values, as `vscode.l10n.t` does. */
export function formatText(template: string, ...values: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < values.length ? String(values[Number(index)]) : whole));
}

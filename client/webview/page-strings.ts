/**
 * The page's own texts in VS Code's display language. A webview has no `vscode.l10n`, so
 * the extension translates them and hands the table over in `<body data-strings>`
 * (`webview-html.ts`); a text missing from the table is shown in English.
 */
export type Translate = (english: string, ...args: Array<string | number>) => string;

export function pageStrings(): Translate {
  let table: Record<string, string> = {};
  try {
    table = JSON.parse(document.body.dataset.strings ?? '{}') as Record<string, string>;
  } catch {
    // A broken table is no reason to break the page: English it is.
  }
  return (english, ...args) =>
    (table[english] ?? english).replace(/\{(\d+)\}/g, (match, index: string) => (args[Number(index)] !== undefined ? String(args[Number(index)]) : match));
}

/**
 * Terminal colours for the human-readable listing. Colour is used only when it will be
 * seen as colour: on a terminal, unless `NO_COLOR` is set (https://no-color.org);
 * `FORCE_COLOR` turns it on for CI logs that render ANSI codes.
 */

export interface Palette {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export function shouldUseColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;

const ANSI: Palette = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
  underline: wrap(4, 24),
};

const identity = (text: string) => text;
const PLAIN: Palette = { red: identity, yellow: identity, blue: identity, dim: identity, bold: identity, underline: identity };

export function paletteFor(color: boolean): Palette {
  return color ? ANSI : PLAIN;
}

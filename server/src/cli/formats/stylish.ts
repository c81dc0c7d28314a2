/**
 * The default, human-readable listing: findings grouped by file, one per line as
 * `line:col  severity  message  rule-id`, then a closing summary.
 */
import { EN, type Messages } from '../../language';
import type { Palette } from '../colors';
import type { LocatedFinding, Tally } from '../located';

export function renderStylish(findings: readonly LocatedFinding[], palette: Palette): string {
  const groups = new Map<string, LocatedFinding[]>();
  for (const f of findings) {
    const list = groups.get(f.file) ?? [];
    list.push(f);
    groups.set(f.file, list);
  }
  let out = '';
  for (const [file, list] of groups) {
    const positions = list.map((f) => `${f.line}:${f.column}`);
    const posWidth = Math.max(...positions.map((p) => p.length));
    const sevWidth = Math.max(...list.map((f) => f.severity.length));
    out += `${palette.underline(file)}\n`;
    list.forEach((f, i) => {
      const position = palette.dim(positions[i].padEnd(posWidth));
      const severity = colorSeverity(f.severity.padEnd(sevWidth), f.severity, palette);
      out += `  ${position}  ${severity}  ${oneLine(f.message)}  ${palette.dim(f.rule)}\n`;
    });
    out += '\n';
  }
  return out;
}

/**
 * "2 errors, 1 warning in 5 files" ("2 个错误、1 个警告，共 5 个文件"), plus infos and
 * hints only when there are some; the catalog's plurals do the counting.
 */
export function renderSummary(counts: Tally, fileCount: number, palette: Palette, messages: Messages = EN): string {
  const extra = [
    counts.info > 0 ? messages.t('cli.count.info', { count: counts.info }) : '',
    counts.hint > 0 ? messages.t('cli.count.hint', { count: counts.hint }) : '',
  ].filter(Boolean);
  let line = messages.t('cli.summary', {
    errors: messages.t('cli.count.error', { count: counts.error }),
    warnings: messages.t('cli.count.warning', { count: counts.warning }),
    files: messages.t('cli.count.file', { count: fileCount }),
  });
  if (extra.length > 0) line += messages.t('cli.summary.extra', { extra: { list: extra, separator: 'list.comma' } });
  if (counts.error > 0) return `${palette.red(palette.bold(line))}\n`;
  if (counts.warning > 0) return `${palette.yellow(palette.bold(line))}\n`;
  return `${line}\n`;
}

function colorSeverity(text: string, severity: LocatedFinding['severity'], palette: Palette): string {
  switch (severity) {
    case 'error':
      return palette.red(text);
    case 'warning':
      return palette.yellow(text);
    case 'info':
      return palette.blue(text);
    default:
      return palette.dim(text);
  }
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Messages are printed one per line; a message that spans lines would break the listing. */
export function oneLine(message: string): string {
  // Most messages are one line already: a warm run prints thousands of them.
  return message.includes('\n') ? message.replace(/\s*\r?\n\s*/g, ' ') : message;
}

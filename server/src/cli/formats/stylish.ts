/**
 * The default, human-readable listing: findings grouped by file, one per line as
 * `line:col  severity  message  rule-id`, then a closing summary.
 */
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

/** "2 errors, 1 warning in 5 files", plus infos and hints only when there are some. */
export function renderSummary(counts: Tally, fileCount: number, palette: Palette): string {
  let line = `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${plural(fileCount, 'file')}`;
  const extra = [counts.info > 0 ? plural(counts.info, 'info', 'infos') : '', counts.hint > 0 ? plural(counts.hint, 'hint') : '']
    .filter(Boolean)
    .join(', ');
  if (extra) line += ` (and ${extra})`;
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
  return message.replace(/\s*\r?\n\s*/g, ' ');
}

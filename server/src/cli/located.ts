/**
 * Findings with the positions the CLI prints: 1-based lines and columns counted in UTF-16
 * code units (the spec's "Lexical rules"), and the file named relative to the working
 * directory. Every output format starts from these.
 */
import { LineIndex, type Finding, type Severity } from '../language';

export interface LocatedFinding {
  /** The file as printed: relative to the working directory, with `/`. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
}

/** Locates findings in the texts they were computed on (keyed by document identity). */
export class Locator {
  private readonly indexes = new Map<string, LineIndex>();

  constructor(private readonly show: (uri: string) => string) {}

  /** Registers the text a document's findings refer to. */
  addText(uri: string, text: string): void {
    if (!this.indexes.has(uri)) this.indexes.set(uri, new LineIndex(text));
  }

  locate(finding: Finding): LocatedFinding {
    const { uri, ...rest } = placeFinding(finding, this.indexes.get(finding.uri) ?? new LineIndex(''));
    return { file: this.show(uri), ...rest };
  }
}

/** A finding with 1-based lines and columns, its document still named by identity. */
export interface PlacedFinding {
  uri: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Finding['severity'];
  message: string;
}

/** Places a finding in the text it was computed on (`index` is that text's line table). */
export function placeFinding(finding: Finding, index: LineIndex): PlacedFinding {
  const start = index.positionAt(finding.span.start);
  const end = index.positionAt(finding.span.end);
  return {
    uri: finding.uri,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
  };
}

/** How many findings of each severity a list holds. */
export interface Tally {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export function tally(findings: readonly LocatedFinding[]): Tally {
  const counts: Tally = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

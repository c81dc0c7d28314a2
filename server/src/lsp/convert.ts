/**
 * Conversions between the language layer's editor-neutral results (offsets, findings,
 * fixes) and LSP's types (positions, diagnostics, workspace edits). Both sides count
 * columns in UTF-16 code units, so a `LineIndex` over the same text is all a conversion
 * needs.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { DEFAULT_LOCALE, type Finding, type LineIndex, type Locale, type Severity, type Span } from '../language';
import type { TextEdit as SopTextEdit } from '../language/finding';

/** Where each rule is explained; a diagnostic links to `#<rule-id>` in it. */
export const RULES_DOC_URL = 'https://github.com/sop-studio/sop-studio/blob/main/docs/rules.md';

/**
 * The rules page in the reader's language: `docs/<locale>/rules.md` for every catalog
 * language but English (the Chinese page keeps the ids as its headings, so the anchors
 * are the same).
 */
export function rulesDocUrl(locale: Locale = DEFAULT_LOCALE): string {
  return locale === DEFAULT_LOCALE ? RULES_DOC_URL : RULES_DOC_URL.replace('/docs/rules.md', `/docs/${locale}/rules.md`);
}

/** Every diagnostic says it comes from here (VS Code shows it next to the message). */
export const DIAGNOSTIC_SOURCE = 'sop';

/** Rules whose findings mark code that does nothing: editors fade it out. */
const UNNECESSARY_RULES = new Set(['unreachable-step', 'unused-variable']);

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toPosition(index: LineIndex, offset: number): Position {
  return index.positionAt(offset);
}

export function toOffset(index: LineIndex, position: Position): number {
  return index.offsetAt(position);
}

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

export function toSpan(index: LineIndex, range: Range): Span {
  return { start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}

/** True when the two ranges share a position (touching ranges count, as editors expect). */
export function spansTouch(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The anchor of a rule's section in `docs/rules.md` (GitHub's heading slug of the id). */
export function ruleDocUrl(rule: string, locale: Locale = DEFAULT_LOCALE): string {
  return `${rulesDocUrl(locale)}#${rule.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

/** A finding as a diagnostic; its rule link opens the rules page in `locale`. */
export function toDiagnostic(finding: Finding, index: LineIndex, locale: Locale = DEFAULT_LOCALE): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(index, finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule, locale) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (UNNECESSARY_RULES.has(finding.rule)) diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toTextEdits(edits: readonly SopTextEdit[], index: LineIndex): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(index, edit.span), newText: edit.newText }));
}

/**
 * A workspace edit of one document. With a `version`, the edit names the version its
 * offsets were computed on, so the editor refuses it rather than misapplying it once the
 * text has moved on (when the client supports versioned edits).
 */
export function toWorkspaceEdit(
  uri: string,
  edits: readonly SopTextEdit[],
  index: LineIndex,
  version?: number,
): WorkspaceEdit {
  const textEdits = toTextEdits(edits, index);
  if (version === undefined) return { changes: { [uri]: textEdits } };
  return { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] };
}

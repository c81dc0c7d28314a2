/**
 * Code actions: the quick fixes each finding carries (data from the lint rules, turned
 * into workspace edits here) and "Fix all safe problems" (`source.fixAll.sop`), which
 * applies every fix a rule marked `safe` that does not overlap another one.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
} from 'vscode-languageserver';
import { lineIndexOf, type Finding, type Fix, type Messages, type Span } from '../language';
import type { TextEdit as SopTextEdit } from '../language/finding';
import { spansTouch, toDiagnostic, toSpan, toWorkspaceEdit } from './convert';
import type { LintResult, SopWorkspace } from './documents';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sop`;
/** The English title of the "fix all" action (the catalog's `fix.fix-all`). */
export const FIX_ALL_TITLE = 'Fix all safe problems';

export const codeActionCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
};

export interface CodeActionOptions {
  /** Edits name the document version they were computed on (client supports it). */
  versionedEdits: boolean;
}

export function registerCodeActions(connection: Connection, workspace: SopWorkspace, options: CodeActionOptions): void {
  connection.onCodeAction(
    workspace.guard(
      'Code actions',
      async (params: CodeActionParams) => {
        const uri = params.textDocument.uri;
        const result = await currentLint(workspace, uri);
        if (!result) return [];
        const only = params.context.only;
        const actions: CodeAction[] = [];
        const messages = workspace.services.messages;
        if (wants(only, CodeActionKind.QuickFix)) actions.push(...quickFixes(uri, result, toSpan(lineIndexOf(result.file), params.range), messages, options));
        if (wants(only, FIX_ALL_KIND)) {
          const fixAll = fixAllAction(uri, result, messages, options);
          if (fixAll) actions.push(fixAll);
        }
        return actions;
      },
      [],
    ),
  );
}

/** The lint of the document's current version (the findings its diagnostics show). */
async function currentLint(workspace: SopWorkspace, uri: string): Promise<LintResult | undefined> {
  const document = workspace.getDocument(uri);
  if (!document) return undefined;
  const last = workspace.lastLint(uri);
  return last?.version === document.version ? last : workspace.lint(uri);
}

/** True when the request's `only` filter (if any) asks for actions of `kind`. */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function quickFixes(uri: string, result: LintResult, range: Span, messages: Messages, options: CodeActionOptions): CodeAction[] {
  const index = lineIndexOf(result.file);
  const version = options.versionedEdits ? result.version : undefined;
  const actions: CodeAction[] = [];
  for (const finding of result.findings) {
    if (finding.uri !== uri || !finding.fixes || !spansTouch(finding.span, range)) continue;
    const diagnostic = toDiagnostic(finding, index, messages.locale);
    // A fix the rule marks safe is the one "fix all" would apply: offer it as preferred
    // (VS Code's "auto fix"); a suppression comment never is.
    const preferred = finding.fixes.find((fix) => fix.safe);
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix === preferred ? { isPreferred: true } : {}),
        edit: toWorkspaceEdit(uri, fix.edits, index, version),
      });
    }
  }
  return actions;
}

/** One action applying every safe fix of the document that does not collide with another. */
function fixAllAction(uri: string, result: LintResult, messages: Messages, options: CodeActionOptions): CodeAction | undefined {
  const edits = safeEdits(result.findings.filter((f) => f.uri === uri));
  if (edits.length === 0) return undefined;
  const index = lineIndexOf(result.file);
  return {
    title: messages.t('fix.fix-all'),
    kind: FIX_ALL_KIND,
    edit: toWorkspaceEdit(uri, edits, index, options.versionedEdits ? result.version : undefined),
  };
}

/**
 * The edits of every safe fix, first come first served in document order: a fix whose
 * edits overlap an accepted one (or insert at the same place) is left for the next run,
 * because the two were computed against the same text and cannot both apply.
 */
export function safeEdits(findings: readonly Finding[]): SopTextEdit[] {
  const fixes = findings
    .flatMap((finding) => (finding.fixes ?? []).filter((fix) => fix.safe).slice(0, 1))
    .filter((fix) => fix.edits.length > 0)
    .sort((a, b) => firstStart(a) - firstStart(b));
  const accepted: SopTextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => accepted.some((other) => collide(edit.span, other.span)))) continue;
    accepted.push(...fix.edits);
  }
  return accepted.sort((a, b) => a.span.start - b.span.start);
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.span.start));
}

function collide(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

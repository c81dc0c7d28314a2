/**
 * The webviews' texts in the display language. Webview scripts cannot call `vscode.l10n`,
 * so the extension translates them here and writes them into the page
 * (`webviewHtml`'s `strings`; client/webview/shared/view-strings.ts reads them). Each
 * text is a literal `vscode.l10n.t` call so `@vscode/l10n-dev export` finds it; a text
 * with values keeps its `{0}` placeholders (passed through as values) for the webview to
 * fill in. The key lists are typed by the webviews' English objects, so a missing key
 * does not compile, and test/unit/i18n/view-strings.test.ts checks the English matches.
 */
import * as vscode from 'vscode';
import type { GraphStrings } from '../webview/graph/strings';
import type { SimulatorStrings } from '../webview/simulator/strings';

export function graphStrings(): GraphStrings {
  return {
    searchPlaceholder: vscode.l10n.t('Search situations and steps'),
    zoomIn: vscode.l10n.t('Zoom in (+)'),
    zoomOut: vscode.l10n.t('Zoom out (-)'),
    fitTitle: vscode.l10n.t('Fit to window (0)'),
    fit: vscode.l10n.t('Fit'),
    exportSvg: vscode.l10n.t('Export SVG'),
    canvasLabel: vscode.l10n.t('Flow graph'),
    noMatch: vscode.l10n.t('no match'),
    oneMatch: vscode.l10n.t('1 match'),
    manyMatches: vscode.l10n.t('{0} matches', '{0}'),
    matchAt: vscode.l10n.t('{0} of {1}', '{0}', '{1}'),
    summary: vscode.l10n.t('{0} situations · {1} steps · {2} jumps', '{0}', '{1}', '{2}'),
    missingTarget: vscode.l10n.t('{0} (no such situation)', '{0}'),
    importedFrom: vscode.l10n.t('from {0}', '{0}'),
  };
}

export function simulatorStrings(): SimulatorStrings {
  return {
    situation: vscode.l10n.t('Situation'),
    restart: vscode.l10n.t('Restart'),
    back: vscode.l10n.t('Back'),
    silent: vscode.l10n.t('Caller silent'),
    answers: vscode.l10n.t('Caller answers'),
    answersGroup: vscode.l10n.t("The caller's answer"),
    after: vscode.l10n.t('after'),
    seconds: vscode.l10n.t('s'),
    replyAfterLabel: vscode.l10n.t('Seconds into the wait when the caller answers'),
    replyAfterTitle: vscode.l10n.t('Seconds into the wait when the caller answers (empty: at once)'),
    transcriptLabel: vscode.l10n.t('Call transcript'),
    varsLabel: vscode.l10n.t('Placeholder values'),
    waiting: vscode.l10n.t("The caller's turn: the wait times out after {0}. What does the caller do?", '{0}'),
    secondsValue: vscode.l10n.t('{0} s', '{0}'),
  };
}

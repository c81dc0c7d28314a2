/**
 * Every text the flow graph view shows, in English. The extension sends the same keys in
 * the display language (client/src/view-strings.ts, through `vscode.l10n.t`); the unit
 * test `test/unit/i18n/view-strings.test.ts` keeps the two lists and the bundles in step.
 * The step keywords drawn in the boxes (say, wait, reply, fallback…) are not here: they
 * are the language's identifiers, not prose (see docs/editor.md).
 */
export const GRAPH_STRINGS = {
  searchPlaceholder: 'Search situations and steps',
  zoomIn: 'Zoom in (+)',
  zoomOut: 'Zoom out (-)',
  fitTitle: 'Fit to window (0)',
  fit: 'Fit',
  exportSvg: 'Export SVG',
  canvasLabel: 'Flow graph',
  noMatch: 'no match',
  oneMatch: '1 match',
  manyMatches: '{0} matches',
  matchAt: '{0} of {1}',
  summary: '{0} situations · {1} steps · {2} jumps',
  missingTarget: '{0} (no such situation)',
  importedFrom: 'from {0}',
};

export type GraphStrings = typeof GRAPH_STRINGS;

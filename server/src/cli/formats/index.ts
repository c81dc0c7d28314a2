/**
 * The output formats of `sop check`, by name.
 */
import type { Messages } from '../../language';
import type { RuleMeta } from '../../language/rule-meta';
import type { Palette } from '../colors';
import { tally, type LocatedFinding } from '../located';
import { renderCompact, renderGithub, renderJson } from './lines';
import { renderSarif } from './sarif';
import { renderStylish, renderSummary } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'compact'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface RenderContext {
  palette: Palette;
  rules: readonly RuleMeta[];
  cwd: string;
  /** The project folder, which SARIF's paths are relative to (default: the working folder). */
  root?: string;
  /** How many files were checked (for the stylish summary). */
  fileCount: number;
  /** The language of messages, summaries and rule descriptions (English by default). */
  messages?: Messages;
}

export function renderFindings(format: FormatName, findings: readonly LocatedFinding[], context: RenderContext): string {
  switch (format) {
    case 'json':
      return renderJson(findings);
    case 'sarif':
      return renderSarif(findings, context.rules, context.cwd, context.root ?? context.cwd, context.messages);
    case 'github':
      return renderGithub(findings);
    case 'compact':
      return renderCompact(findings);
    case 'stylish':
      return renderStylish(findings, context.palette) + renderSummary(tally(findings), context.fileCount, context.palette, context.messages);
  }
}

/**
 * Folding regions: each situation, each braced `reply`/`fallback` block, and each run of
 * two or more whole-line comments. Regions are whole lines; a block's closing `}` stays
 * visible when it starts its own line, as editors fold code blocks.
 */
import type { Branch, SopFile, Span } from '../ast';
import { forEachStep } from '../flow';
import { LineIndex } from '../line-index';
import { situationsIn } from './walk';

export interface FoldingRegion {
  /** Zero-based first line (the one that stays visible). */
  startLine: number;
  /** Zero-based last line that folds away. */
  endLine: number;
  kind: 'block' | 'comment';
}

export function foldingRegionsOf(file: SopFile): FoldingRegion[] {
  const lines = new LineIndex(file.text);
  const regions: FoldingRegion[] = [];
  const addBlock = (span: Span) => {
    const startLine = lines.positionAt(span.start).line;
    const close = file.text[span.end - 1] === '}' ? span.end - 1 : span.end;
    const closeAt = lines.positionAt(close);
    const beforeClose = file.text.slice(lines.lineStart(closeAt.line), close);
    const endLine = close === span.end - 1 && /^[\s\u3000]*$/.test(beforeClose) ? closeAt.line - 1 : closeAt.line;
    if (endLine > startLine) regions.push({ startLine, endLine, kind: 'block' });
  };
  for (const situation of situationsIn(file)) {
    addBlock(situation.span);
    forEachStep(situation, ({ step }) => {
      if (step.kind !== 'wait') return;
      for (const branch of [step.reply, step.fallback] as Array<Branch | undefined>) {
        if (branch?.braces) addBlock(branch.span);
      }
    });
  }
  let run: { startLine: number; endLine: number } | undefined;
  const flush = () => {
    if (run && run.endLine > run.startLine) regions.push({ ...run, kind: 'comment' });
    run = undefined;
  };
  for (const comment of file.comments) {
    if (comment.trailing) continue;
    const line = lines.positionAt(comment.span.start).line;
    if (run && line === run.endLine + 1) run.endLine = line;
    else {
      flush();
      run = { startLine: line, endLine: line };
    }
  }
  flush();
  return regions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

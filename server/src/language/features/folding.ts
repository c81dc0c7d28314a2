/**
 * Folding regions: each situation, each braced `reply`/`fallback` block, and each run of
 * two or more whole-line comments. Regions are whole lines; a block's closing `}` stays
 * visible when it starts its own line, as editors fold code blocks.
 */
import type { Branch, SopFile, Span } from '../ast';
import { forEachStep } from '../flow';
import { lineIndexOf } from '../line-index';
import { situationsIn } from './walk';

export interface FoldingRegion {
  /** Zero-based first line (the one that stays visible). */
  startLine: number;
  /** Zero-based last line that folds away. */
  endLine: number;
  kind: 'block' | 'comment';
}

export function foldingRegionsOf(file: SopFile): FoldingRegion[] {
  const steps = foldingRegionsInSteps(file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many situations `foldingRegionsInSteps` looks at between two pauses. */
const SITUATIONS_PER_STEP = 200;

/** The same regions, pausing between batches of situations (for large documents in an editor). */
export function* foldingRegionsInSteps(file: SopFile): Generator<void, FoldingRegion[], void> {
  const lines = lineIndexOf(file);
  const regions: FoldingRegion[] = [];
  const addBlock = (span: Span) => {
    const startLine = lines.positionAt(span.start).line;
    const close = file.text[span.end - 1] === '}' ? span.end - 1 : span.end;
    const closeAt = lines.positionAt(close);
    const beforeClose = file.text.slice(lines.lineStart(closeAt.line), close);
    const endLine = close === span.end - 1 && /^[\s\u3000]*$/.test(beforeClose) ? closeAt.line - 1 : closeAt.line;
    if (endLine > startLine) regions.push({ startLine, endLine, kind: 'block' });
  };
  let looked = 0;
  for (const situation of situationsIn(file)) {
    if (++looked % SITUATIONS_PER_STEP === 0) yield;
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
  const comments = file.comments;
  for (let i = 0; i < comments.length; i++) {
    const comment = comments[i];
    if ((i + 1) % (4 * SITUATIONS_PER_STEP) === 0) yield;
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

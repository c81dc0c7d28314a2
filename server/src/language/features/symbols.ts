/**
 * The outline of a file (imports, variables, and situations with their steps as children,
 * a `wait`'s `reply`/`fallback` nested under it) and the workspace-wide list of situations.
 */
import type { SopFile, Span, Step, StepKind } from '../ast';
import { basenameOf } from '../paths';
import { shorten } from './describe';
import { situationsIn } from './walk';

export type OutlineKind = 'import' | 'variable' | 'situation' | 'step' | 'branch';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** For steps, which step it is (editors pick an icon by it). */
  step?: StepKind;
  /** The whole node. */
  span: Span;
  /** The part to highlight when the symbol is picked (the id, the keyword). */
  selectionSpan: Span;
  children: OutlineSymbol[];
}

/**
 * How many symbols an outline holds at most, as VS Code's own JSON and CSS servers cap
 * theirs: a 50,000-line script has about 37,000 steps, an outline nobody reads that took
 * a quarter of a second to build and send. Past the limit, steps are left out and the
 * outline lists the declarations (situations, imports, variables) only, up to the limit.
 */
export const MAX_OUTLINE_SYMBOLS = 5_000;

/** The outline of `file`; declarations only when the steps would exceed `limit` symbols. */
export function outlineOf(file: SopFile, limit = MAX_OUTLINE_SYMBOLS): OutlineSymbol[] {
  const withSteps = countSymbols(file, limit) <= limit;
  const out: OutlineSymbol[] = [];
  const word = (span: Span) => file.text.slice(span.start, span.end);
  const stepSymbol = (step: Step): OutlineSymbol => {
    const keyword = word(step.keyword.span);
    const symbol: OutlineSymbol = {
      name: keyword,
      kind: 'step',
      step: step.kind,
      span: step.span,
      selectionSpan: step.keyword.span,
      children: [],
    };
    switch (step.kind) {
      case 'say':
      case 'note':
        symbol.name = `${keyword} ${shorten(step.text.value)}`;
        break;
      case 'transfer':
        symbol.name = `${keyword} ${shorten(step.target.value)}`;
        break;
      case 'goto':
        symbol.name = `${keyword} ${step.target.name}`;
        break;
      case 'promise':
      case 'hold':
        if (step.duration) symbol.name = `${keyword} ${step.duration.raw}`;
        if (step.kind === 'promise' && step.text) symbol.detail = shorten(step.text.value);
        break;
      case 'wait':
        symbol.name = `${keyword} ${step.duration.raw}`;
        for (const branch of [step.reply, step.fallback]) {
          if (!branch) continue;
          symbol.children.push({
            name: word(branch.keyword.span),
            kind: 'branch',
            span: branch.span,
            selectionSpan: branch.keyword.span,
            children: branch.steps.map(stepSymbol),
          });
        }
        break;
      default:
        break;
    }
    return symbol;
  };
  for (const decl of file.decls) {
    if (decl.kind === 'import') {
      out.push({ name: decl.path.value, detail: word(decl.keyword.span), kind: 'import', span: decl.span, selectionSpan: decl.path.span, children: [] });
    } else if (decl.kind === 'var') {
      for (const name of decl.names) {
        out.push({ name: name.name, kind: 'variable', span: name.span, selectionSpan: name.span, children: [] });
      }
    } else {
      out.push({
        name: decl.id.name,
        ...(decl.title ? { detail: decl.title.value } : {}),
        kind: 'situation',
        span: decl.span,
        selectionSpan: decl.id.span,
        children: withSteps ? decl.steps.map(stepSymbol) : [],
      });
    }
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

/** How many symbols the full outline of `file` has, counting no further than just past `limit`. */
function countSymbols(file: SopFile, limit: number): number {
  let n = 0;
  const countSteps = (steps: readonly Step[]) => {
    for (const step of steps) {
      n++;
      if (step.kind !== 'wait') continue;
      for (const branch of [step.reply, step.fallback]) {
        if (!branch) continue;
        n++;
        countSteps(branch.steps);
      }
    }
  };
  for (const decl of file.decls) {
    n += decl.kind === 'var' ? decl.names.length : 1;
    if (decl.kind === 'situation') countSteps(decl.steps);
    if (n > limit) break;
  }
  return n;
}

export interface WorkspaceSituation {
  name: string;
  /** The situation's title, if it has one. */
  detail?: string;
  /** The file it is defined in, by name (shown as its container). */
  container: string;
  uri: string;
  span: Span;
}

/**
 * The situations of `files` whose id or title contains the characters of `query` in order
 * (case-insensitive), as editors' symbol pickers expect; all of them for an empty query.
 */
export function workspaceSituations(files: Iterable<SopFile>, query: string, limit = 1000): WorkspaceSituation[] {
  const out: WorkspaceSituation[] = [];
  const seen = new Set<string>();
  const needle = [...query.toLowerCase()].filter((c) => !/\s/.test(c));
  for (const file of files) {
    if (seen.has(file.uri)) continue;
    seen.add(file.uri);
    for (const situation of situationsIn(file)) {
      const title = situation.title?.value;
      if (!containsInOrder(situation.id.name, needle) && !(title && containsInOrder(title, needle))) continue;
      out.push({
        name: situation.id.name,
        ...(title ? { detail: title } : {}),
        container: basenameOf(file.uri),
        uri: file.uri,
        span: situation.id.span,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function containsInOrder(text: string, needle: string[]): boolean {
  const haystack = text.toLowerCase();
  let at = 0;
  for (const char of needle) {
    const found = haystack.indexOf(char, at);
    if (found < 0) return false;
    at = found + char.length;
  }
  return true;
}

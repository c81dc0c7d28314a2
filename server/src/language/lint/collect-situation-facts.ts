/**
 * The facts of one situation, collected in one walk of its steps: its jumps, its
 * placeholders, the jump it makes without a word, the quote style of its first and last
 * `say`, and the lines it covers, with offsets relative to the situation's start (so they
 * hold wherever its piece moves). `situation-facts.ts` keeps them per piece and per file.
 */
import type { Situation, Step, StringLit } from '../ast';

type Quote = StringLit['quote'];

/** A name written at `[start, end)`, relative to the situation's start. */
export interface RelativeName {
  name: string;
  start: number;
  end: number;
}

export interface SituationFacts {
  /** Every `goto` target, nested branches included, in source order. */
  readonly gotos: readonly RelativeName[];
  /**
   * Every `{placeholder}` of the strings that may hold one (title, trigger, `say`, `note`,
   * `promise` and `transfer` texts), in source order.
   */
  readonly placeholders: readonly RelativeName[];
  /**
   * The `goto` the situation reaches before it speaks, waits or ends (`goto-cycle`): the
   * target's name and the span of the whole step. Never set for a situation with errors.
   */
  readonly silentJump?: RelativeName;
  /**
   * The situation's lines: from the start of its first line (`lineStart`, zero or less) to
   * just past the line break that ends its last one (`linesEnd`).
   */
  readonly lineStart: number;
  readonly linesEnd: number;
  /** Only blanks precede the situation on its first line. */
  readonly startsLine: boolean;
  /**
   * Copies of what `fileFactsOf` reads for every situation on every run, kept in this
   * object so that reading them touches no other (at 50,000 lines, memory latency is most
   * of the cost of such a loop).
   */
  readonly gotoCount: number;
  readonly placeholderCount: number;
  readonly firstQuote?: Quote;
  readonly lastQuote?: Quote;
}

/**
 * What `collectFacts` gathers while it walks a situation (offsets relative to its start).
 * The lists are made when the first item comes: most situations have no jump and no
 * placeholder, and share `NONE`.
 */
interface Walk {
  base: number;
  gotos: RelativeName[] | undefined;
  placeholders: RelativeName[] | undefined;
  firstQuote: Quote | undefined;
  lastQuote: Quote | undefined;
}

const NONE: readonly RelativeName[] = Object.freeze([]);

/** The facts of a situation whose piece sits `delta` characters after where it was matched. */
export function collectFacts(situation: Situation, text: string, delta: number): SituationFacts {
  const base = situation.span.start;
  // One object passed down, not closures made per situation: this runs for every
  // situation of a file on its first lint.
  const walk: Walk = { base, gotos: undefined, placeholders: undefined, firstQuote: undefined, lastQuote: undefined };
  if (situation.title) addPlaceholders(walk, situation.title);
  if (situation.when) addPlaceholders(walk, situation.when.text);
  visitSteps(walk, situation.steps);
  const gotos = walk.gotos ?? NONE;
  const placeholders = walk.placeholders ?? NONE;
  // The situation's lines are read in the text where the piece now sits.
  const at = base + delta;
  let lineStart = at;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  let linesEnd = Math.max(at, situation.span.end + delta - 1);
  while (linesEnd < text.length && text.charCodeAt(linesEnd) !== 10 && text.charCodeAt(linesEnd) !== 13) linesEnd++;
  if (text.charCodeAt(linesEnd) === 13) linesEnd++;
  if (text.charCodeAt(linesEnd) === 10) linesEnd++;
  return {
    gotos,
    placeholders,
    silentJump: silentJumpOf(situation),
    lineStart: lineStart - at,
    linesEnd: linesEnd - at,
    startsLine: onlyBlanks(text, lineStart, at),
    gotoCount: gotos.length,
    placeholderCount: placeholders.length,
    firstQuote: walk.firstQuote,
    lastQuote: walk.lastQuote,
  };
}

function addPlaceholders(walk: Walk, string: StringLit): void {
  if (string.placeholders.length === 0) return;
  const { base } = walk;
  const placeholders = (walk.placeholders ??= []);
  for (let k = 0; k < string.placeholders.length; k++) {
    const p = string.placeholders[k];
    placeholders.push({ name: p.name, start: p.span.start - base, end: p.span.end - base });
  }
}

function visitSteps(walk: Walk, steps: readonly Step[]): void {
  const { base } = walk;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    switch (step.kind) {
      case 'say':
        walk.firstQuote ??= step.text.quote;
        walk.lastQuote = step.text.quote;
        addPlaceholders(walk, step.text);
        break;
      case 'note':
        addPlaceholders(walk, step.text);
        break;
      case 'promise':
        if (step.text) addPlaceholders(walk, step.text);
        break;
      case 'transfer':
        addPlaceholders(walk, step.target);
        break;
      case 'goto':
        (walk.gotos ??= []).push({ name: step.target.name, start: step.target.span.start - base, end: step.target.span.end - base });
        break;
      case 'wait':
        if (step.reply) visitSteps(walk, step.reply.steps);
        if (step.fallback) visitSteps(walk, step.fallback.steps);
        break;
      default:
        break;
    }
  }
}

/** True when `text[from, to)` holds only blanks (`[ \t\u3000\u00a0\ufeff]`). */
function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * A `goto` inside a `reply` or `fallback` comes after its wait, so only the top-level
 * body counts, and its first `say`, `wait` or terminal step decides.
 */
function silentJumpOf(situation: Situation): RelativeName | undefined {
  if (situation.hasErrors) return undefined;
  const base = situation.span.start;
  const { steps } = situation;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step.kind === 'goto') return { name: step.target.name, start: step.span.start - base, end: step.span.end - base };
    if (step.kind === 'say' || step.kind === 'wait' || step.kind === 'transfer' || step.kind === 'hangup' || step.kind === 'end') return undefined;
  }
  return undefined;
}

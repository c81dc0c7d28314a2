/**
 * What the rules that look at the whole program (and the lint cache) need to know about
 * each situation: its jumps, its placeholders, the jump it makes without a word, its `say`
 * quotes, the lines it covers. Collected in one walk per situation and kept, with offsets
 * relative to the situation's start, under the situation's identity (`situationIdentity`
 * in `parse.ts`): an edit re-parses one situation and moves the others, and the moved
 * copies share their facts, so a whole-program rule re-walks only what changed.
 *
 * The facts of a whole file are also gathered into dense lists once per parse
 * (`fileFactsOf`), so each rule loops over the few situations that matter to it (those
 * with a jump, those with a placeholder) rather than visiting every situation again.
 */
import type { Situation, SopFile, Step, StringLit } from '../ast';
import { situationIdentity } from '../parse';

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
  /** Where each `say` text starts and its quote style, in source order (`quoteStyleNear`). */
  readonly says: readonly { start: number; quote: Quote }[];
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

const known = new WeakMap<object, SituationFacts>();

/** The situations of a file with their facts, and lists of the ones that matter to some rule. */
export interface FileFacts {
  /** The situations, in source order. */
  readonly situations: readonly Situation[];
  readonly facts: readonly SituationFacts[];
  /** `situationIdentity` of each situation. */
  readonly identities: readonly (object | undefined)[];
  /** The indexes of the situations with a `goto`, with a placeholder, with a silent jump. */
  readonly withGotos: readonly number[];
  readonly withPlaceholders: readonly number[];
  readonly withSilentJump: readonly number[];
  /** The quote style of each situation's first and last `say` (`undefined`: none). */
  readonly firstQuotes: readonly (Quote | undefined)[];
  readonly lastQuotes: readonly (Quote | undefined)[];
  /** Every situation starts its own line, so no two situations share one. */
  readonly ownLines: boolean;
}

const files = new WeakMap<SopFile, FileFacts>();

/** How many situations have their facts collected between two pauses of `collectFactsInSteps`. */
const SITUATIONS_PER_STEP = 200;

/**
 * Collects the facts of the situations of `file` that have none yet, pausing after each
 * batch: the first lint of a large document collects them all, and an editor answers
 * other requests in between.
 */
export function* collectFactsInSteps(file: SopFile): Generator<void, void, void> {
  let collected = 0;
  for (const decl of file.decls) {
    if (decl.kind !== 'situation') continue;
    const key = situationIdentity(decl) ?? decl;
    if (known.has(key)) continue;
    known.set(key, collectFacts(decl, file.text));
    if (++collected % SITUATIONS_PER_STEP === 0) yield;
  }
}

/**
 * The facts of every situation of a file, gathered once per parse: several rules and the
 * lint cache ask for them in the same run.
 */
export function fileFactsOf(file: SopFile): FileFacts {
  const cached = files.get(file);
  if (cached) return cached;
  const situations: Situation[] = [];
  const facts: SituationFacts[] = [];
  const identities: (object | undefined)[] = [];
  const withGotos: number[] = [];
  const withPlaceholders: number[] = [];
  const withSilentJump: number[] = [];
  const firstQuotes: (Quote | undefined)[] = [];
  const lastQuotes: (Quote | undefined)[] = [];
  let ownLines = true;
  for (const decl of file.decls) {
    if (decl.kind !== 'situation') continue;
    const identity = situationIdentity(decl);
    const key = identity ?? decl;
    let f = known.get(key);
    if (!f) {
      f = collectFacts(decl, file.text);
      known.set(key, f);
    }
    const i = situations.length;
    situations.push(decl);
    facts.push(f);
    identities.push(identity);
    if (f.gotoCount > 0) withGotos.push(i);
    if (f.placeholderCount > 0) withPlaceholders.push(i);
    if (f.silentJump) withSilentJump.push(i);
    firstQuotes.push(f.firstQuote);
    lastQuotes.push(f.lastQuote);
    if (!f.startsLine) ownLines = false;
  }
  const result = { situations, facts, identities, withGotos, withPlaceholders, withSilentJump, firstQuotes, lastQuotes, ownLines };
  files.set(file, result);
  return result;
}

function collectFacts(situation: Situation, text: string): SituationFacts {
  const base = situation.span.start;
  const gotos: RelativeName[] = [];
  const placeholders: RelativeName[] = [];
  const says: { start: number; quote: Quote }[] = [];
  const addPlaceholders = (string: StringLit) => {
    for (const p of string.placeholders) placeholders.push({ name: p.name, start: p.span.start - base, end: p.span.end - base });
  };
  if (situation.title) addPlaceholders(situation.title);
  if (situation.when) addPlaceholders(situation.when.text);
  const visit = (steps: readonly Step[]) => {
    for (const step of steps) {
      switch (step.kind) {
        case 'say':
          says.push({ start: step.text.span.start - base, quote: step.text.quote });
          addPlaceholders(step.text);
          break;
        case 'note':
          addPlaceholders(step.text);
          break;
        case 'promise':
          if (step.text) addPlaceholders(step.text);
          break;
        case 'transfer':
          addPlaceholders(step.target);
          break;
        case 'goto':
          gotos.push({ name: step.target.name, start: step.target.span.start - base, end: step.target.span.end - base });
          break;
        case 'wait':
          if (step.reply) visit(step.reply.steps);
          if (step.fallback) visit(step.fallback.steps);
          break;
        default:
          break;
      }
    }
  };
  visit(situation.steps);
  let lineStart = base;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  let linesEnd = Math.max(base, situation.span.end - 1);
  while (linesEnd < text.length && text[linesEnd] !== '\n' && text[linesEnd] !== '\r') linesEnd++;
  if (text[linesEnd] === '\r') linesEnd++;
  if (text[linesEnd] === '\n') linesEnd++;
  return {
    gotos,
    placeholders,
    silentJump: silentJumpOf(situation),
    says,
    lineStart: lineStart - base,
    linesEnd: linesEnd - base,
    startsLine: /^[ \t\u3000\u00a0\ufeff]*$/.test(text.slice(lineStart, base)),
    gotoCount: gotos.length,
    placeholderCount: placeholders.length,
    firstQuote: says[0]?.quote,
    lastQuote: says[says.length - 1]?.quote,
  };
}

/**
 * A `goto` inside a `reply` or `fallback` comes after its wait, so only the top-level
 * body counts, and its first `say`, `wait` or terminal step decides.
 */
function silentJumpOf(situation: Situation): RelativeName | undefined {
  if (situation.hasErrors) return undefined;
  const base = situation.span.start;
  for (const step of situation.steps) {
    if (step.kind === 'goto') return { name: step.target.name, start: step.span.start - base, end: step.span.end - base };
    if (step.kind === 'say' || step.kind === 'wait' || step.kind === 'transfer' || step.kind === 'hangup' || step.kind === 'end') return undefined;
  }
  return undefined;
}

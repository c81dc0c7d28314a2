/**
 * Makes building the grammar from its recipe (which every process does when it loads the
 * parser) cheaper, with the same result. Imported for its effect, before the grammar.
 *
 * Ohm gives every expression of a grammar built from a recipe its source interval, trimmed
 * of blanks (`Interval.prototype.trimmed`). Ohm 17.5.0 trims by matching `^\s*` and
 * `\s*$` against the interval's contents, a copy of the expression's source; for the
 * nested alternatives of a large rule that scans the same text once per level, and the
 * `$` search retries at every position: 4–5 ms of every `sop` process (a third of making
 * the grammar). The replacement counts the same blanks from each end of the interval
 * without copying it, and returns the same interval (including Ohm's inverted one for an
 * interval of blanks only). Only for ohm-js 17.5.0, which `package.json` pins exactly.
 */
import * as ohm from 'ohm-js';

interface Interval {
  readonly sourceString: string;
  startIdx: number;
  endIdx: number;
  trimmed(): Interval;
}

const SUPPORTED_VERSION = '17.5.0';
/** One UTF-16 code unit that `\s` matches. */
const BLANK = /\s/;

function installFasterTrim(): void {
  if (ohm.version !== SUPPORTED_VERSION) return;
  // Interval is not exported; Ohm's own grammar (built when ohm-js loads) holds instances.
  const rules = (ohm.ohmGrammar as unknown as { rules: Record<string, { body: { source?: Interval } }> }).rules;
  const sample = Object.values(rules).find((rule) => rule.body.source)?.body.source;
  if (!sample) return;
  const proto = Object.getPrototypeOf(sample) as Interval;
  const IntervalClass = proto.constructor as new (source: string, startIdx: number, endIdx: number) => Interval;
  proto.trimmed = function (this: Interval): Interval {
    const source = this.sourceString;
    const { startIdx, endIdx } = this;
    let leading = startIdx;
    while (leading < endIdx && BLANK.test(source[leading])) leading++;
    let trailing = endIdx;
    while (trailing > startIdx && BLANK.test(source[trailing - 1])) trailing--;
    // As Ohm computes it: leading blanks from the start, trailing blanks from the end, each
    // counted over the whole contents.
    return new IntervalClass(source, leading, trailing);
  };
}

installFasterTrim();

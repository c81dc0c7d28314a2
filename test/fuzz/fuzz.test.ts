/**
 * Property-based fuzzing of the language layer with fast-check (see `properties.ts` for what
 * must hold, `arbitraries.ts` for the inputs). Seeded and with a fixed budget, so a CI run is
 * reproducible and bounded; `npm run fuzz` runs a longer budget with a new seed:
 *
 *   SOP_FUZZ_RUNS   cases per property (default 300 in the suite; `npm run fuzz`: 3000)
 *   SOP_FUZZ_SEED   the seed (default 11 in the suite; `npm run fuzz`: random, printed)
 *
 * A failure prints the seed, the path to replay it and the shrunk input, and writes the
 * input to `test-results/fuzz-failures/`; copy that file into `test/fuzz/regressions/`
 * (with a name saying what broke) and it is checked on every run from then on.
 */
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anyInput, anyText, mutatedScript, tokenSoup, validScript } from './arbitraries';
import { checkText } from './properties';

const RUNS = Number(process.env.SOP_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.SOP_FUZZ_SEED ?? 11);
const root = join(__dirname, '..', '..');
const regressions = join(__dirname, 'regressions');

/** Runs a property; a counterexample is saved for `regressions/` before the failure is rethrown. */
function fuzz(name: string, input: fc.Arbitrary<string>, runs = RUNS): void {
  it(`${name} (${runs} cases, seed ${SEED})`, function () {
    this.timeout(0);
    const details = fc.check(
      fc.property(input, (text) => {
        checkText(text);
      }),
      { numRuns: runs, seed: SEED },
    );
    if (!details.failed) return;
    const dir = join(root, 'test-results', 'fuzz-failures');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name.replace(/\W+/g, '-')}-seed-${SEED}.sop`);
    const text = details.counterexample?.[0] ?? '';
    writeFileSync(file, text);
    throw new Error(
      `${fc.defaultReportMessage(details)}\n${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}\n\nThe input is saved as ${file}: copy it into test/fuzz/regressions/ ` +
        `to check it on every run (replay: SOP_FUZZ_SEED=${SEED} SOP_FUZZ_RUNS=${runs}).`,
    );
  });
}

describe('fuzz: parse, lint, compile, format and exports on any text', () => {
  fuzz('valid scripts', validScript);
  fuzz('mutated scripts', mutatedScript);
  fuzz('token soup', tokenSoup);
  fuzz('arbitrary text', anyText);
  fuzz('mixed inputs', anyInput);
});

describe('fuzz regressions: every saved input', () => {
  const files = readdirSync(regressions).filter((f) => f.endsWith('.sop')).sort();
  it('has saved inputs', () => {
    if (files.length === 0) throw new Error(`no .sop files in ${regressions}`);
  });
  for (const name of files) {
    it(name, () => checkText(readFileSync(join(regressions, name), 'utf8')));
  }
});

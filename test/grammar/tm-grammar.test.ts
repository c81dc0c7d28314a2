/**
 * Colouring of `.sop` files: every fixture under `fixtures/` is tokenized with the shipped
 * TextMate grammar and checked against the scope assertions written inside it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DURATION_UNITS } from '../../server/src/language/duration';
import { KEYWORDS } from '../../server/src/language/keywords';
import { loadSopGrammar, type LineToken, type LineTokenizer } from './load-grammar';
import { checkAssertion, parseFixture } from './scope-assertions';

const fixtureDir = join(__dirname, 'fixtures');
const fixtureNames = readdirSync(fixtureDir).filter((name) => name.endsWith('.sop')).sort();

describe('TextMate grammar (source.sop)', () => {
  let tokenizer: LineTokenizer;
  before(async () => {
    tokenizer = await loadSopGrammar();
  });

  it('has fixtures to check', () => {
    assert.ok(fixtureNames.length > 0, `no .sop fixtures in ${fixtureDir}`);
  });

  for (const name of fixtureNames) {
    describe(name, () => {
      const fixture = parseFixture(readFileSync(join(fixtureDir, name), 'utf8'));

      it('has only well-formed assertions', () => {
        assert.deepEqual(fixture.problems, []);
        assert.ok(fixture.lines.some((line) => line.assertions.length > 0), 'the fixture asserts nothing');
      });

      let tokens: LineToken[][] = [];
      before(() => {
        tokens = tokenizer.tokenizeLines(fixture.lines.map((line) => line.text));
      });

      fixture.lines.forEach((line, index) => {
        if (line.assertions.length === 0) return;
        it(`line ${line.fileLine}: ${line.text.trim()}`, () => {
          const failures = line.assertions.flatMap((a) => checkAssertion(line.text, tokens[index], a));
          assert.deepEqual(failures, []);
        });
      });
    });
  }
});

describe('TextMate grammar against the language tables', () => {
  // The fixtures show keywords in context; these checks make sure no keyword or unit of
  // the language (as the parser knows them) is missing from the grammar.
  let tokenizer: LineTokenizer;
  before(async () => {
    tokenizer = await loadSopGrammar();
  });

  /** The scopes of the token that starts at `offset` of a one-line document. */
  function scopesAt(line: string, offset: number): string[] {
    const [tokens] = tokenizer.tokenizeLines([line]);
    return tokens.find((t) => t.start <= offset && offset < t.end)?.scopes ?? [];
  }
  const isKeyword = (scopes: string[]) => scopes.some((s) => /^(keyword|storage)\./.test(s));

  for (const [english, chinese] of Object.entries(KEYWORDS)) {
    it(`colours ${english} and ${chinese} as keywords, but not inside longer words`, () => {
      for (const spelling of [english, chinese]) {
        assert.ok(isKeyword(scopesAt(`${spelling} `, 0)), `${spelling} is not a keyword`);
        for (const word of [`${spelling}x`, `${spelling}明`, `${spelling}_1`, `${spelling}-a`, `x${spelling}`]) {
          assert.ok(!isKeyword(scopesAt(`${word} `, word.indexOf(spelling))), `${spelling} is a keyword inside ${word}`);
        }
      }
    });
  }

  for (const unit of DURATION_UNITS) {
    it(`colours durations in ${unit}`, () => {
      for (const amount of ['5', '1.5']) {
        const line = `wait ${amount}${unit}`;
        const [tokens] = tokenizer.tokenizeLines([line]);
        const marked = tokens.filter((t) => t.start >= 5);
        assert.ok(marked.length > 0 && marked.every((t) => t.scopes.includes('constant.numeric.duration.sop')), line);
      }
    });
  }
});

describe('scope assertion harness', () => {
  let tokenizer: LineTokenizer;
  before(async () => {
    tokenizer = await loadSopGrammar();
  });

  /** Runs every assertion of a tiny fixture and returns the failure messages. */
  function failuresOf(text: string): string[] {
    const fixture = parseFixture(text);
    const tokens = tokenizer.tokenizeLines(fixture.lines.map((line) => line.text));
    return [
      ...fixture.problems,
      ...fixture.lines.flatMap((line, i) => line.assertions.flatMap((a) => checkAssertion(line.text, tokens[i], a))),
    ];
  }

  it('passes a correct assertion', () => {
    assert.deepEqual(failuresOf('say "hi"\n#^^ keyword.other.sop\n# <- keyword.other.sop'), []);
  });

  it('fails an assertion with a wrong scope', () => {
    const failures = failuresOf('say "hi"\n#^^ keyword.control.sop');
    assert.equal(failures.length, 1);
    assert.match(failures[0], /missing keyword\.control\.sop/);
  });

  it('fails an assertion whose forbidden scope is present', () => {
    assert.match(failuresOf('say "hi"\n#^^ - keyword')[0], /must not have keyword/);
  });

  it('fails an assertion that marks no token', () => {
    assert.match(failuresOf('end\n#     ^ keyword.control.sop')[0], /past the end/);
  });

  it('fails an assertion with no source line or no scope', () => {
    assert.equal(failuresOf('# ^ keyword.other.sop\nsay "x"\n#^^').length, 2);
  });
});

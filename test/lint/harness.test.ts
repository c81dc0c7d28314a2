/**
 * The fixture harness must fail when it should: a missing finding, an extra one, a range
 * off by a column or ending on another line. Otherwise a passing fixture proves nothing.
 */
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/language/finding';
import { compareFindings, parseExpectations } from './harness';

const TEXT = `situation s "S" {
  wait 5s reply {
    end
  }
}
`;
const WAIT_START = TEXT.indexOf('wait');

function finding(rule: string, start: number, end: number, message = 'a message'): Finding {
  return { rule, severity: 'error', message, uri: '/t.sop', span: { start, end } };
}

function check(expectation: string, findings: Finding[]): string[] {
  const text = TEXT.replace('  wait 5s reply {\n', `  wait 5s reply {\n${expectation}\n`);
  const shift = expectation.length + 1;
  const moved = findings.map((f) => ({
    ...f,
    span: { start: f.span.start, end: f.span.end > WAIT_START + 16 ? f.span.end + shift : f.span.end },
  }));
  const { expectations, errors } = parseExpectations(text);
  assert.deepEqual(errors, []);
  return compareFindings('t.sop', text, moved, expectations);
}

const WAIT_STEP = finding('missing-fallback', WAIT_START, TEXT.indexOf('  }\n}') + 3, 'has no fallback');
const DURATION = finding('wait-range', WAIT_START + 5, WAIT_START + 7);

describe('lint fixture harness', () => {
  it('accepts findings that match their expectations exactly', () => {
    assert.deepEqual(check('# ^^^^ missing-fallback +2: no fallback', [WAIT_STEP]), []);
    assert.deepEqual(check('#      ^^ wait-range', [DURATION]), []);
  });

  it('fails on a missing finding', () => {
    assert.equal(check('#      ^^ wait-range', []).length, 1);
  });

  it('fails on an unexpected finding, and prints the expectation to write', () => {
    const problems = check('#      ^^ wait-range', [DURATION, WAIT_STEP]);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /unexpected missing-fallback/);
    assert.match(problems[0], /# \^+ missing-fallback \+2: has no fallback/);
  });

  it('fails on a range off by one column at either end', () => {
    assert.equal(check('#       ^ wait-range', [DURATION]).length, 2);
    assert.equal(check('#      ^^^ wait-range', [DURATION]).length, 2);
  });

  it('fails on a multi-line range that ends on another line', () => {
    assert.equal(check('# ^^^^ missing-fallback +1', [WAIT_STEP]).length, 2);
    assert.equal(check('# ^^^^ missing-fallback', [WAIT_STEP]).length, 2);
  });

  it('fails on a message that does not contain the expected text', () => {
    assert.equal(check('# ^^^^ missing-fallback +2: no reply', [WAIT_STEP]).length, 2);
  });

  it('rejects an expectation it cannot read', () => {
    const { errors } = parseExpectations('say "x"\n# ^^^ Not-A-Rule!\n');
    assert.equal(errors.length, 1);
  });
});

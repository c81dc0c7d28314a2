/**
 * The snippets insert standard procedures, so what they insert (with every default
 * accepted) must be a script the linter accepts: it parses, colours without invalid
 * tokens, and keeps the flow rules the spec sets for silence, holds and hang-ups.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/language/config';
import { keywordOf } from '../../server/src/language/keywords';
import { lintProgram } from '../../server/src/language/lint/lint';
import { RULE_METAS } from '../../server/src/language/lint/registry';
import { parseSop } from '../../server/src/language/parse';
import { singleFileProgram } from '../../server/src/language/program';
import { loadSopGrammar, repoRoot, type LineTokenizer } from './load-grammar';
import { expandSnippet } from './snippet-body';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const snippetPath = join(repoRoot, 'snippets', 'sop.code-snippets');
const snippets = Object.entries(JSON.parse(readFileSync(snippetPath, 'utf8')) as Record<string, Snippet>);

/** Snippets that insert steps are checked inside a situation, as a user would insert them. */
function asScript(expanded: string): string {
  const firstWord = /^\s*([\p{L}_][\p{L}0-9_-]*)/u.exec(expanded)?.[1] ?? '';
  const topLevel = ['situation', 'script'].includes(keywordOf(firstWord) ?? '');
  return topLevel ? expanded : `situation snippet_check {\n${expanded}\n}\n`;
}

describe('snippets', () => {
  let tokenizer: LineTokenizer;
  before(async () => {
    tokenizer = await loadSopGrammar();
  });

  it('offer each procedure with English and with Chinese keywords', () => {
    const prefixes = snippets.flatMap(([, s]) => s.prefix);
    for (const expected of ['situation', 'silent-call', 'hold-consent', 'closing', '情景', '无声电话', '静音征询', '结束通话']) {
      assert.ok(prefixes.includes(expected), `no snippet with prefix ${expected}`);
    }
    assert.equal(new Set(prefixes).size, prefixes.length, 'two snippets share a prefix');
  });

  for (const [name, snippet] of snippets) {
    describe(name, () => {
      const script = asScript(expandSnippet(snippet.body));

      it('has a prefix, a description and a body', () => {
        assert.ok(snippet.prefix.length > 0 && snippet.description.length > 0 && snippet.body.length > 0);
      });

      it('colours without invalid tokens', () => {
        const lines = script.split('\n');
        const invalid = tokenizer.tokenizeLines(lines).flatMap((tokens, i) =>
          tokens
            .filter((t) => t.scopes.some((scope) => scope.startsWith('invalid')))
            .map((t) => `line ${i + 1}: ${JSON.stringify(lines[i].slice(t.start, t.end))} ${t.scopes.join(' ')}`),
        );
        assert.deepEqual(invalid, []);
      });

      it('parses without syntax errors', () => {
        assert.deepEqual(parseSop('snippet.sop', script).errors, []);
      });

      it('lints clean with the recommended rules', () => {
        const findings = lintProgram(singleFileProgram(parseSop('snippet.sop', script)), defaultConfig(RULE_METAS));
        assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), []);
      });
    });
  }
});

/**
 * The snippets insert standard procedures, so what they insert (with every default
 * accepted) must be a script the linter accepts: it parses, colours without invalid
 * tokens, and keeps the flow rules the spec sets for silence, holds and hang-ups.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SopFile, Step, StringLit } from '../../server/src/language/ast';
import { endsTerminally, firstTerminalIndex, forEachStep, stepsBefore } from '../../server/src/language/flow';
import { keywordOf } from '../../server/src/language/keywords';
import { parseSop } from '../../server/src/language/parse';
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

/**
 * The flow rules of the spec's lint table that a procedure can break on its own, checked
 * with the same control-flow reading (`flow.ts`) the linter uses. Returns what is wrong.
 */
function flowProblems(file: SopFile): string[] {
  const problems: string[] = [];
  const strings: StringLit[] = [];
  for (const decl of file.decls) {
    if (decl.kind !== 'situation') continue;
    const id = decl.id.name;
    if (!endsTerminally(decl.steps)) problems.push(`${id}: dead-end (the body does not end terminally)`);
    forEachStep(decl, ({ step, body, index, parent }) => {
      const next: Step | undefined = body[index + 1];
      const [before, beforeThat] = stepsBefore({ step, body, index, parent, situation: decl }, 2);
      const firstTerminal = firstTerminalIndex(body);
      if (firstTerminal >= 0 && index > firstTerminal) problems.push(`${id}: unreachable ${step.kind}`);
      if (step.kind === 'say' || step.kind === 'note') strings.push(step.text);
      if (step.kind === 'wait') {
        if (!step.fallback && !['hangup', 'transfer', 'goto'].includes(next?.kind ?? '')) {
          problems.push(`${id}: missing-fallback on wait ${step.duration.raw}`);
        }
        if (step.duration.ms < 1000 || step.duration.ms > 60000) problems.push(`${id}: wait-range ${step.duration.raw}`);
      }
      if (step.kind === 'hangup') {
        const pause = before?.kind === 'wait' ? before.duration.ms : 0;
        if (pause < 5000 || beforeThat?.kind !== 'say') problems.push(`${id}: abrupt-hangup`);
      }
      if (step.kind === 'hold' && (before?.kind !== 'wait' || beforeThat?.kind !== 'say' || next?.kind !== 'say')) {
        problems.push(`${id}: hold-etiquette`);
      }
    });
  }
  for (const text of strings) {
    if ([...text.value].length > 80) problems.push(`long-phrase: ${text.value}`);
    for (const placeholder of text.placeholders) problems.push(`undefined-variable: {${placeholder.name}}`);
  }
  return problems;
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

      it('keeps the flow rules (fallbacks, goodbye before hang-up, hold etiquette, no dead end)', () => {
        assert.deepEqual(flowProblems(parseSop('snippet.sop', script)), []);
      });
    });
  }
});

describe('snippet flow check', () => {
  // The check above must be able to fail, or the snippet tests prove nothing.
  const cases: [string, RegExp][] = [
    ['say "您好"\nwait 5s\nsay "再见"\nwait 5s\nhangup', /missing-fallback/],
    ['say "再见"\nhangup', /abrupt-hangup/],
    ['say "再见"\nwait 3s\nhangup', /abrupt-hangup/],
    ['say "请稍等"\nhold 1m\nsay "久等了"\nend', /hold-etiquette/],
    ['say "您好"', /dead-end/],
    ['end\nsay "您好"', /unreachable/],
  ];
  for (const [steps, expected] of cases) {
    it(`reports ${expected.source} for ${JSON.stringify(steps)}`, () => {
      assert.match(flowProblems(parseSop('bad.sop', asScript(steps))).join('\n'), expected);
    });
  }
});

describe('snippet expansion', () => {
  it('inserts the defaults of placeholders and choices and drops bare tab stops', () => {
    assert.equal(expandSnippet(['say "${1:您好}"$0', 'wait ${2|5s,10s|}${3}\\$']), 'say "您好"\nwait 5s$');
  });

  it('expands nested placeholders and escaped braces', () => {
    assert.equal(expandSnippet('${1:a ${2:b\\}} c}'), 'a b} c');
  });
});

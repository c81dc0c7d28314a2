/**
 * Every kind of configuration mistake is reported at the bad value, with a message that
 * says what to write instead. Positions are 1-based line:column ranges, as the CLI prints.
 */
import { strict as assert } from 'node:assert';
import { parseConfig } from '../../../server/src/language/config';
import { LineIndex } from '../../../server/src/language/line-index';
import { RULE_METAS as SPEC_RULES } from '../../../server/src/language/lint/registry';

interface Case {
  name: string;
  text: string;
  /** `line:column-line:column` of each finding, 1-based, end exclusive. */
  at: string[];
  message: RegExp;
}

const cases: Case[] = [
  { name: 'a syntax error', text: '{\n  "extends": "recommended"\n  "allow": []\n}', at: ['3:3-3:10'], message: /invalid JSON: expected "," between values/ },
  { name: 'a trailing comma', text: '{\n  "allow": ["a"],\n}', at: ['2:17-2:18'], message: /trailing comma/ },
  { name: 'a comment', text: '// team rules\n{}', at: ['1:1-1:14'], message: /comments are not allowed/ },
  { name: 'an empty file', text: '', at: ['1:1-1:1'], message: /empty: write \{\}/ },
  { name: 'a top-level array', text: '[]', at: ['1:1-1:3'], message: /must be a JSON object, not an array/ },
  { name: 'an unknown top-level key', text: '{\n  "rule": {}\n}', at: ['2:3-2:9'], message: /unknown setting "rule" — did you mean "rules"\?/ },
  { name: 'a key given twice', text: '{ "allow": [], "allow": [] }', at: ['1:16-1:23'], message: /"allow" is given twice/ },
  { name: 'a bad preset', text: '{ "extends": "recomended" }', at: ['1:14-1:26'], message: /"extends" must be "recommended" or "none".*did you mean "recommended"\?/ },
  { name: 'rules not an object', text: '{ "rules": ["x"] }', at: ['1:12-1:17'], message: /"rules" must be an object/ },
  { name: 'an unknown rule id', text: '{\n  "rules": {\n    "long-phrases": "off"\n  }\n}', at: ['3:5-3:19'], message: /unknown rule "long-phrases" — did you mean "long-phrase"\?/ },
  { name: 'a bad severity', text: '{ "rules": { "long-phrase": "warn" } }', at: ['1:29-1:35'], message: /"warn" is not a severity: use error, warning, info, hint or off — did you mean "warning"\?/ },
  { name: 'a bad severity inside [severity, options]', text: '{ "rules": { "wait-range": ["loud", {}] } }', at: ['1:29-1:35'], message: /is not a severity/ },
  { name: 'a number as a rule setting', text: '{ "rules": { "dead-end": 2 } }', at: ['1:26-1:27'], message: /must be set to a severity .* or \[severity, \{ options \}\], not the number 2/ },
  { name: 'too many items', text: '{ "rules": { "dead-end": ["error", {}, 1] } }', at: ['1:26-1:42'], message: /must be set to/ },
  { name: 'an unknown option', text: '{ "rules": { "wait-range": ["warning", { "maxwait": "30s" }] } }', at: ['1:42-1:51'], message: /unknown option "maxwait" for rule "wait-range" — did you mean "maxWait"\? \(its options: minWait, maxWait\)/ },
  { name: 'an option for a rule without options', text: '{ "rules": { "dead-end": ["error", { "max": 1 }] } }', at: ['1:38-1:43'], message: /\(it has no options\)/ },
  { name: 'options not an object', text: '{ "rules": { "dead-end": ["error", 1] } }', at: ['1:36-1:37'], message: /the options of "dead-end" must be an object/ },
  { name: 'a number option of the wrong type', text: '{ "rules": { "long-phrase": ["warning", { "maxPhraseChars": "80" }] } }', at: ['1:61-1:65'], message: /"maxPhraseChars" must be a number/ },
  { name: 'a duration without a unit', text: '{ "rules": { "wait-range": ["warning", { "maxWait": 30 }] } }', at: ['1:53-1:55'], message: /"maxWait": 30 has no unit: write "30s"/ },
  { name: 'a misspelt duration', text: '{ "rules": { "promise-window": ["warning", { "maxPromise": "24 hours" }] } }', at: ['1:60-1:70'], message: /"24 hours" is not a duration/ },
  { name: 'a bad hangupPause', text: '{\n  "hangupPause": 5\n}', at: ['2:18-2:19'], message: /"hangupPause": 5 has no unit: write "5s"/ },
  { name: 'hangupPause of the wrong type', text: '{ "hangupPause": true }', at: ['1:18-1:22'], message: /must be a duration such as "5s", not true/ },
  { name: 'lexicon not an array', text: '{ "lexicon": {} }', at: ['1:14-1:16'], message: /"lexicon" must be an array of entries/ },
  { name: 'an entry that is a string', text: '{ "lexicon": ["没办法"] }', at: ['1:15-1:20'], message: /a lexicon entry must be an object/ },
  { name: 'an entry with neither phrase nor pattern', text: '{ "lexicon": [\n  { "message": "m" }\n] }', at: ['2:3-2:4'], message: /needs a "phrase" \(literal text\) or a "pattern"/ },
  { name: 'an entry with both phrase and pattern', text: '{ "lexicon": [{ "phrase": "a", "pattern": "b", "message": "m" }] }', at: ['1:32-1:41'], message: /either "phrase" or "pattern", not both/ },
  { name: 'an entry without a message', text: '{ "lexicon": [{ "phrase": "没办法" }] }', at: ['1:15-1:16'], message: /needs a "message"/ },
  { name: 'an empty phrase', text: '{ "lexicon": [{ "phrase": " ", "message": "m" }] }', at: ['1:27-1:30'], message: /"phrase" must be a non-empty string/ },
  { name: 'a phrase of spaces only', text: '{ "lexicon": [{ "phrase": "\u200b\u3000", "message": "m" }] }', at: ['1:27-1:31'], message: /the phrase is empty once spaces are ignored/ },
  { name: 'an unknown entry key', text: '{ "lexicon": [{ "phrase": "a", "message": "m", "sugest": [] }] }', at: ['1:48-1:56'], message: /unknown lexicon entry key "sugest" — did you mean "suggest"\?/ },
  { name: 'suggest not an array', text: '{ "lexicon": [{ "phrase": "a", "message": "m", "suggest": "b" }] }', at: ['1:59-1:62'], message: /"suggest" must be an array/ },
  { name: 'a suggestion that is not a string', text: '{ "lexicon": [{ "phrase": "a", "message": "m", "suggest": ["b", 1] }] }', at: ['1:65-1:66'], message: /"suggest" must hold strings/ },
  { name: 'a bad entry severity', text: '{ "lexicon": [{ "phrase": "a", "message": "m", "severity": "warn" }] }', at: ['1:60-1:66'], message: /not a lexicon severity: use error, warning, info or hint — did you mean "warning"\?/ },
  { name: 'an invalid pattern', text: '{ "lexicon": [{ "pattern": "(稍|等", "message": "m" }] }', at: ['1:28-1:34'], message: /invalid pattern: missing closing \)/ },
  { name: 'a backreference', text: '{ "lexicon": [{ "pattern": "(好)\\\\1", "message": "m" }] }', at: ['1:28-1:36'], message: /backreferences .* not supported by the linear-time pattern engine/ },
  { name: 'a lookbehind', text: '{ "lexicon": [{ "pattern": "(?<!听)不清楚", "message": "m" }] }', at: ['1:28-1:39'], message: /lookahead and lookbehind .* not supported/ },
  { name: 'a pattern matching empty text', text: '{ "lexicon": [{ "pattern": "a*", "message": "m" }] }', at: ['1:28-1:32'], message: /matches empty text/ },
  { name: 'a duplicate entry id', text: '{ "lexicon": [{ "id": "x", "phrase": "a", "message": "m" }, { "id": "x", "phrase": "b", "message": "m" }] }', at: ['1:69-1:72'], message: /lexicon id "x" is used twice/ },
  { name: 'switching off an entry that is not built in', text: '{ "lexicon": [{ "id": "you-shuold", "severity": "off" }] }', at: ['1:23-1:35'], message: /is not one — did you mean "you-should"\?/ },
  { name: 'switching off with extra keys', text: '{ "lexicon": [{ "id": "you-should", "severity": "off", "message": "m" }] }', at: ['1:56-1:65'], message: /takes only "id" and "severity"/ },
  { name: 'a match example that does not match', text: '{ "lexicon": [{ "phrase": "没办法", "message": "m", "examples": { "match": ["没有办法"] } }] }', at: ['1:74-1:80'], message: /"match" example is not flagged/ },
  { name: 'a noMatch example that matches', text: '{ "lexicon": [{ "phrase": "没办法", "message": "m", "examples": { "noMatch": ["真没办法"] } }] }', at: ['1:76-1:82'], message: /"noMatch" example is flagged/ },
  { name: 'allow not an array', text: '{ "allow": "上班时间" }', at: ['1:12-1:18'], message: /"allow" must be an array of strings/ },
  { name: 'an allow item that is not a string', text: '{ "allow": ["a", 2] }', at: ['1:18-1:19'], message: /"allow" must hold non-empty strings, not the number 2/ },
];

function rangeOf(text: string, span: { start: number; end: number }): string {
  const index = new LineIndex(text);
  const s = index.positionAt(span.start);
  const e = index.positionAt(span.end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

describe('configuration errors', () => {
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const { findings } = parseConfig('/work/sop.config.json', c.text, SPEC_RULES);
      assert.deepEqual(findings.map((f) => rangeOf(c.text, f.span)), c.at, JSON.stringify(findings.map((f) => f.message)));
      for (const f of findings) {
        assert.match(f.message, c.message);
        assert.equal(f.rule, 'config');
        assert.equal(f.severity, 'error');
        assert.equal(f.uri, '/work/sop.config.json');
      }
    });
  }

  it('still yields a usable configuration from the parts that were fine', () => {
    const text = '{ "rules": { "long-phrase": "off", "nope": "off", "dead-end": "loud" }, "allow": ["好的", 3] }';
    const { config, findings } = parseConfig('/sop.config.json', text, SPEC_RULES);
    assert.equal(findings.length, 3);
    assert.equal(config.rules['long-phrase'].level, 'off');
    assert.equal(config.rules['dead-end'].level, 'error');
    assert.deepEqual(config.allow, ['好的']);
    assert.ok(config.lexicon.length > 0);
  });
});

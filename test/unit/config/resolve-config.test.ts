/**
 * What a valid `sop.config.json` turns into: the configuration the rules run with.
 */
import { strict as assert } from 'node:assert';
import { defaultConfig, matcherForConfig, parseConfig } from '../../../server/src/language/config';
import { recommendedLexicon } from '../../../server/src/language/lexicon';
import { SPEC_RULES } from './spec-rules';

const SPEC_EXAMPLE = `{
  "extends": "recommended",
  "rules": { "long-phrase": "off", "wait-range": ["warning", { "maxWait": "30s" }] },
  "hangupPause": "5s",
  "lexicon": [
    { "phrase": "没办法", "message": "给出可行的下一步", "suggest": ["我来帮您想办法"], "severity": "warning" },
    { "pattern": "(稍|等)等?一下", "message": "用标准话术", "suggest": ["请您稍等片刻,好吗?"] }
  ],
  "allow": ["上班时间不允许接听私人电话"]
}`;

function load(text: string) {
  const { config, findings } = parseConfig('/team/sop.config.json', text, SPEC_RULES);
  assert.deepEqual(findings, []);
  return config;
}

describe('the resolved configuration', () => {
  it('defaults every rule to its declared severity and options', () => {
    const config = defaultConfig(SPEC_RULES);
    assert.equal(config.rules['hold-etiquette'].level, 'warning');
    assert.deepEqual(config.rules['wait-range'].options, { minWait: 1000, maxWait: 60_000 });
    assert.equal(config.hangupPause, 5000);
    assert.equal(config.rules['abrupt-hangup'].options.hangupPause, 5000);
    assert.deepEqual(config.lexicon, [...recommendedLexicon]);
    assert.deepEqual(config.allow, []);
  });

  it("reads the spec's example", () => {
    const config = load(SPEC_EXAMPLE);
    assert.equal(config.uri, '/team/sop.config.json');
    assert.equal(config.rules['long-phrase'].level, 'off');
    assert.deepEqual(config.rules['wait-range'], { level: 'warning', options: { minWait: 1000, maxWait: 30_000 } });
    assert.equal(config.rules['dead-end'].level, 'error');
    assert.equal(config.hangupPause, 5000);
    assert.equal(config.lexicon.length, recommendedLexicon.length + 2);
    const [own, pattern] = config.lexicon.slice(-2);
    assert.deepEqual(own, { id: 'user-1', phrase: '没办法', message: '给出可行的下一步', suggest: ['我来帮您想办法'], severity: 'warning' });
    assert.deepEqual(pattern, { id: 'user-2', pattern: '(稍|等)等?一下', message: '用标准话术', suggest: ['请您稍等片刻,好吗?'], severity: 'error' });
    assert.deepEqual(config.allow, ['上班时间不允许接听私人电话']);
  });

  it('matches with the user entries and the allow list', () => {
    const config = load(SPEC_EXAMPLE);
    const matcher = matcherForConfig(config);
    assert.deepEqual(matcher.find('我这里真没办法,您稍等一下').map((m) => m.entry.id), ['user-1', 'user-2']);
    assert.deepEqual(matcher.find('对不起,公司有规定,上班时间不允许接听私人电话'), []);
    assert.equal(matcherForConfig(config), matcher, 'built once per configuration');
  });

  describe('hangupPause', () => {
    it('feeds the abrupt-hangup rule', () => {
      const config = load('{ "hangupPause": "8秒" }');
      assert.equal(config.hangupPause, 8000);
      assert.equal(config.rules['abrupt-hangup'].options.hangupPause, 8000);
    });
    it("gives way to the rule's own option", () => {
      const config = load('{ "hangupPause": "8s", "rules": { "abrupt-hangup": ["warning", { "hangupPause": "3s" }] } }');
      assert.equal(config.hangupPause, 3000);
      assert.deepEqual(config.rules['abrupt-hangup'], { level: 'warning', options: { hangupPause: 3000 } });
    });
  });

  it('reads every duration spelling', () => {
    const cases: Array<[string, number]> = [['5s', 5000], ['500ms', 500], ['1.5m', 90_000], ['24h', 86_400_000], ['1d', 86_400_000], ['30秒', 30_000], ['2分钟', 120_000], ['48小时', 172_800_000], ['1天', 86_400_000], ['800毫秒', 800]];
    for (const [text, ms] of cases) {
      const config = load(`{ "rules": { "promise-window": ["warning", { "maxPromise": "${text}" }] } }`);
      assert.equal(config.rules['promise-window'].options.maxPromise, ms, text);
    }
  });

  it('drops the built-in lexicon with "extends": "none"', () => {
    const config = load('{ "extends": "none", "lexicon": [{ "phrase": "没办法", "message": "m" }] }');
    assert.deepEqual(config.lexicon.map((e) => e.id), ['user-1']);
  });

  it('lets an entry with a built-in id replace that entry', () => {
    const config = load('{ "lexicon": [{ "id": "you-should", "phrase": "你应该", "message": "ours", "severity": "hint" }] }');
    const entries = config.lexicon.filter((e) => e.id === 'you-should');
    assert.deepEqual(entries.map((e) => [e.message, e.severity]), [['ours', 'hint']]);
    assert.equal(config.lexicon.length, recommendedLexicon.length);
  });

  it('switches a built-in entry off', () => {
    const config = load('{ "lexicon": [{ "id": "you-should", "severity": "off" }] }');
    assert.equal(config.lexicon.some((e) => e.id === 'you-should'), false);
    assert.deepEqual(matcherForConfig(config).find('你应该早点打电话来'), []);
  });

  it('accepts a $schema key for editors', () => {
    load('{ "$schema": "../schema/sop-config.schema.json" }');
  });
});

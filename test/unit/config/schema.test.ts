/**
 * The shipped `schema/sop-config.schema.json` describes exactly the configuration the
 * loader accepts: it is generated from the rules' declarations, and valid and invalid
 * configurations agree between the schema (as VS Code applies it) and `parseConfig`.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { buildConfigSchema, parseConfig, schemaRuleIds } from '../../../server/src/language/config';
import type { RuleMeta } from '../../../server/src/language/rule-meta';
import { messagesFor } from '../../../server/src/language/i18n/messages';
import { RULE_METAS as SPEC_RULES } from '../../../server/src/language/lint/registry';

const schemaPath = join(__dirname, '../../../schema/sop-config.schema.json');

/** Checks a schema against a rule list: the same ids, and per rule the same option names. */
export function assertSchemaMatchesRules(schema: Record<string, unknown>, rules: readonly RuleMeta[]): void {
  assert.deepEqual(schemaRuleIds(schema), rules.map((r) => r.id).sort());
  type RuleSchema = { anyOf: [unknown, { items: [unknown, { properties: Record<string, unknown> }] }] };
  const ruleSchemas = (schema.properties as { rules: { properties: Record<string, RuleSchema> } }).rules.properties;
  for (const rule of rules) {
    const optionsSchema = ruleSchemas[rule.id].anyOf[1].items[1];
    assert.deepEqual(Object.keys(optionsSchema.properties).sort(), Object.keys(rule.options ?? {}).sort(), rule.id);
  }
}

describe('sop-config.schema.json', () => {
  const shipped = JSON.parse(readFileSync(schemaPath, 'utf8'));

  it('is the schema generated from the rule declarations', () => {
    const generated = buildConfigSchema(SPEC_RULES);
    if (process.env.UPDATE_SCHEMA) writeFileSync(schemaPath, `${JSON.stringify(generated, null, 2)}\n`);
    assert.deepEqual(shipped, generated, 'regenerate with UPDATE_SCHEMA=1 npx mocha --import=tsx test/unit/config/schema.test.ts');
  });

  it('has a Chinese twin, generated with the Chinese catalog (the manifest picks it through package.nls.zh-cn.json)', () => {
    const zhPath = join(__dirname, '../../../schema/sop-config.schema.zh-cn.json');
    const generated = buildConfigSchema(SPEC_RULES, messagesFor('zh-CN'));
    if (process.env.UPDATE_SCHEMA) writeFileSync(zhPath, `${JSON.stringify(generated, null, 2)}\n`);
    const shippedZh = JSON.parse(readFileSync(zhPath, 'utf8'));
    assert.deepEqual(shippedZh, generated, 'regenerate with UPDATE_SCHEMA=1');
    // Only the descriptions differ: the same configurations are valid under both.
    const strip = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(strip)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'description' && k !== 'title').map(([k, v]) => [k, strip(v)]))
          : value;
    assert.deepEqual(strip(shippedZh), strip(shipped));
    const nls = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../..', name), 'utf8'))['jsonValidation.configSchema'];
    assert.equal(nls('package.nls.json'), './schema/sop-config.schema.json');
    assert.equal(nls('package.nls.zh-cn.json'), './schema/sop-config.schema.zh-cn.json');
  });

  it('lists the rules it was generated from, with their options', () => {
    assertSchemaMatchesRules(shipped, SPEC_RULES);
    assertSchemaMatchesRules(buildConfigSchema(SPEC_RULES.slice(0, 3)), SPEC_RULES.slice(0, 3));
  });

  it('is draft-07', () => {
    assert.equal(shipped.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  const ajv = new Ajv({ strict: false });
  const validate = ajv.compile(shipped);
  const cases: Array<{ name: string; config: unknown; valid: boolean }> = [
    {
      name: "the spec's example",
      valid: true,
      config: {
        extends: 'recommended',
        rules: { 'long-phrase': 'off', 'wait-range': ['warning', { maxWait: '30s' }] },
        hangupPause: '5s',
        lexicon: [
          { phrase: '没办法', message: '给出可行的下一步', suggest: ['我来帮您想办法'], severity: 'warning' },
          { pattern: '(稍|等)等?一下', message: '用标准话术', suggest: ['请您稍等片刻,好吗?'] },
        ],
        allow: ['上班时间不允许接听私人电话'],
      },
    },
    { name: 'an empty object', valid: true, config: {} },
    { name: 'a Chinese duration unit', valid: true, config: { hangupPause: '5秒' } },
    { name: 'a built-in entry switched off', valid: true, config: { lexicon: [{ id: 'you-should', severity: 'off' }] } },
    { name: 'an unknown top-level key', valid: false, config: { rule: {} } },
    { name: 'an unknown rule', valid: false, config: { rules: { 'long-phrases': 'off' } } },
    { name: 'a bad severity', valid: false, config: { rules: { 'long-phrase': 'warn' } } },
    { name: 'an unknown option', valid: false, config: { rules: { 'wait-range': ['warning', { maxwait: '30s' }] } } },
    { name: 'a duration without a unit', valid: false, config: { hangupPause: 5 } },
    { name: 'an entry with both phrase and pattern', valid: false, config: { lexicon: [{ phrase: 'a', pattern: 'b', message: 'm' }] } },
    { name: 'an entry without a message', valid: false, config: { lexicon: [{ phrase: 'a' }] } },
    { name: 'allow holding a number', valid: false, config: { allow: [1] } },
  ];
  for (const c of cases) {
    it(`${c.valid ? 'accepts' : 'rejects'} ${c.name}, as the loader does`, () => {
      assert.equal(validate(c.config), c.valid, JSON.stringify(validate.errors));
      const { findings } = parseConfig('/x/sop.config.json', JSON.stringify(c.config), SPEC_RULES);
      assert.equal(findings.length === 0, c.valid, JSON.stringify(findings));
    });
  }
});

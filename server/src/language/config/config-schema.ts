/**
 * The JSON Schema (draft-07, the dialect VS Code's `jsonValidation` understands best) of
 * `sop.config.json`, built from the rules' own declarations so the schema shipped in
 * `schema/sop-config.schema.json` cannot drift from the rule registry: a test compares
 * the file with this function's output.
 */
import { DURATION_UNITS, formatDuration } from '../duration';
import type { RuleMeta, RuleOptionSpec } from '../rule-meta';
import { DEFAULT_HANGUP_PAUSE_MS } from './types';
import { EN, type ArgValue, type MessageKey, type Messages } from '../i18n/messages';

type Translate = (key: MessageKey, args?: Record<string, ArgValue>) => string;


type Schema = Record<string, unknown>;

const DURATION_PATTERN = `^[0-9]+(\\.[0-9]+)?(${DURATION_UNITS.join('|')})$`;

function durationSchema(t: Translate, description: string, defaultMs: number): Schema {
  return {
    description: `${description} ${t('schema.duration')}`,
    type: 'string',
    pattern: DURATION_PATTERN,
    default: formatDuration(defaultMs),
    examples: ['5s', '500ms', '1.5m', '24h', '5秒'],
  };
}

function optionSchema(t: Translate, spec: RuleOptionSpec): Schema {
  switch (spec.type) {
    case 'duration':
      return durationSchema(t, t(spec.description as MessageKey), Number(spec.default));
    case 'number':
      return { description: t(spec.description as MessageKey), type: 'number', minimum: 0, default: spec.default };
    case 'boolean':
      return { description: t(spec.description as MessageKey), type: 'boolean', default: spec.default };
    case 'string':
      return { description: t(spec.description as MessageKey), type: 'string', default: spec.default };
  }
}

function ruleSchema(t: Translate, meta: RuleMeta): Schema {
  const options = Object.entries(meta.options ?? {});
  const optionsSchema: Schema = {
    type: 'object',
    description: options.length > 0 ? t('schema.rule.options', { rule: meta.id }) : t('schema.rule.no-options', { rule: meta.id }),
    additionalProperties: false,
    properties: Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(t, spec)])),
  };
  return {
    description: `${t(meta.description as MessageKey)} ${t('schema.rule.default', { severity: meta.severity })}`,
    default: meta.severity,
    anyOf: [
      { $ref: '#/definitions/level' },
      {
        type: 'array',
        description: '[severity, { options }]',
        items: [{ $ref: '#/definitions/level' }, optionsSchema],
        additionalItems: false,
        minItems: 1,
      },
    ],
  };
}

function lexiconEntrySchema(t: Translate): Schema {
  return {
  type: 'object',
  description: t('schema.lexicon-entry'),
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, description: t('schema.lexicon-entry.id') },
    phrase: { type: 'string', minLength: 1, description: t('schema.lexicon-entry.phrase') },
    pattern: {
      type: 'string',
      minLength: 1,
      description: t('schema.lexicon-entry.pattern'),
    },
    message: localizedText(t, t('schema.lexicon-entry.message'), 1),
    reason: localizedText(t, t('schema.lexicon-entry.reason'), 0),
    suggest: { type: 'array', items: localizedText(t, undefined, 0), description: t('schema.lexicon-entry.suggest') },
    severity: { enum: ['error', 'warning', 'info', 'hint', 'off'], default: 'error', description: t('schema.lexicon-entry.severity') },
    examples: {
      type: 'object',
      description: t('schema.lexicon-entry.examples'),
      additionalProperties: false,
      properties: {
        match: { type: 'array', items: { type: 'string' }, description: t('schema.lexicon-entry.examples.match') },
        noMatch: { type: 'array', items: { type: 'string' }, description: t('schema.lexicon-entry.examples.noMatch') },
      },
    },
  },
  oneOf: [
    { required: ['phrase', 'message'], not: { required: ['pattern'] }, properties: { severity: { not: { const: 'off' } } } },
    { required: ['pattern', 'message'], not: { required: ['phrase'] }, properties: { severity: { not: { const: 'off' } } } },
    { required: ['id', 'severity'], properties: { severity: { const: 'off' } }, not: { anyOf: [{ required: ['phrase'] }, { required: ['pattern'] }] } },
  ],
  };
}

/** A plain string or `{ "zh-CN": "…", "en": "…" }` (see `readLocalized` in lexicon-config.ts). */
function localizedText(t: Translate, description: string | undefined, minLength: number): Schema {
  return {
    ...(description ? { description } : {}),
    anyOf: [
      { type: 'string', minLength },
      {
        type: 'object',
        description: t('schema.localized'),
        propertyNames: { pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' },
        additionalProperties: { type: 'string', minLength },
        minProperties: 1,
      },
    ],
  };
}

/**
 * The schema of `sop.config.json` for the given rules, its descriptions in the language of
 * `messages` (the extension ships one file per catalog language and picks by locale).
 */
export function buildConfigSchema(rules: readonly RuleMeta[], messages: Messages = EN): Schema {
  const t: Translate = (key, args) => messages.t(key, args);
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: t('schema.title'),
    description: t('schema.description'),
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: t('schema.schema') },
      extends: {
        enum: ['recommended', 'none'],
        default: 'recommended',
        description: t('schema.extends'),
      },
      rules: {
        type: 'object',
        description: t('schema.rules'),
        additionalProperties: false,
        properties: Object.fromEntries(sorted.map((meta) => [meta.id, ruleSchema(t, meta)])),
      },
      hangupPause: durationSchema(t, t('schema.hangupPause'), DEFAULT_HANGUP_PAUSE_MS),
      lexicon: { type: 'array', description: t('schema.lexicon'), items: { $ref: '#/definitions/lexiconEntry' } },
      allow: {
        type: 'array',
        description: t('schema.allow'),
        items: { type: 'string', minLength: 1 },
      },
      export: {
        type: 'object',
        description: t('schema.export'),
        additionalProperties: false,
        properties: {
          queues: {
            type: 'object',
            description: t('schema.export.queues'),
            additionalProperties: { $ref: '#/definitions/platformValues' },
          },
          agent: { $ref: '#/definitions/platformValues', description: t('schema.export.agent') },
          holdMusic: { $ref: '#/definitions/platformValues', description: t('schema.export.hold-music') },
        },
      },
    },
    definitions: {
      platformValues: {
        type: 'object',
        description: t('schema.export.platform-values'),
        additionalProperties: false,
        properties: {
          connect: { type: 'string', minLength: 1 },
          voicexml: { type: 'string', minLength: 1 },
          studio: { type: 'string', minLength: 1 },
        },
      },
      level: { enum: ['error', 'warning', 'info', 'hint', 'off'], description: t('schema.level') },
      lexiconEntry: lexiconEntrySchema(t),
    },
  };
}

/** The rule ids a schema describes, for comparing it with a rule registry. */
export function schemaRuleIds(schema: Schema): string[] {
  const rules = (schema.properties as Record<string, { properties?: Record<string, unknown> }>).rules;
  return Object.keys(rules.properties ?? {}).sort();
}

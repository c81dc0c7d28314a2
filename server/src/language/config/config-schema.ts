/**
 * The JSON Schema (draft-07, the dialect VS Code's `jsonValidation` understands best) of
 * `sop.config.json`, built from the rules' own declarations so the schema shipped in
 * `schema/sop-config.schema.json` cannot drift from the rule registry: a test compares
 * the file with this function's output.
 */
import { DURATION_UNITS, formatDuration } from '../duration';
import type { RuleMeta, RuleOptionSpec } from '../rule-meta';
import { DEFAULT_HANGUP_PAUSE_MS } from './types';

type Schema = Record<string, unknown>;

const DURATION_PATTERN = `^[0-9]+(\\.[0-9]+)?(${DURATION_UNITS.join('|')})$`;

function durationSchema(description: string, defaultMs: number): Schema {
  return {
    description: `${description} A number directly followed by a unit: ms, s, m, h, d, 毫秒, 秒, 分钟, 小时 or 天.`,
    type: 'string',
    pattern: DURATION_PATTERN,
    default: formatDuration(defaultMs),
    examples: ['5s', '500ms', '1.5m', '24h', '5秒'],
  };
}

function optionSchema(spec: RuleOptionSpec): Schema {
  switch (spec.type) {
    case 'duration':
      return durationSchema(spec.description, Number(spec.default));
    case 'number':
      return { description: spec.description, type: 'number', minimum: 0, default: spec.default };
    case 'boolean':
      return { description: spec.description, type: 'boolean', default: spec.default };
    case 'string':
      return { description: spec.description, type: 'string', default: spec.default };
  }
}

function ruleSchema(meta: RuleMeta): Schema {
  const options = Object.entries(meta.options ?? {});
  const optionsSchema: Schema = {
    type: 'object',
    description: options.length > 0 ? `Options of ${meta.id}.` : `${meta.id} has no options.`,
    additionalProperties: false,
    properties: Object.fromEntries(options.map(([name, spec]) => [name, optionSchema(spec)])),
  };
  return {
    description: `${meta.description} Default: ${meta.severity}.`,
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

const lexiconEntrySchema: Schema = {
  type: 'object',
  description: 'A banned phrasing: exactly one of "phrase" or "pattern", and a "message". { "id", "severity": "off" } switches a built-in entry off.',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, description: 'A stable id. An entry with the id of a built-in entry replaces it.' },
    phrase: { type: 'string', minLength: 1, description: 'Literal text. Matched ignoring spaces, full-/half-width forms and punctuation variants.' },
    pattern: {
      type: 'string',
      minLength: 1,
      description: 'An RE2 pattern (linear-time: no backreferences, no lookaround), matched against normalised text. A group named "phrase" narrows the finding to that group.',
    },
    message: { type: 'string', minLength: 1, description: 'What to say instead; the finding\'s message.' },
    reason: { type: 'string', description: 'Why the phrasing hurts.' },
    suggest: { type: 'array', items: { type: 'string' }, description: 'Replacements offered as quick fixes; "" offers deleting the phrase.' },
    severity: { enum: ['error', 'warning', 'info', 'hint', 'off'], default: 'error', description: 'The finding\'s severity; "off" (with a built-in "id") switches that entry off.' },
    examples: {
      type: 'object',
      description: 'Checked when the configuration is loaded.',
      additionalProperties: false,
      properties: {
        match: { type: 'array', items: { type: 'string' }, description: 'Phrasings the entry must flag.' },
        noMatch: { type: 'array', items: { type: 'string' }, description: 'Phrasings the entry must leave alone.' },
      },
    },
  },
  oneOf: [
    { required: ['phrase', 'message'], not: { required: ['pattern'] }, properties: { severity: { not: { const: 'off' } } } },
    { required: ['pattern', 'message'], not: { required: ['phrase'] }, properties: { severity: { not: { const: 'off' } } } },
    { required: ['id', 'severity'], properties: { severity: { const: 'off' } }, not: { anyOf: [{ required: ['phrase'] }, { required: ['pattern'] }] } },
  ],
};

/** The schema of `sop.config.json` for the given rules. */
export function buildConfigSchema(rules: readonly RuleMeta[]): Schema {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'SOP Studio configuration (sop.config.json)',
    description: 'Found by walking up from a script\'s folder; the nearest file wins.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'The location of this schema.' },
      extends: {
        enum: ['recommended', 'none'],
        default: 'recommended',
        description: '"recommended" includes the built-in lexicon of banned phrasings; "none" starts from an empty lexicon.',
      },
      rules: {
        type: 'object',
        description: 'Per rule: a severity ("error", "warning", "info", "hint", "off") or [severity, { options }].',
        additionalProperties: false,
        properties: Object.fromEntries(sorted.map((meta) => [meta.id, ruleSchema(meta)])),
      },
      hangupPause: durationSchema('How long to wait after the goodbye before hanging up (the abrupt-hangup rule).', DEFAULT_HANGUP_PAUSE_MS),
      lexicon: { type: 'array', description: 'Banned phrasings added to (or replacing) the built-in ones.', items: { $ref: '#/definitions/lexiconEntry' } },
      allow: {
        type: 'array',
        description: 'Phrasings never flagged: a match inside one of these is dropped.',
        items: { type: 'string', minLength: 1 },
      },
      export: {
        type: 'object',
        description: 'For `sop export` (docs/exports.md): where transfers and the agent takeover go on each platform, and the hold music.',
        additionalProperties: false,
        properties: {
          queues: {
            type: 'object',
            description: 'Per transfer target as the script writes it (`transfer "投诉处理组"`): its queue on each platform.',
            additionalProperties: { $ref: '#/definitions/platformValues' },
          },
          agent: { $ref: '#/definitions/platformValues', description: 'Where an `end` step (the agent takes over) sends the call.' },
          holdMusic: { $ref: '#/definitions/platformValues', description: 'The hold music a `hold` step plays.' },
        },
      },
    },
    definitions: {
      platformValues: {
        type: 'object',
        description: 'One value per platform: "connect" (a queue or prompt ARN), "voicexml" (a URI), "studio" (a queue name or an audio URL).',
        additionalProperties: false,
        properties: {
          connect: { type: 'string', minLength: 1 },
          voicexml: { type: 'string', minLength: 1 },
          studio: { type: 'string', minLength: 1 },
        },
      },
      level: { enum: ['error', 'warning', 'info', 'hint', 'off'], description: 'A severity, or "off" to disable the rule.' },
      lexiconEntry: lexiconEntrySchema,
    },
  };
}

/** The rule ids a schema describes, for comparing it with a rule registry. */
export function schemaRuleIds(schema: Schema): string[] {
  const rules = (schema.properties as Record<string, { properties?: Record<string, unknown> }>).rules;
  return Object.keys(rules.properties ?? {}).sort();
}

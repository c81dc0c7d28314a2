/**
 * Reads `sop.config.json`. A broken configuration never crashes a tool and is never
 * silently replaced by defaults: every problem becomes a `config` finding at the bad value,
 * and the parts that were fine still make a usable configuration (the CLI refuses to run
 * with it; the editor keeps linting while the author fixes the file).
 */
import type { Node } from 'jsonc-parser';
import { parseDuration } from '../duration';
import type { Finding, Level } from '../finding';
import type { RuleMeta, RuleOptionSpec, RuleOptions } from '../rule-meta';
import { ConfigReport, describe, parseJson, propertiesOf } from './json-nodes';
import { readExportSettings } from './export-config';
import { EN, msg, type Messages } from '../i18n/messages';
import { readLexicon } from './lexicon-config';
import { didYouMean } from './nearest';
import { defaultConfig, HANGUP_OPTION, HANGUP_RULE, type SopConfig } from './types';

export const CONFIG_FILE_NAME = 'sop.config.json';

const TOP_LEVEL_KEYS = ['$schema', 'extends', 'rules', 'hangupPause', 'lexicon', 'allow', 'export'];
const PRESETS = ['recommended', 'none'];
export const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'hint', 'off'];

export interface ParsedConfig {
  config: SopConfig;
  findings: Finding[];
}

/** Parses a configuration file; its findings are written in the language of `messages`. */
export function parseConfig(uri: string, text: string, rules: readonly RuleMeta[], messages: Messages = EN): ParsedConfig {
  const report = new ConfigReport(uri, messages);
  const config: SopConfig = { ...defaultConfig(rules), uri };
  if (text.trim() === '') {
    report.error({ start: 0, end: 0 }, msg('config.empty'));
    return { config, findings: report.findings };
  }
  const root = parseJson(text, report);
  if (!root) return { config, findings: report.findings };
  if (root.type !== 'object') {
    report.at(root, msg('config.not-object', { value: describe(root) }));
    return { config, findings: report.findings };
  }

  let preset = 'recommended';
  let lexiconNode: Node | undefined;
  let hangupPause: number | undefined;
  const ruleState: RuleState = { config, report, rules };
  for (const { name, keyNode, valueNode } of propertiesOf(root, report)) {
    if (!valueNode) continue;
    switch (name) {
      case '$schema':
        if (valueNode.type !== 'string') report.at(valueNode, msg('config.schema-not-string'));
        break;
      case 'extends':
        if (valueNode.type === 'string' && PRESETS.includes(valueNode.value)) preset = valueNode.value;
        else report.at(valueNode, msg('config.extends', { value: describe(valueNode), hint: didYouMean(String(valueNode.value), PRESETS) }));
        break;
      case 'rules':
        readRules(valueNode, ruleState);
        break;
      case 'hangupPause':
        hangupPause = readDuration(valueNode, 'hangupPause', report);
        break;
      case 'lexicon':
        lexiconNode = valueNode;
        break;
      case 'allow':
        config.allow = readStringList(valueNode, '"allow"', report);
        break;
      case 'export':
        config.export = readExportSettings(valueNode, report);
        break;
      default:
        report.at(keyNode, msg('config.unknown-setting', { name, hint: didYouMean(name, TOP_LEVEL_KEYS), settings: TOP_LEVEL_KEYS.slice(1).join(', ') }));
    }
  }
  config.lexicon = readLexicon(lexiconNode, preset === 'recommended', report);
  applyHangupPause(config, ruleState.ruleHangupPause ?? hangupPause);
  // The lexicon is read after the other settings; report in document order all the same.
  return { config, findings: report.findings.sort((a, b) => a.span.start - b.span.start) };
}

/**
 * The top-level `hangupPause` is the `abrupt-hangup` rule's option spelt where the spec
 * shows it; both places end up holding the same value. The caller passes the rule's own
 * option in preference, as the more specific of the two.
 */
function applyHangupPause(config: SopConfig, pause: number | undefined): void {
  if (pause !== undefined) config.hangupPause = pause;
  const setting = config.rules[HANGUP_RULE];
  if (setting) setting.options[HANGUP_OPTION] = config.hangupPause;
}

/** What reading `rules` needs, and the `hangupPause` option if the rule set it. */
interface RuleState {
  config: SopConfig;
  report: ConfigReport;
  rules: readonly RuleMeta[];
  ruleHangupPause?: number;
}

function readRules(node: Node, state: RuleState): void {
  const { rules, report } = state;
  if (node.type !== 'object') {
    report.at(node, msg('config.rules-not-object', { value: describe(node) }));
    return;
  }
  const ids = rules.map((r) => r.id);
  for (const { name, keyNode, valueNode } of propertiesOf(node, report)) {
    const meta = rules.find((r) => r.id === name);
    if (!meta) {
      report.at(keyNode, msg('config.unknown-rule', { name, hint: didYouMean(name, ids) }));
      continue;
    }
    if (!valueNode) continue;
    readRuleSetting(valueNode, meta, state);
  }
}

function readRuleSetting(node: Node, meta: RuleMeta, state: RuleState): void {
  const { report } = state;
  const setting = state.config.rules[meta.id];
  if (node.type === 'string') {
    const level = readLevel(node, report);
    if (level) setting.level = level;
    return;
  }
  if (node.type !== 'array') {
    report.at(node, msg('config.rule-setting.not', { rule: meta.id, value: describe(node) }));
    return;
  }
  const [levelNode, optionsNode, ...extra] = node.children ?? [];
  if (!levelNode || extra.length > 0) {
    report.at(node, msg('config.rule-setting', { rule: meta.id }));
    return;
  }
  const level = readLevel(levelNode, report);
  if (level) setting.level = level;
  if (!optionsNode) return;
  const given = readRuleOptions(optionsNode, meta, setting.options, report);
  const pause = setting.options[HANGUP_OPTION];
  if (meta.id === HANGUP_RULE && given.has(HANGUP_OPTION) && typeof pause === 'number') state.ruleHangupPause = pause;
}

function readLevel(node: Node, report: ConfigReport): Level | undefined {
  if (node.type === 'string' && (LEVELS as readonly string[]).includes(node.value)) return node.value as Level;
  const hint = node.type === 'string' ? didYouMean(node.value, LEVELS) : '';
  report.at(node, msg('config.not-severity', { value: node.type === 'string' ? JSON.stringify(node.value) : describe(node), hint }));
  return undefined;
}

/** Reads the options object into `options`; returns the names it set. */
function readRuleOptions(node: Node, meta: RuleMeta, options: RuleOptions, report: ConfigReport): Set<string> {
  const specs = meta.options ?? {};
  const names = Object.keys(specs);
  const given = new Set<string>();
  if (node.type !== 'object') {
    report.at(node, msg('config.options-not-object', { rule: meta.id, value: describe(node) }));
    return given;
  }
  for (const { name, keyNode, valueNode } of propertiesOf(node, report)) {
    const spec = specs[name];
    if (!spec) {
      const known = names.length > 0 ? msg('config.rule-options', { options: names.join(', ') }) : msg('config.rule-no-options');
      report.at(keyNode, msg('config.unknown-option', { name, rule: meta.id, hint: didYouMean(name, names), known }));
      continue;
    }
    if (!valueNode) continue;
    const value = readOptionValue(valueNode, name, spec, report);
    if (value === undefined) continue;
    options[name] = value;
    given.add(name);
  }
  return given;
}

function readOptionValue(node: Node, name: string, spec: RuleOptionSpec, report: ConfigReport): number | boolean | string | undefined {
  switch (spec.type) {
    case 'duration':
      return readDuration(node, name, report);
    case 'number':
      if (node.type === 'number' && Number.isFinite(node.value) && node.value >= 0) return node.value;
      report.at(node, msg('config.option.number', { name, value: describe(node) }));
      return undefined;
    case 'boolean':
      if (node.type === 'boolean') return node.value;
      report.at(node, msg('config.option.boolean', { name, value: describe(node) }));
      return undefined;
    case 'string':
      if (node.type === 'string') return node.value;
      report.at(node, msg('config.option.string', { name, value: describe(node) }));
      return undefined;
  }
}

const UNITS = { list: ['ms', 's', 'm', 'h', 'd', '毫秒', '秒', '分钟', '小时', '天'], separator: 'list.comma', last: 'list.or' } as const;

/** A duration written as in scripts ("5s", "24h", "5秒"), in milliseconds. */
export function readDuration(node: Node, name: string, report: ConfigReport): number | undefined {
  if (node.type === 'string') {
    const ms = parseDuration(node.value);
    if (ms !== undefined) return ms;
    report.at(node, msg('config.duration.bad', { name, value: node.value, units: UNITS }));
    return undefined;
  }
  if (node.type === 'number') {
    report.at(node, msg('config.duration.no-unit', { name, value: String(node.value), units: UNITS }));
    return undefined;
  }
  report.at(node, msg('config.duration.not', { name, value: describe(node) }));
  return undefined;
}

/** A list of non-empty strings; bad items are reported and left out. */
export function readStringList(node: Node, what: string, report: ConfigReport): string[] {
  if (node.type !== 'array') {
    report.at(node, msg('config.list.not-array', { what, value: describe(node) }));
    return [];
  }
  const list: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string' && item.value.trim() !== '') list.push(item.value);
    else report.at(item, msg('config.list.item', { what, value: describe(item) }));
  }
  return list;
}

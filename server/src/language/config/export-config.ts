/**
 * The `export` block of `sop.config.json`: where `sop export` sends transfers and the
 * agent takeover on each platform, and which hold music it plays. Every value is a
 * non-empty string per platform; a bad value is reported where it is written, like every
 * other setting.
 */
import type { Node } from 'jsonc-parser';
import { describe, propertiesOf, type ConfigReport } from './json-nodes';
import { msg } from '../i18n/messages';
import { didYouMean } from './nearest';
import { EXPORT_PLATFORMS, type ExportSettings, type PlatformValues } from './types';

const EXPORT_KEYS = ['queues', 'agent', 'holdMusic'];

export function readExportSettings(node: Node, report: ConfigReport): ExportSettings {
  const settings: ExportSettings = { queues: {}, agent: {}, holdMusic: {} };
  if (node.type !== 'object') {
    report.at(node, msg('config.export.not-object', { value: describe(node) }));
    return settings;
  }
  for (const { name, keyNode, valueNode } of propertiesOf(node, report)) {
    if (!valueNode) continue;
    switch (name) {
      case 'queues':
        settings.queues = readQueues(valueNode, report);
        break;
      case 'agent':
      case 'holdMusic':
        settings[name] = readPlatformValues(valueNode, `"export.${name}"`, report);
        break;
      default:
        report.at(keyNode, msg('config.export.unknown-setting', { name, hint: didYouMean(name, EXPORT_KEYS), keys: EXPORT_KEYS.join(', ') }));
    }
  }
  return settings;
}

function readQueues(node: Node, report: ConfigReport): Record<string, PlatformValues> {
  const queues: Record<string, PlatformValues> = {};
  if (node.type !== 'object') {
    report.at(node, msg('config.export.queues-not-object', { value: describe(node) }));
    return queues;
  }
  for (const { name, valueNode } of propertiesOf(node, report)) {
    if (valueNode) queues[name] = readPlatformValues(valueNode, `the queues of "${name}"`, report);
  }
  return queues;
}

/** `{ "connect": "…", "voicexml": "…", "studio": "…" }`, each optional. */
function readPlatformValues(node: Node, what: string, report: ConfigReport): PlatformValues {
  const values: PlatformValues = {};
  if (node.type !== 'object') {
    report.at(node, msg('config.export.platforms-not-object', { what, platforms: EXPORT_PLATFORMS.join('", "'), value: describe(node) }));
    return values;
  }
  for (const { name, keyNode, valueNode } of propertiesOf(node, report)) {
    const platform = EXPORT_PLATFORMS.find((p) => p === name);
    if (!platform) {
      report.at(keyNode, msg('config.export.unknown-platform', { name, what, hint: didYouMean(name, EXPORT_PLATFORMS), platforms: EXPORT_PLATFORMS.join(', ') }));
      continue;
    }
    if (!valueNode) continue;
    if (valueNode.type === 'string' && valueNode.value.trim() !== '') values[platform] = valueNode.value;
    else report.at(valueNode, msg('config.export.value-not-string', { what, name, value: describe(valueNode) }));
  }
  return values;
}

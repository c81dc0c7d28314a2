/**
 * The `export` block of `sop.config.json`: where `sop export` sends transfers and the
 * agent takeover on each platform, and which hold music it plays. Every value is a
 * non-empty string per platform; a bad value is reported where it is written, like every
 * other setting.
 */
import type { Node } from 'jsonc-parser';
import { describe, propertiesOf, type ConfigReport } from './json-nodes';
import { didYouMean } from './nearest';
import { EXPORT_PLATFORMS, type ExportSettings, type PlatformValues } from './types';

const EXPORT_KEYS = ['queues', 'agent', 'holdMusic'];

export function readExportSettings(node: Node, report: ConfigReport): ExportSettings {
  const settings: ExportSettings = { queues: {}, agent: {}, holdMusic: {} };
  if (node.type !== 'object') {
    report.at(node, `"export" must be an object with "queues", "agent" and "holdMusic", not ${describe(node)}`);
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
        report.at(keyNode, `unknown export setting "${name}"${didYouMean(name, EXPORT_KEYS)} (settings: ${EXPORT_KEYS.join(', ')})`);
    }
  }
  return settings;
}

function readQueues(node: Node, report: ConfigReport): Record<string, PlatformValues> {
  const queues: Record<string, PlatformValues> = {};
  if (node.type !== 'object') {
    report.at(node, `"export.queues" must map each transfer target to its queue per platform, not ${describe(node)}`);
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
    report.at(node, `${what} must be an object with "${EXPORT_PLATFORMS.join('", "')}" keys, not ${describe(node)}`);
    return values;
  }
  for (const { name, keyNode, valueNode } of propertiesOf(node, report)) {
    const platform = EXPORT_PLATFORMS.find((p) => p === name);
    if (!platform) {
      report.at(keyNode, `unknown platform "${name}" in ${what}${didYouMean(name, EXPORT_PLATFORMS)} (platforms: ${EXPORT_PLATFORMS.join(', ')})`);
      continue;
    }
    if (!valueNode) continue;
    if (valueNode.type === 'string' && valueNode.value.trim() !== '') values[platform] = valueNode.value;
    else report.at(valueNode, `${what}: "${name}" must be a non-empty string, not ${describe(valueNode)}`);
  }
  return values;
}

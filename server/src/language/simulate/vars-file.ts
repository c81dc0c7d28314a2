/**
 * Placeholder values from a JSON file (`sop simulate --vars FILE.json`): one object whose
 * keys are variable names and whose values are strings. It is read through the same
 * position-keeping JSON reader as `sop.config.json`, so every problem has a place.
 */
import type { Finding } from '../finding';
import { ConfigReport, describe, parseJson, propertiesOf } from '../config/json-nodes';

const MESSAGES = {
  notObject: (what: string) => `placeholder values must be an object of strings, e.g. {"姓氏": "王"}, not ${what}`,
  notString: (name: string, what: string) => `the value of "${name}" must be a string, not ${what}`,
};

export interface VarsFile {
  vars: Map<string, string>;
  /** Problems (rule `vars`), in the order they appear. */
  findings: Finding[];
  /** Where each name is written, to report an unknown variable at its key. */
  keys: Map<string, { start: number; end: number }>;
}

export function parseVarsFile(uri: string, text: string): VarsFile {
  const report = new ConfigReport(uri);
  const vars = new Map<string, string>();
  const keys = new Map<string, { start: number; end: number }>();
  const tree = parseJson(text, report);
  if (tree && tree.type !== 'object') report.at(tree, MESSAGES.notObject(describe(tree)));
  else if (!tree && report.findings.length === 0) report.error({ start: 0, end: 0 }, MESSAGES.notObject('an empty file'));
  if (tree?.type === 'object') {
    for (const { name, keyNode, valueNode } of propertiesOf(tree, report)) {
      if (!valueNode) continue;
      if (valueNode.type !== 'string') {
        report.at(valueNode, MESSAGES.notString(name, describe(valueNode)));
        continue;
      }
      vars.set(name, String(valueNode.value));
      keys.set(name, { start: keyNode.offset, end: keyNode.offset + keyNode.length });
    }
  }
  // The JSON reader's messages are worded for sop.config.json; two of them name it.
  const findings = report.findings.map((f) => ({
    ...f,
    rule: 'vars',
    message: f.message.replace('in sop.config.json', 'in a --vars file').replace('end of the configuration', 'end of the object'),
  }));
  return { vars, findings, keys };
}

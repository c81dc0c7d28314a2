/**
 * SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, SARIF viewers)
 * read. Each rule is described once in `tool.driver.rules`, results point at it by id and
 * index, and columns are declared as UTF-16 code units, which is how the CLI counts them.
 *
 * Localisation follows SARIF's own fields: `run.language` names the language of the log's
 * messages (RFC 5646, "en-US" by default), every `message.text` and rule description is
 * in that language, and `helpUri` opens the rules page in it. Rule ids never change.
 */
import { pathToFileURL } from 'node:url';
import { DEFAULT_LOCALE, EN, type MessageKey, type Messages, type Severity } from '../../language';
import type { RuleMeta } from '../../language/rule-meta';
import { toUri } from '../files';
import type { LocatedFinding } from '../located';
import { productInfo, ruleHelpUri } from '../product';
import { rootRelative } from '../project-root';

/** SARIF has no "hint"; both of the quieter severities are notes. */
const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/**
 * `root` is the project folder: result paths are relative to it (`%SRCROOT%`), so the log
 * does not change with the folder the command ran in.
 */
export function renderSarif(
  findings: readonly LocatedFinding[],
  rules: readonly RuleMeta[],
  cwd: string,
  root: string = cwd,
  messages: Messages = EN,
): string {
  const product = productInfo();
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        // SARIF's default is "en-US"; a Chinese log says so, so viewers pick fonts and
        // translations accordingly.
        language: messages.locale === DEFAULT_LOCALE ? 'en-US' : messages.locale,
        tool: {
          driver: {
            name: 'sop',
            fullName: 'SOP Studio',
            version: product.version,
            semanticVersion: product.version,
            ...(product.repository ? { informationUri: product.repository } : {}),
            rules: rules.map((rule) => ({
              id: rule.id,
              name: toPascalCase(rule.id),
              shortDescription: { text: messages.t(rule.description as MessageKey) },
              helpUri: ruleHelpUri(rule.id, messages.locale),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              properties: { defaultSeverity: rule.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(root) } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.rule,
          ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
          level: SARIF_LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodePath(rootRelative(toUri(f.file, cwd), root)), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          properties: { severity: f.severity },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toPascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** A relative path as a URI reference: each segment percent-encoded (file names may be Chinese). */
function encodePath(file: string): string {
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

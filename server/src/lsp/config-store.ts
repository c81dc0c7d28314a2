/**
 * The `sop.config.json` files behind the open scripts: which one applies to a script (the
 * nearest above it, looked up by the language layer), each parsed once per text, their
 * problems published as diagnostics on the configuration file itself, and the editor's
 * `sop.rules` overrides layered on top.
 *
 * A configuration with errors still yields a configuration (the parts that were fine), so
 * the editor keeps linting while the author fixes the file.
 */
import { CONFIG_FILE_NAME, findNearestConfig, parseConfig, type ParsedConfig } from '../language/config';
import { EN, type Finding, type Level, type Messages, type SopConfig } from '../language';
import { defaultConfig } from '../language/config';
import type { RuleMeta } from '../language/rule-meta';
import { dirnameOf } from '../language/paths';

/** Publishes a configuration file's findings (with the text their offsets refer to). */
export type PublishConfigFindings = (uri: string, findings: Finding[], text: string) => void;

export function isConfigUri(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`) || uri === CONFIG_FILE_NAME;
}

export class ConfigStore {
  /** Parsed configuration files by uri, with the text they were parsed from. */
  private readonly parsed = new Map<string, { text: string; result: ParsedConfig }>();
  /** The nearest configuration's uri per script folder (`undefined`: none). */
  private readonly nearest = new Map<string, Promise<string | undefined>>();
  /** Configuration files that currently show diagnostics. */
  private readonly published = new Set<string>();
  /** Configurations with overrides applied, per base configuration and overrides. */
  private readonly overridden = new WeakMap<SopConfig, Map<string, SopConfig>>();
  private readonly defaults: SopConfig;

  constructor(
    private readonly rules: readonly RuleMeta[],
    private readonly readFile: (uri: string) => Promise<string | undefined>,
    private readonly publish: PublishConfigFindings,
    /** The language findings are written in (the server's, known after `initialize`). */
    private readonly messages: () => Messages = () => EN,
  ) {
    this.defaults = defaultConfig(rules);
  }

  /** The configuration a script is linted with, before the editor's overrides. */
  async configFor(scriptUri: string): Promise<SopConfig> {
    // A document without a folder (`untitled:Untitled-1`) has no configuration above it.
    if (!scriptUri.includes('/')) return this.defaults;
    const folder = dirnameOf(scriptUri);
    let lookup = this.nearest.get(folder);
    if (!lookup) {
      lookup = findNearestConfig(scriptUri, this.readFile).then((found) => found?.uri);
      this.nearest.set(folder, lookup);
    }
    const uri = await lookup;
    if (uri === undefined) return this.defaults;
    const text = await this.readFile(uri);
    // Deleted between the lookup and now: the file-change event that follows re-checks.
    if (text === undefined) return this.defaults;
    return this.load(uri, text).config;
  }

  /**
   * A configuration file was created, changed or deleted: which file is nearest may have
   * changed for any folder, and this file's diagnostics must follow its new text. The
   * caller has already dropped its cached text.
   */
  async fileChanged(uri: string): Promise<void> {
    this.nearest.clear();
    this.parsed.delete(uri);
    const text = await this.readFile(uri);
    if (text !== undefined) {
      this.load(uri, text);
    } else if (this.published.delete(uri)) {
      this.publish(uri, [], '');
    }
  }

  /** `config` with the editor's severity overrides on top (the same object for the same overrides). */
  withOverrides(config: SopConfig, overrides: Readonly<Record<string, Level>>): SopConfig {
    const ids = Object.keys(overrides).sort();
    if (ids.length === 0) return config;
    const key = ids.map((id) => `${id}=${overrides[id]}`).join(',');
    let variants = this.overridden.get(config);
    if (!variants) {
      variants = new Map();
      this.overridden.set(config, variants);
    }
    let result = variants.get(key);
    if (!result) {
      const rules = { ...config.rules };
      for (const id of ids) rules[id] = { level: overrides[id], options: rules[id]?.options ?? {} };
      // Keeping the object stable matters: rules cache work per configuration object.
      result = { ...config, rules };
      variants.set(key, result);
    }
    return result;
  }

  /** The problems of a configuration file with this text. */
  findingsOf(uri: string, text: string): Finding[] {
    return this.load(uri, text).findings;
  }

  private load(uri: string, text: string): ParsedConfig {
    const known = this.parsed.get(uri);
    if (known && known.text === text) return known.result;
    const result = parseConfig(uri, text, this.rules, this.messages());
    this.parsed.set(uri, { text, result });
    if (result.findings.length > 0 || this.published.has(uri)) {
      this.publish(uri, result.findings, text);
      if (result.findings.length > 0) this.published.add(uri);
      else this.published.delete(uri);
    }
    return result;
  }
}

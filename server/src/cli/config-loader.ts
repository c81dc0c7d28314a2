/**
 * The configuration each script runs with: the nearest `sop.config.json` above it (found
 * and parsed by the language layer), each file read and parsed once per run, with the
 * command line's `--rule id=severity` overrides on top.
 *
 * A broken configuration is never replaced by defaults: its findings are collected, and
 * the commands refuse to run (exit 2) after printing them with the file's position.
 */
import * as fs from 'node:fs';
import { EN, msg, type Messages } from '../language';
import { defaultConfig, findNearestConfig, parseConfig, type SopConfig } from '../language/config';
import type { Finding, Level } from '../language';
import type { RuleMeta } from '../language/rule-meta';
import { InputError, UsageError } from './errors';
import { readSource } from './files';
import { suggestClosest } from './suggest';

const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Parses the values of `--rule id=severity`; a wrong id or severity is a usage error. */
export function parseRuleOverrides(values: readonly string[], rules: readonly RuleMeta[], command: string): Map<string, Level> {
  const ids = rules.map((r) => r.id);
  const overrides = new Map<string, Level>();
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq < 0) throw new UsageError(msg('cli.rule.shape', { value }), command);
    const id = value.slice(0, eq).trim();
    const level = value.slice(eq + 1).trim();
    if (!ids.includes(id)) {
      const closest = suggestClosest(id, ids);
      throw new UsageError(closest ? msg('cli.rule.unknown.guess', { id, closest }) : msg('cli.rule.unknown', { id }), command);
    }
    if (!LEVELS.includes(level as Level)) {
      throw new UsageError(msg('cli.rule.severity', { id, levels: LEVELS.join(', '), level }), command);
    }
    overrides.set(id, level as Level);
  }
  return overrides;
}

export interface ConfigSource {
  uri: string;
  text: string;
}

export class ConfigLoader {
  private readonly texts = new Map<string, string | undefined>();
  private readonly parsed = new Map<string, SopConfig>();
  /** The configuration of each script folder seen: the scripts of a folder share it. */
  private readonly byFolder = new Map<string, SopConfig>();
  private readonly defaults: SopConfig;
  /** Problems of every configuration file read so far, in the order they were read. */
  readonly findings: Finding[] = [];
  /** The configuration files read, so their findings can be located. */
  readonly sources: ConfigSource[] = [];

  constructor(
    private readonly rules: readonly RuleMeta[],
    private readonly overrides: ReadonlyMap<string, Level>,
    private readonly cwd: string,
    /** The language of the configuration's findings. */
    private readonly messages: Messages = EN,
  ) {
    this.defaults = this.applyOverrides(defaultConfig(rules));
  }

  /** True when a configuration file had errors: the commands must not run with it. */
  get broken(): boolean {
    return this.findings.some((f) => f.severity === 'error');
  }

  async configFor(scriptUri: string): Promise<SopConfig> {
    const folder = scriptUri.slice(0, scriptUri.lastIndexOf('/') + 1);
    let config = this.byFolder.get(folder);
    if (!config) {
      config = await this.findConfig(scriptUri);
      this.byFolder.set(folder, config);
    }
    return config;
  }

  private async findConfig(scriptUri: string): Promise<SopConfig> {
    const found = await findNearestConfig(scriptUri, (uri: string) => Promise.resolve(this.readConfigText(uri)));
    if (!found) return this.defaults;
    const known = this.parsed.get(found.uri);
    if (known) return known;
    const result = parseConfig(found.uri, found.text, this.rules, this.messages);
    this.sources.push({ uri: found.uri, text: found.text });
    this.findings.push(...result.findings);
    const config = this.applyOverrides(result.config);
    this.parsed.set(found.uri, config);
    return config;
  }

  /**
   * Missing files are how the walk up the folders goes on; a configuration that exists but
   * cannot be read (or is not UTF-8) stops the run instead of being skipped silently.
   */
  private readConfigText(uri: string): string | undefined {
    if (this.texts.has(uri)) return this.texts.get(uri);
    let text: string | undefined;
    try {
      // Most folders on the way up have none: learn that without making an error for it.
      text = isMissing(uri) ? undefined : readSource(uri, this.cwd).text;
    } catch (error) {
      if (!(error instanceof InputError && error.missing)) throw error;
      text = undefined;
    }
    this.texts.set(uri, text);
    return text;
  }

  private applyOverrides(config: SopConfig): SopConfig {
    if (this.overrides.size === 0) return config;
    const rules = { ...config.rules };
    for (const [id, level] of this.overrides) rules[id] = { options: rules[id]?.options ?? {}, level };
    return { ...config, rules };
  }
}

/**
 * Whether nothing is at `path` (or a part of it is not a folder). Anything else, even an
 * entry that cannot be examined, is for `readSource` to read or to report.
 */
function isMissing(path: string): boolean {
  try {
    return fs.statSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false;
  }
}

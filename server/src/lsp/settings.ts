/**
 * The editor's `sop.*` settings, read per resource with `workspace/configuration` (a
 * folder can override the user's settings), never as one global: a multi-root workspace
 * may lint two folders differently. Clients that cannot answer such requests push their
 * settings with `workspace/didChangeConfiguration` instead, and those apply everywhere.
 */
import type { Connection } from 'vscode-languageserver';
import type { Level } from '../language';
import type { ServerLogger } from './state';

export interface SopSettings {
  /** Severity overrides per rule id (`sop.rules`), applied over `sop.config.json`. */
  rules: Record<string, Level>;
}

const LEVELS: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

export class SettingsStore {
  private readonly cache = new Map<string, Promise<SopSettings>>();
  private pushed: SopSettings = { rules: {} };
  /** Set from the client's capabilities during `initialize`. */
  pullSupported = false;

  constructor(
    private readonly connection: Connection,
    private readonly log: ServerLogger,
    private readonly ruleIds: readonly string[],
  ) {}

  /** The settings that apply to one document. */
  forResource(uri: string): Promise<SopSettings> {
    if (!this.pullSupported) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'sop' })
        .then(
          (value: unknown) => this.read(value, uri),
          (error: unknown) => {
            // A client that fails to answer must not stop linting: use no overrides.
            this.log.warn(`Could not read the sop settings for ${uri}: ${String(error)}`);
            this.cache.delete(uri);
            return { rules: {} };
          },
        );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`: forget what was read; keep pushed settings. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = (pushed as { sop?: unknown } | null | undefined)?.sop;
    if (section !== undefined) this.pushed = this.read(section, 'the pushed settings');
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Keeps the overrides that name a known rule and a severity; says which were ignored. */
  private read(value: unknown, where: string): SopSettings {
    const rules: Record<string, Level> = {};
    const given = (value as { rules?: unknown } | null | undefined)?.rules;
    if (given === undefined || given === null) return { rules };
    if (typeof given !== 'object' || Array.isArray(given)) {
      this.log.warn(`sop.rules for ${where} must be an object of rule ids to severities; ignored.`);
      return { rules };
    }
    for (const [id, level] of Object.entries(given as Record<string, unknown>)) {
      if (!this.ruleIds.includes(id)) {
        this.log.warn(`sop.rules for ${where}: unknown rule "${id}" ignored.`);
      } else if (typeof level !== 'string' || !LEVELS.includes(level)) {
        this.log.warn(`sop.rules for ${where}: "${id}" must be one of ${LEVELS.join(', ')}; ignored.`);
      } else {
        rules[id] = level as Level;
      }
    }
    return { rules };
  }
}

/**
 * The resolved configuration every tool runs with: `sop.config.json` merged over the
 * rules' own defaults, durations already in milliseconds.
 */
import type { Level } from '../finding';
import { recommendedLexicon } from '../lexicon/recommended';
import type { LexiconEntry } from '../lexicon/types';
import type { RuleMeta, RuleOptions } from '../rule-meta';

export interface RuleSetting {
  level: Level;
  options: RuleOptions;
}

export interface SopConfig {
  /** The configuration file this came from; absent for the defaults. */
  uri?: string;
  /** Every known rule, configured or not. */
  rules: Record<string, RuleSetting>;
  /** How long the line must stay open after the goodbye before `hangup`, in ms. */
  hangupPause: number;
  /** The built-in entries (unless `"extends": "none"`) followed by the user's. */
  lexicon: LexiconEntry[];
  /** Phrasings never flagged. */
  allow: string[];
  /** What `sop export` needs to know of the call center's platforms (queues, hold music). */
  export: ExportSettings;
}

/** The platforms `sop export` writes flows for. */
export type ExportPlatform = 'voicexml' | 'connect' | 'studio';
export const EXPORT_PLATFORMS: readonly ExportPlatform[] = ['voicexml', 'connect', 'studio'];

/** One value per platform (a queue ARN for Connect, a URI for VoiceXML, a name for Studio). */
export type PlatformValues = Partial<Record<ExportPlatform, string>>;

/** The `export` block of `sop.config.json`; every part optional (see docs/exports.md). */
export interface ExportSettings {
  /** Per transfer target as the script writes it (`transfer "投诉处理组"`): where it goes on each platform. */
  queues: Record<string, PlatformValues>;
  /** Where an `end` step (the agent takes over) sends the call on each platform. */
  agent: PlatformValues;
  /** The hold music each platform plays for a `hold` step. */
  holdMusic: PlatformValues;
}

/** The rule that `hangupPause` configures, and its option of the same name. */
export const HANGUP_RULE = 'abrupt-hangup';
export const HANGUP_OPTION = 'hangupPause';
export const DEFAULT_HANGUP_PAUSE_MS = 5000;

/** Each rule's declared option defaults. */
export function defaultOptions(meta: RuleMeta): RuleOptions {
  const options: RuleOptions = {};
  for (const [name, spec] of Object.entries(meta.options ?? {})) options[name] = spec.default;
  return options;
}

/** The configuration used when no `sop.config.json` is found. */
export function defaultConfig(rules: readonly RuleMeta[]): SopConfig {
  const settings: Record<string, RuleSetting> = {};
  for (const meta of rules) settings[meta.id] = { level: meta.severity, options: defaultOptions(meta) };
  const declared = settings[HANGUP_RULE]?.options[HANGUP_OPTION];
  const hangupPause = typeof declared === 'number' ? declared : DEFAULT_HANGUP_PAUSE_MS;
  if (settings[HANGUP_RULE]) settings[HANGUP_RULE].options[HANGUP_OPTION] = hangupPause;
  return { rules: settings, hangupPause, lexicon: [...recommendedLexicon], allow: [], export: { queues: {}, agent: {}, holdMusic: {} } };
}

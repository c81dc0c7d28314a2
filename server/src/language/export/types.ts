/**
 * What `sop export` produces: for each target, the files of one script and the findings
 * that explain why a target cannot express it. Editor-neutral, like lint findings.
 */
import type { ExportSettings } from '../config/types';
import type { Finding } from '../finding';
import type { Messages } from '../i18n/messages';

export const EXPORT_TARGETS = ['voicexml', 'connect', 'studio', 'phrases'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface ExportOptions {
  /** How a document identity appears in the output (as for `compileProgram`). */
  displayPath?: (uri: string) => string;
  /** The `export` block of the script's `sop.config.json`. */
  settings?: ExportSettings;
  /** The situation a call starts in; default: the first situation of the root file. */
  start?: string;
  /** The language of the findings' messages; English when absent. */
  messages?: Messages;
}

export interface ExportedFile {
  /** What follows the script's name: `.vxml`, `.connect.json`, `.studio.json`, `.phrases.csv`, `.phrases.xlf`. */
  extension: string;
  content: string;
}

export interface ExportResult {
  /** Empty when any finding is an error: a target never gets a truncated or renamed flow. */
  files: ExportedFile[];
  findings: Finding[];
}

/** The rule-like ids of export findings (documented in docs/exports.md). */
export const EXPORT_RULES = {
  /** The target has a limit the script goes over (action count, whole seconds). */
  limit: 'export-limit',
  /** A name the platform does not allow, or two names that would be the same there. */
  identifier: 'export-identifier',
  /** A jump to a situation that does not exist, or a script with no situation. */
  unresolved: 'export-unresolved',
  /** A transfer target with no queue for the platform in `sop.config.json`. */
  unmappedQueue: 'export-unmapped-queue',
} as const;

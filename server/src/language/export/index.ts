/**
 * `sop export`'s pure part: a checked program to the documents of one IVR platform (or
 * the phrase table), built from the compiled IVR graph. A script the target cannot express
 * gets findings at the offending source and no files at all.
 */
import type { Program } from '../program';
import { exportConnect } from './connect';
import { createContext, hasErrors } from './context';
import { exportPhrases } from './phrases';
import { exportStudio } from './studio';
import type { ExportOptions, ExportResult, ExportTarget, ExportedFile } from './types';
import { exportVoiceXml } from './voicexml';

export { EXPORT_RULES, EXPORT_TARGETS, type ExportOptions, type ExportResult, type ExportTarget, type ExportedFile } from './types';

export function exportProgram(program: Program, target: ExportTarget, options: ExportOptions = {}): ExportResult {
  const context = createContext(program, options);
  if (hasErrors(context)) return { files: [], findings: context.findings };
  let files: ExportedFile[];
  switch (target) {
    case 'voicexml':
      files = [{ extension: '.vxml', content: exportVoiceXml(context) }];
      break;
    case 'connect':
      files = [{ extension: '.connect.json', content: exportConnect(context) }];
      break;
    case 'studio':
      files = [{ extension: '.studio.json', content: exportStudio(context) }];
      break;
    case 'phrases':
      files = exportPhrases(context);
      break;
  }
  // Findings in source order, each once (a queue used twice is reported at each transfer).
  const findings = context.findings.sort((a, b) => (a.uri === b.uri ? a.span.start - b.span.start : a.uri < b.uri ? -1 : 1));
  return { files: hasErrors(context) ? [] : files, findings };
}

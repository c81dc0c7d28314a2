/**
 * The lint engine: runs the syntax check, the import check and every registered rule over
 * a program's root file, then applies each rule's configured severity and the file's
 * suppression comments.
 */
import type { SopConfig } from '../config';
import type { Finding } from '../finding';
import { importFindings, type Program } from '../program';
import { RULES } from './registry';

/** Rules that the engine itself reports (they have no rule module). */
export const ENGINE_RULES = ['syntax', 'unresolved-import'] as const;

export function lintProgram(program: Program, config: SopConfig): Finding[] {
  const file = program.root;
  const findings: Finding[] = [];
  const levelOf = (rule: string) => config.rules[rule]?.level ?? 'error';

  if (levelOf('syntax') !== 'off') {
    for (const error of file.errors) {
      findings.push({ rule: 'syntax', severity: levelOf('syntax') as Finding['severity'], message: error.message, uri: file.uri, span: error.span });
    }
  }
  if (levelOf('unresolved-import') !== 'off') {
    for (const f of importFindings(program, file.uri)) {
      findings.push({ ...f, severity: levelOf('unresolved-import') as Finding['severity'] });
    }
  }
  for (const rule of RULES) {
    const level = config.rules[rule.meta.id]?.level ?? rule.meta.severity;
    if (level === 'off') continue;
    const options = { ...defaultOptions(rule.meta.options), ...(config.rules[rule.meta.id]?.options ?? {}) };
    for (const report of rule.check({ program, file, options, config })) {
      findings.push({
        rule: rule.meta.id,
        severity: report.severity ?? level,
        message: report.message,
        uri: file.uri,
        span: report.span,
        fixes: report.fixes,
      });
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function defaultOptions(specs: NonNullable<(typeof RULES)[number]['meta']['options']> | undefined) {
  const options: Record<string, number | boolean | string> = {};
  for (const [name, spec] of Object.entries(specs ?? {})) options[name] = spec.default;
  return options;
}

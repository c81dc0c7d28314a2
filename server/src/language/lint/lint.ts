/**
 * The lint engine: runs every registered rule over a program's root file with its
 * configured severity and options, applies the file's suppression comments, runs the rules
 * that judge those comments (`unused-suppression`), and offers a suppression comment as a
 * fix for each finding that remains.
 */
import type { Comment, SopFile } from '../ast';
import type { SopConfig } from '../config/types';
import type { Finding, Fix, Severity } from '../finding';
import type { Program } from '../program';
import type { RuleOptions } from '../rule-meta';
import { eolOf, indentAt, lineStartOf, previousLineStart } from './edits';
import { EN, type Messages } from '../i18n/messages';
import { RULES } from './registry';
import type { Rule } from './rule';
import type { CacheRun, SituationReportCache } from './situation-cache';
import { pieceComments, piecesOf } from '../syntax/parsed-file';
import { collectFactsInSteps, fileFactsOf } from './situation-facts';
import { applySuppressions, parseDirective, type KnownRule } from './suppressions';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/**
 * Lints the program's root file. With a `cache` (one per document, kept between runs),
 * rules declared `perSituation` re-check only the situations whose text changed. Rules
 * report messages as catalog keys (the cache keeps those, so it serves every locale);
 * they are rendered here, last, with `messages` (English unless given).
 */
export function lintProgram(program: Program, config: SopConfig, cache?: SituationReportCache, messages: Messages = EN): Finding[] {
  const steps = lintProgramInSteps(program, config, cache, messages);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same lint, pausing between rules (and between batches of situations), so an editor
 * can answer other requests while it lints a large document for the first time.
 */
export function* lintProgramInSteps(
  program: Program,
  config: SopConfig,
  cache?: SituationReportCache,
  messages: Messages = EN,
): Generator<void, Finding[], void> {
  const file = program.root;
  // What the rules over the whole program read about each situation (once per situation text).
  for (const each of program.files.values()) yield* collectFactsInSteps(each);
  fileFactsOf(file);
  yield;
  // The rules whose reports the cache keeps: those that judge each situation on its own.
  const perSituation = RULES.filter((rule) => rule.meta.perSituation && !rule.meta.afterSuppressions && levelOf(rule, config) !== 'off');
  const run = cache ? yield* cache.beginInSteps(file, config, perSituation.map((rule) => rule.meta.id)) : undefined;
  yield;
  const knownRules = new Map<string, KnownRule>();
  for (const rule of RULES) {
    knownRules.set(rule.meta.id, { level: levelOf(rule, config), suppressible: !rule.meta.unsuppressible });
  }

  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.meta.afterSuppressions) continue;
    findings.push(...(yield* runRule(rule, program, config, messages, undefined, run)));
    yield;
  }
  const { kept, outcome } = applySuppressions(file, findings, knownRules);
  for (const rule of RULES) {
    if (!rule.meta.afterSuppressions) continue;
    kept.push(...(yield* runRule(rule, program, config, messages, outcome)));
  }
  for (const finding of kept) {
    if (knownRules.get(finding.rule)?.suppressible === false) continue;
    finding.fixes = [...(finding.fixes ?? []), suppressionFix(file, finding, messages)];
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

function levelOf(rule: Rule, config: SopConfig) {
  return config.rules[rule.meta.id]?.level ?? rule.meta.severity;
}

function* runRule(
  rule: Rule,
  program: Program,
  config: SopConfig,
  messages: Messages,
  suppressions?: Parameters<Rule['check']>[0]['suppressions'],
  run?: CacheRun,
): Generator<void, Finding[], void> {
  const level = levelOf(rule, config);
  if (level === 'off') return [];
  const options: RuleOptions = { ...defaultOptions(rule), ...(config.rules[rule.meta.id]?.options ?? {}) };
  const context = { program, file: program.root, options, config, suppressions };
  const reports = run && rule.meta.perSituation ? yield* run.checkInSteps(rule, context) : rule.check(context);
  return reports.map((report) => ({
    rule: rule.meta.id,
    severity: report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[level] ? report.severity : level,
    message: messages.format(report.message),
    messageId: report.message.key,
    uri: program.root.uri,
    span: report.span,
    ...(report.fixes && report.fixes.length > 0
      ? { fixes: report.fixes.map((fix) => ({ ...fix, title: messages.format(fix.title) })) }
      : {}),
  }));
}

function defaultOptions(rule: Rule): RuleOptions {
  const options: RuleOptions = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
  return options;
}

/**
 * `# sop-disable-next-line <id>` on its own line above the finding's first line, indented
 * like that line; when such a directive is already there, the id joins it instead.
 */
export function suppressionFix(file: SopFile, finding: Finding, messages: Messages = EN): Fix {
  const { text } = file;
  const title = suppressionTitle(messages, finding.rule);
  const lineStart = lineStartOf(text, finding.span.start);
  if (lineStart > 0) {
    const existing = commentAloneOn(file, previousLineStart(text, lineStart));
    const directive = existing && parseDirective(existing);
    if (directive?.kind === 'disable-next-line' && directive.ids.length > 0 && directive.reason === undefined) {
      const last = directive.ids[directive.ids.length - 1];
      return { title, edits: [{ span: { start: last.span.end, end: last.span.end }, newText: `, ${finding.rule}` }] };
    }
  }
  const indent = indentAt(text, finding.span.start);
  const newText = `${indent}# sop-disable-next-line ${finding.rule}${eolOf(text)}`;
  return { title, edits: [{ span: { start: lineStart, end: lineStart }, newText }] };
}

/** "Suppress <rule> on this line", rendered once per locale and rule (every finding offers it). */
const suppressionTitles = new WeakMap<Messages, Map<string, string>>();
function suppressionTitle(messages: Messages, rule: string): string {
  let titles = suppressionTitles.get(messages);
  if (!titles) {
    titles = new Map();
    suppressionTitles.set(messages, titles);
  }
  let title = titles.get(rule);
  if (title === undefined) {
    title = messages.t('fix.suppress', { rule });
    titles.set(rule, title);
  }
  return title;
}

/**
 * The comment alone on the line starting at `lineStart`, if any. Looked for among the
 * comments of the piece holding that line, so a finding does not make every comment of
 * a parsed file at its current offsets.
 */
function commentAloneOn(file: SopFile, lineStart: number): Comment | undefined {
  const list = piecesOf(file);
  const comments = list ? pieceComments(list, list.pieceAt(lineStart)) : file.comments;
  return comments.find((c) => !c.trailing && lineStartOf(file.text, c.span.start) === lineStart);
}

/**
 * The extension manifest, checked in Node (no editor needed): every file it points to
 * ships, the commands the client registers are declared, and the `$sop` / `$sop-stylish`
 * problem matchers read exactly what the CLI prints, so `sop check` in a task lands in
 * Problems with the right file, position, severity and rule.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_METAS } from '../../server/src/language/lint/registry';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cli = join(root, 'dist/cli/sop.js');
const fixtures = 'test/web/fixtures/problems';

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

interface PatternSpec {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

function matcher(name: string): PatternSpec[] {
  const found = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === name);
  assert.ok(found, `problem matcher ${name} is declared`);
  return Array.isArray(found.pattern) ? found.pattern : [found.pattern];
}

/** Runs the CLI; findings make it exit 1, which is expected here. */
function runCli(args: string[]): string {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `sop ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** Applies a problem matcher to output the way VS Code does: one or more patterns, the last may loop. */
function applyMatcher(patterns: PatternSpec[], output: string): Problem[] {
  const problems: Problem[] = [];
  const lines = output.split(/\r?\n/);
  const [first, ...rest] = patterns.map((p) => ({ ...p, re: new RegExp(p.regexp) }));
  const fill = (into: Partial<Problem>, spec: PatternSpec, m: RegExpExecArray): void => {
    if (spec.file) into.file = m[spec.file];
    if (spec.line) into.line = Number(m[spec.line]);
    if (spec.column) into.column = Number(m[spec.column]);
    if (spec.severity) into.severity = m[spec.severity];
    if (spec.message) into.message = m[spec.message];
    if (spec.code) into.rule = m[spec.code];
  };
  for (let i = 0; i < lines.length; i++) {
    const head = first.re.exec(lines[i]);
    if (!head) continue;
    const base: Partial<Problem> = {};
    fill(base, first, head);
    if (rest.length === 0) {
      problems.push(base as Problem);
      continue;
    }
    const last = rest[rest.length - 1];
    let m: RegExpExecArray | null;
    while (i + 1 < lines.length && (m = last.re.exec(lines[i + 1]))) {
      const problem = { ...base };
      fill(problem, last, m);
      problems.push(problem as Problem);
      i++;
      if (!last.loop) break;
    }
  }
  return problems;
}

function expectedProblems(): Problem[] {
  const json = JSON.parse(runCli(['check', fixtures, '--format', 'json'])) as Problem[];
  assert.ok(new Set(json.map((p) => p.severity)).size >= 3, 'the fixtures cover several severities');
  return json.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
}

describe('extension manifest', () => {
  it('points only at files that exist', () => {
    const c = manifest.contributes;
    const paths = [
      manifest.icon,
      ...c.languages.flatMap((l: { configuration: string; icon: { light: string; dark: string } }) => [
        l.configuration,
        l.icon.light,
        l.icon.dark,
      ]),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.jsonValidation.map((j: { url: string }) => j.url),
      ...c.yamlValidation.map((y: { url: string }) => y.url),
    ];
    for (const path of paths) assert.ok(existsSync(join(root, path)), `${path} exists`);
  });

  it('declares the entries the build writes', () => {
    for (const entry of [manifest.main, manifest.browser, 'dist/server/server-node.js', 'dist/server/server-browser.js']) {
      assert.ok(existsSync(join(root, entry)), `${entry} is built (run \`node esbuild.mjs\`)`);
    }
  });

  it('declares every command the client registers', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    const source = ['activate-client.ts', 'extension-node.ts', 'extension-browser.ts']
      .map((f) => readFileSync(join(root, 'client/src', f), 'utf8'))
      .join('\n');
    const registered = [...source.matchAll(/registerCommand\('([\w.]+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, declared);
  });

  it('offers a severity override for every rule in the `sop.rules` setting', () => {
    const setting = manifest.contributes.configuration.properties['sop.rules'];
    assert.equal(setting.scope, 'resource');
    assert.deepEqual(Object.keys(setting.properties).sort(), RULE_METAS.map((m) => m.id).sort());
  });

  it('$sop reads `sop check --format compact` exactly', () => {
    const output = runCli(['check', fixtures, '--format', 'compact']);
    assert.deepEqual(applyMatcher(matcher('sop'), output), expectedProblems());
  });

  it('$sop-stylish reads the default output of `sop check` exactly', () => {
    const output = runCli(['check', fixtures]);
    assert.deepEqual(applyMatcher(matcher('sop-stylish'), output), expectedProblems());
  });
});

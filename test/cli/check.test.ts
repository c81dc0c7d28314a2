import assert from 'node:assert/strict';
import { RULES } from '../../server/src/language/lint/registry';
import { BROKEN, BROKEN_FIRST, BROKEN_SECOND, CLEAN, COMPACT_LINE, GITHUB_LINE } from './fixtures';
import { buildOnce, makeProject, removeProject, runSop } from './helpers';

const JSON_KEYS = ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'rule', 'severity'];

describe('sop check', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    buildOnce();
    dir = makeProject({
      'clean.sop': CLEAN,
      'scripts/broken.sop': BROKEN,
      'node_modules/dep/ignored.sop': BROKEN,
      '.hidden/ignored.sop': BROKEN,
    });
  });
  after(() => removeProject(dir));

  describe('exit status', () => {
    it('is 0 for clean scripts', () => {
      const result = runSop(['check', 'clean.sop'], { cwd: dir });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^0 errors, 0 warnings in 1 file$/m);
    });

    it('is 1 when a script has errors', () => {
      assert.equal(runSop(['check'], { cwd: dir }).code, 1);
    });

    it('is 0 when --rule turns the errors into warnings, and 1 when they exceed --max-warnings', () => {
      assert.equal(runSop(['check', '--rule', 'syntax=warning'], { cwd: dir }).code, 0);
      assert.equal(runSop(['check', '--rule', 'syntax=warning', '--max-warnings', '2'], { cwd: dir }).code, 0);
      const over = runSop(['check', '--rule=syntax=warning', '--max-warnings=1'], { cwd: dir });
      assert.equal(over.code, 1);
      assert.match(over.stderr, /2 warnings found, more than --max-warnings 1 allows/);
    });

    it('is 2 for bad usage', () => {
      for (const args of [
        ['check', '--format', 'xml'],
        ['check', '--rule', 'no-such-rule=off'],
        ['check', '--rule', 'syntax=loud'],
        ['check', '--rule', 'syntax'],
        ['check', '--max-warnings', 'many'],
        ['check', '--max-warnings', '-1'],
        ['check', '--format'],
        ['check', '--frmat', 'json'],
      ]) {
        const result = runSop(args, { cwd: dir });
        assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
        assert.match(result.stderr, /^sop check: .+\nRun "sop check --help" for usage\.\n$/, args.join(' '));
      }
    });
  });

  it('searches folders recursively, skipping node_modules and dot-folders', () => {
    const result = runSop(['check', '--format', 'json'], { cwd: dir });
    const files = new Set((JSON.parse(result.stdout) as { file: string }[]).map((f) => f.file));
    assert.deepEqual([...files], ['scripts/broken.sop']);
  });

  describe('--format', () => {
    it('json prints the spec\'s array with 1-based UTF-16 positions', () => {
      const result = runSop(['check', '--format', 'json'], { cwd: dir });
      assert.equal(result.code, 1);
      const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
      for (const f of findings) {
        assert.deepEqual(Object.keys(f).sort(), JSON_KEYS);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity as string));
      }
      const syntax = findings.filter((f) => f.rule === 'syntax');
      assert.deepEqual(
        syntax.map((f) => [f.file, f.line, f.column, f.severity]),
        [
          ['scripts/broken.sop', BROKEN_FIRST.line, BROKEN_FIRST.column, 'error'],
          ['scripts/broken.sop', BROKEN_SECOND.line, BROKEN_SECOND.column, 'error'],
        ],
      );
      assert.ok((syntax[0].endLine as number) > BROKEN_FIRST.line || (syntax[0].endColumn as number) > BROKEN_FIRST.column);
    });

    it('json prints an empty array for clean scripts', () => {
      const result = runSop(['check', 'clean.sop', '--format', 'json'], { cwd: dir });
      assert.deepEqual(JSON.parse(result.stdout), []);
    });

    it('sarif prints SARIF 2.1.0 with every rule\'s metadata', () => {
      const result = runSop(['check', '--format', 'sarif'], { cwd: dir });
      assert.equal(result.code, 1);
      const log = JSON.parse(result.stdout);
      assert.equal(log.version, '2.1.0');
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'sop');
      const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
      assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.meta.id));
      for (const rule of rules) {
        assert.ok(rule.shortDescription.text.length > 0, rule.id);
        assert.ok(rule.helpUri.endsWith(`docs/rules.md#${rule.id}`), rule.helpUri);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level), rule.id);
      }
      const first = run.results[0];
      assert.equal(first.ruleId, 'syntax');
      assert.equal(rules[first.ruleIndex].id, 'syntax');
      assert.equal(first.level, 'error');
      assert.equal(first.locations[0].physicalLocation.artifactLocation.uri, 'scripts/broken.sop');
      assert.deepEqual(
        [first.locations[0].physicalLocation.region.startLine, first.locations[0].physicalLocation.region.startColumn],
        [BROKEN_FIRST.line, BROKEN_FIRST.column],
      );
    });

    it('github prints one workflow annotation per finding', () => {
      const result = runSop(['check', '--format', 'github', '--rule', 'syntax=hint'], { cwd: dir });
      const lines = result.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      for (const line of lines) assert.match(line, GITHUB_LINE);
      const [, level, file, line, col, , , title] = GITHUB_LINE.exec(lines[0])!;
      assert.deepEqual([level, file, Number(line), Number(col), title], ['notice', 'scripts/broken.sop', BROKEN_FIRST.line, BROKEN_FIRST.column, 'syntax']);
    });

    it('compact prints path:line:column: severity: message [rule-id]', () => {
      const result = runSop(['check', '--format', 'compact'], { cwd: dir });
      const lines = result.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      for (const line of lines) assert.match(line, COMPACT_LINE);
      const [, file, line, column, severity, , rule] = COMPACT_LINE.exec(lines[0])!;
      assert.deepEqual([file, Number(line), Number(column), severity, rule], ['scripts/broken.sop', BROKEN_FIRST.line, BROKEN_FIRST.column, 'error', 'syntax']);
    });

    it('stylish groups by file and ends with a summary', () => {
      const result = runSop(['check'], { cwd: dir });
      const lines = result.stdout.split('\n');
      assert.equal(lines[0], 'scripts/broken.sop');
      assert.match(lines[1], new RegExp(`^  ${BROKEN_FIRST.line}:${BROKEN_FIRST.column}\\s+error\\s+.+  syntax$`));
      assert.match(lines[2], new RegExp(`^  ${BROKEN_SECOND.line}:${BROKEN_SECOND.column}\\s+error\\s+.+  syntax$`));
      assert.match(result.stdout, /^2 errors, 0 warnings in 2 files$/m);
    });

    it('stylish counts warnings and mentions hints in the summary', () => {
      assert.match(runSop(['check', '--rule', 'syntax=warning'], { cwd: dir }).stdout, /^0 errors, 2 warnings in 2 files$/m);
      assert.match(runSop(['check', '--rule', 'syntax=hint'], { cwd: dir }).stdout, /^0 errors, 0 warnings in 2 files \(and 2 hints\)$/m);
    });
  });

  describe('colour', () => {
    it('is off when the output is not a terminal', () => {
      assert.doesNotMatch(runSop(['check'], { cwd: dir }).stdout, /\x1b\[/);
    });

    it('is on with FORCE_COLOR, and NO_COLOR wins over it', () => {
      assert.match(runSop(['check'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[31m/);
      assert.doesNotMatch(runSop(['check'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
    });

    it('is never used by the machine formats', () => {
      for (const format of ['json', 'sarif', 'github', 'compact']) {
        assert.doesNotMatch(runSop(['check', '--format', format], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[/, format);
      }
    });
  });

  it('--quiet reports errors only', () => {
    const quiet = runSop(['check', '--quiet', '--format', 'json', '--rule', 'syntax=warning'], { cwd: dir });
    assert.equal(quiet.code, 0);
    assert.deepEqual(JSON.parse(quiet.stdout), []);
    const loud = runSop(['check', '--quiet', '--format', 'json'], { cwd: dir });
    assert.equal((JSON.parse(loud.stdout) as unknown[]).length, 2);
  });

  it('--rule off disables a rule', () => {
    const result = runSop(['check', '--rule', 'syntax=off', '--format', 'json'], { cwd: dir });
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });
});

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDot, readMermaid } from '../unit/graph/syntax-check';
import { BROKEN, BROKEN_FIRST, CLEAN } from './fixtures';
import { hasNoStackTrace, ROOT, runSop, useProjects } from './helpers';

const sample = (name: string) => fs.readFileSync(path.join(ROOT, 'samples', name), 'utf8');

describe('sop graph', function () {
  this.timeout(60_000);
  const project = useProjects();


  it('prints a Mermaid flowchart of the script and its imports, one box per file', () => {
    const dir = project({ 'scripts/complaints.sop': sample('complaints.sop'), 'scripts/closing.sop': sample('closing.sop') });
    const result = runSop(['graph', 'scripts/complaints.sop'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const read = readMermaid(result.stdout);
    assert.deepEqual([...read.groups.keys()], ['scripts/complaints.sop', 'scripts/closing.sop']);
    const edges = read.edges.map((e) => `${read.nodes.get(e.from)?.split('\n')[0]} -> ${read.nodes.get(e.to)?.split('\n')[0]} [${e.label}]`);
    assert.ok(edges.includes('complaint_attitude -> closing [reply / silence]'), edges.join('\n'));
    assert.ok(edges.includes('complaint_escalate -> transfer: 投诉处理组 [next]'));
    assert.ok(edges.includes('caller_stays -> hangup [silence]'));
  });

  it('--format dot prints Graphviz DOT, and the same text on every run', () => {
    const dir = project({ 'line.sop': sample('greeting-and-line.sop'), 'closing.sop': sample('closing.sop') });
    const first = runSop(['graph', 'line.sop', '--format', 'dot'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    const read = readDot(first.stdout);
    assert.ok(read.edges.some((e) => e.from === '问候' && e.to === '无声电话' && e.label === 'silence'));
    assert.equal(runSop(['graph', '--format=dot', 'line.sop'], { cwd: dir }).stdout, first.stdout);
  });

  it('draws a script with lint errors, marking a jump to an unknown situation', () => {
    const dir = project({ 'a.sop': 'situation a {\n  say "x"\n  wait 5s\n  reply end\n  fallback goto nowhere\n}\n' });
    const result = runSop(['graph', 'a.sop'], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    const read = readMermaid(result.stdout);
    assert.ok([...read.nodes.values()].includes('nowhere\n(no such situation)'));
  });

  it('refuses a script with syntax errors (exit 1), naming each at file:line:column', () => {
    const dir = project({ 'bad.sop': BROKEN });
    const result = runSop(['graph', 'bad.sop'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`^bad\\.sop:${BROKEN_FIRST.line}:${BROKEN_FIRST.column}: error: .+ \\[syntax\\]$`, 'm'));
    assert.match(result.stderr, /^sop graph: bad\.sop not drawn: fix the errors above first$/m);
  });

  it('refuses a script whose import is missing (exit 1)', () => {
    const dir = project({ 'a.sop': `import "gone.sop"\n${CLEAN}` });
    const result = runSop(['graph', 'a.sop'], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^a\.sop:1:8: error: cannot find "gone\.sop" .+ \[unresolved-import\]$/m);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no script', ['graph'], /^sop graph: name the script, e\.g\. samples\/service\.sop$/m],
    ['two scripts', ['graph', 'a.sop', 'b.sop'], /^sop graph: takes one script, got 2: "a\.sop" "b\.sop"$/m],
    ['an unknown format', ['graph', 'a.sop', '--format', 'dott'], /^sop graph: unknown format "dott" — did you mean "dot"\? \(formats: mermaid, dot\)$/m],
    ['an unknown option', ['graph', 'a.sop', '--fromat', 'dot'], /^sop graph: unknown option "--fromat" — did you mean "--format"\?$/m],
  ];
  for (const [name, args, message] of usage) {
    it(`bad usage: ${name} (exit 2)`, () => {
      const dir = project({ 'a.sop': CLEAN, 'b.sop': CLEAN });
      const result = runSop(args, { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^Run "sop graph --help" for usage\.$/m);
    });
  }

  it('a missing script is unreadable input (exit 2, one line, no stack trace)', () => {
    const dir = project({});
    const result = runSop(['graph', 'missing.sop'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'missing.sop: error: cannot read the file (no such file or folder)\n');
    assert.ok(hasNoStackTrace(result.stderr));
  });

  it('--help describes the command, and sop --help lists it', () => {
    const help = runSop(['graph', '--help'], { cwd: ROOT });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: sop graph /);
    assert.match(help.stdout, /--format NAME/);
    assert.match(help.stdout, /Exit status:/);
    assert.match(runSop(['--help'], { cwd: ROOT }).stdout, /^ {2}graph /m);
  });
});

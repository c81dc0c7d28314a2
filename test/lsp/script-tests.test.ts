/**
 * `sop/scriptTests` over a real stdio connection: the Test Explorer's listing and runs of a
 * `*.sop-test.yaml` file, with unsaved edits to the script counted and every message at
 * its range.
 */
import assert from 'node:assert/strict';
import type { ScriptTestsResult } from '../../server/src/lsp/protocol';
import { serveWorkspace } from './lsp-client';

const SCRIPT = 'situation ask {\n  say "您好"\n  wait 5s\n  reply end\n  fallback {\n    say "再见!"\n    wait 5s\n    hangup\n  }\n}\n';
const TESTS = 'cases:\n  - name: hangs up\n    situation: ask\n    says: [再见]\n    outcome: hangup\n  - name: wants a transfer\n    situation: ask\n    outcome: transfer\n';

describe('LSP script tests (sop/scriptTests)', function () {
  this.timeout(60_000);
  const server = serveWorkspace();

  const request = (name: string, text: string, run: boolean, cases?: number[]) =>
    server.client.request<ScriptTestsResult>('sop/scriptTests', { uri: server.ws.uri(name), text, run, cases });

  it('lists the cases with their ranges without running them', async () => {
    server.ws.write('a.sop', SCRIPT);
    const result = await request('a.sop-test.yaml', TESTS, false);
    assert.equal(result.script, server.ws.uri('a.sop'));
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.cases.map((c) => [c.index, c.name, c.nameRange.start.line, c.nameRange.start.character, c.status]),
      [
        [0, 'hangs up', 1, 10, undefined],
        [1, 'wants a transfer', 5, 10, undefined],
      ],
    );
  });

  it('runs the cases: one passes, one fails with its message at its line and both transcripts', async () => {
    const result = await request('a.sop-test.yaml', TESTS, true);
    const [pass, fail] = result.cases;
    assert.equal(pass.status, 'passed');
    assert.equal(fail.status, 'failed');
    assert.match(fail.failures![0].message, /^expected a transfer, but it hung up at /);
    assert.equal(fail.failures![0].range.start.line, 7);
    assert.match(fail.expected!, /^outcome: transferred to a queue$/m);
    assert.match(fail.actual!, /^outcome: hangup at /m);
  });

  it('runs only the cases asked for, on the script as the editor holds it', async () => {
    await server.client.open(server.ws.uri('a.sop'), SCRIPT.replace('    say "再见!"\n    wait 5s\n    hangup', '    say "请稍候"\n    transfer "人工"'));
    const result = await request('a.sop-test.yaml', TESTS, true, [1]);
    assert.equal(result.cases[0].status, undefined, 'not run');
    assert.equal(result.cases[1].status, 'passed', JSON.stringify(result.cases[1].failures));
  });

  it('a broken test file or an unknown situation is a problem at its range', async () => {
    const broken = await request('a.sop-test.yaml', 'cases:\n  - situation: ask\n    sayz: x\n', true);
    assert.equal(broken.problems.length, 1);
    assert.match(broken.problems[0].message, /unknown key "sayz" — did you mean "says"\?/);
    assert.deepEqual(broken.problems[0].range.start, { line: 2, character: 4 });
    const unknown = await request('a.sop-test.yaml', 'cases:\n  - situation: aks\n', true);
    assert.match(unknown.problems[0].message, /^no situation "aks" in a\.sop .+ did you mean "ask"\?$/);
    const listed = await request('a.sop-test.yaml', 'cases:\n  - situation: aks\n', false);
    assert.deepEqual(listed.problems, unknown.problems, 'a listing reports it too, before any run');
    const missing = await request('b.sop-test.yaml', 'cases:\n  - situation: ask\n', true);
    assert.match(missing.problems[0].message, /^cannot read b\.sop, the script this file tests/);
  });

  it('never fails on any text', async () => {
    for (const text of ['', '{', 'cases: 3', '\u0000']) {
      const result = await request('a.sop-test.yaml', text, true);
      assert.ok(Array.isArray(result.problems));
    }
  });
});

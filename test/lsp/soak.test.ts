/**
 * The soak (`soak.ts`) in the suite: 5,000 random incremental edits of a 2,000-line script
 * over stdio, each followed by a completion, hover, semantic-tokens or code-action request.
 * Every request is answered without an error, the server logs no error and stays alive,
 * and the diagnostics of the last version equal those of the same text opened fresh.
 * (How the server's memory behaves over the soak is reported by `npm run bench`.)
 */
import assert from 'node:assert/strict';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lsp-client';
import { runSoak } from './soak';

const EDITS = Number(process.env.SOP_SOAK_EDITS ?? 5000);

describe('language server soak', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client.kill());

  it(`answers every request through ${EDITS} random edits of a 2,000-line script`, async function () {
    this.timeout(0);
    const result = await runSoak(client, { lines: 2000, edits: EDITS, seed: 11 });
    assert.deepEqual(result.failures, []);
    assert.equal(result.requests, EDITS);
    assert.ok(client.alive, 'the server exited');
    assert.deepEqual(client.logs.filter((log) => log.type === MessageType.Error).map((log) => log.message), []);
    // What the edits left is diagnosed as if it had been opened fresh.
    const fresh = await client.open('file:///soak/fresh.sop', result.text);
    assert.deepEqual(result.finalDiagnostics, fresh);
    assert.ok(client.alive, 'the server exited');
  });
});

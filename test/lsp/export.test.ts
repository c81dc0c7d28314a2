/**
 * `sop/export` ("SOP: Export…") over a real stdio connection: the server exports the
 * script as the editor holds it, with its imports and its sop.config.json, and refuses,
 * saying where, a script with errors or one the target cannot express.
 */
import assert from 'node:assert/strict';
import type { ExportResult } from '../../server/src/lsp/protocol';
import { serveWorkspace } from './lsp-client';

describe('LSP sop/export', function () {
  this.timeout(60_000);
  const server = serveWorkspace();

  it('exports a script with its imports to each target, with the configured queues', async () => {
    server.ws.write('export/closing.sop', 'situation closing "通话结束" {\n  say "再见!"\n  wait 5s\n  hangup\n}\n');
    server.ws.write('export/sop.config.json', JSON.stringify({ export: { queues: { 投诉处理组: { connect: 'arn:aws:connect:x:1:instance/i/queue/q' } } } }));
    const uri = server.ws.uri('export/main.sop');
    await server.client.open(uri, 'import "closing.sop"\nsituation start {\n  say "您好"\n  wait 5s\n  reply transfer "投诉处理组"\n  fallback goto closing\n}\n');
    const connect = await server.client.request<ExportResult>('sop/export', { uri, target: 'connect' });
    assert.deepEqual(connect.errors, []);
    assert.deepEqual(connect.warnings, []);
    assert.deepEqual(connect.files.map((f) => f.extension), ['.connect.json']);
    const flow = JSON.parse(connect.files[0].content);
    assert.equal(flow.StartAction, 'start.1');
    assert.ok(flow.Actions.some((a: { Identifier: string }) => a.Identifier === 'closing.1'));
    assert.ok(connect.files[0].content.includes('arn:aws:connect:x:1:instance/i/queue/q'));

    const vxml = await server.client.request<ExportResult>('sop/export', { uri, target: 'voicexml' });
    assert.equal(vxml.files.length, 1);
    assert.match(vxml.files[0].content, /<form id="closing">/);
    // VoiceXML has no queue in the configuration: a warning, placed at the transfer.
    assert.deepEqual(vxml.warnings.map((w) => [w.line, w.column]), [[5, 9]]);
    const phrases = await server.client.request<ExportResult>('sop/export', { uri, target: 'phrases' });
    assert.deepEqual(phrases.files.map((f) => f.extension), ['.phrases.csv', '.phrases.xlf']);
  });

  it('exports unsaved edits, and refuses what the target cannot express, saying where', async () => {
    const uri = server.ws.uri('export/main.sop');
    await server.client.change(uri, 'situation start {\n  say "您好"\n  wait 2500ms\n  reply end\n  fallback goto closing\n}\nimport "closing.sop"\n');
    const studio = await server.client.request<ExportResult>('sop/export', { uri, target: 'studio' });
    assert.deepEqual(studio.files, []);
    assert.deepEqual(studio.errors.map((e) => [e.line, e.column]), [[3, 3]]);
    assert.match(studio.errors[0].message, /whole seconds/);
    await server.client.change(uri, 'situation start {\n  say "我不知道"\n  wait 5s\n  fallback goto nowhere\n}\n');
    const broken = await server.client.request<ExportResult>('sop/export', { uri, target: 'voicexml' });
    assert.deepEqual(broken.files, []);
    assert.ok(broken.errors.length >= 2);
    const unknown = await server.client.request<ExportResult>('sop/export', { uri, target: 'ivr' });
    assert.match(unknown.errors[0].message, /unknown target "ivr"/);
  });
});

/**
 * What a target cannot express is a finding at the source that causes it, and the export
 * writes no file: never a truncated or renamed flow.
 */
import * as assert from 'node:assert/strict';
import { exportProgram, type ExportTarget } from '../../../server/src/language/export/index';
import { loadTexts } from '../graph/load';

async function exportText(text: string, target: ExportTarget, settings?: Parameters<typeof exportProgram>[2]) {
  const program = await loadTexts({ 'a.sop': text });
  const result = exportProgram(program, target, settings);
  return { ...result, at: (i: number) => text.slice(result.findings[i].span.start, result.findings[i].span.end) };
}

describe('export: findings for what a platform cannot express', () => {
  it('a wait of part of a second: Connect and Studio wait whole seconds; VoiceXML can', async () => {
    const text = 'situation a {\n  say "Hello?"\n  wait 1500ms\n  hangup\n}\n';
    for (const target of ['connect', 'studio'] as const) {
      const result = await exportText(text, target);
      assert.deepEqual(result.files, []);
      assert.deepEqual(result.findings.map((f) => [f.rule, f.severity]), [['export-limit', 'error']]);
      assert.equal(result.at(0), 'wait 1500ms');
      assert.match(result.findings[0].message, /whole seconds/);
    }
    const vxml = await exportText(text, 'voicexml');
    assert.match(vxml.files[0].content, /<property name="timeout" value="1500ms"\/>/);
  });

  it('a flow over Amazon Connect\'s 250 actions', async () => {
    const steps = Array.from({ length: 251 }, (_, i) => `  say "Phrase ${i + 1}."`).join('\n');
    const result = await exportText(`situation long {\n${steps}\n  hangup\n}\n`, 'connect');
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.findings.map((f) => f.rule), ['export-limit']);
    assert.match(result.findings[0].message, /252 actions; Amazon Connect allows at most 250/);
    assert.equal(result.at(0), 'say "Phrase 251."');
    // Studio allows 1,000 widgets, so the same script exports there.
    assert.equal((await exportText(`situation long {\n${steps}\n  hangup\n}\n`, 'studio')).files.length, 1);
  });

  it('an action identifier longer than Connect\'s 50 characters', async () => {
    const id = 'a_situation_whose_identifier_is_far_too_long_for_connect';
    const result = await exportText(`situation ${id} {\n  say "Hello."\n  hangup\n}\n`, 'connect');
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.findings.map((f) => f.rule), ['export-identifier', 'export-identifier']);
    assert.match(result.findings[0].message, /longer than 50 characters/);
    assert.equal(result.at(0), 'say "Hello."');
  });

  it('a variable VoiceXML cannot declare (an ECMAScript reserved word)', async () => {
    const result = await exportText('var new\nsituation a {\n  say "Hello {new}."\n  hangup\n}\n', 'voicexml');
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.findings.map((f) => f.rule), ['export-identifier']);
    assert.equal(result.at(0), 'new');
  });

  it('two situation ids that meet in one ASCII name', async () => {
    const result = await exportText('situation a_b {\n  say "One."\n  hangup\n}\nsituation a-b {\n  say "Two."\n  hangup\n}\n', 'studio');
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.findings.map((f) => f.rule), ['export-identifier']);
    assert.match(result.findings[0].message, /"a_b_1", like the one of a_b\/1/);
  });

  it('an unknown start situation, and a script without situations', async () => {
    const unknown = await exportText('situation a {\n  hangup\n}\n', 'voicexml', { start: 'b' });
    assert.deepEqual(unknown.files, []);
    assert.match(unknown.findings[0].message, /no situation "b"/);
    const empty = await exportText('script "x"\n', 'phrases');
    assert.deepEqual(empty.files, []);
    assert.deepEqual(empty.findings.map((f) => f.rule), ['export-unresolved']);
  });

  it('a transfer target without a queue is a warning with a placeholder; a mapped one is silent', async () => {
    const text = 'situation a {\n  transfer "Complaints"\n}\n';
    const unmapped = await exportText(text, 'connect');
    assert.deepEqual(unmapped.findings.map((f) => [f.rule, f.severity]), [['export-unmapped-queue', 'warning']]);
    assert.equal(unmapped.at(0), 'transfer "Complaints"');
    assert.match(unmapped.files[0].content, /"QueueId": "Complaints"/);
    const arn = 'arn:aws:connect:eu-west-1:111122223333:instance/i-1/queue/q-1';
    const mapped = await exportText(text, 'connect', { settings: { queues: { Complaints: { connect: arn } }, agent: {}, holdMusic: {} } });
    assert.deepEqual(mapped.findings, []);
    assert.ok(mapped.files[0].content.includes(`"QueueId": "${arn}"`));
  });
});

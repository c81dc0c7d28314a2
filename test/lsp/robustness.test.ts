/**
 * No text takes the server down: junk, binary, a 5 MB file and a hostile configuration
 * all get diagnostics, and the server keeps answering. A failing request is logged and
 * answered with an empty result; a cancelled request is answered as cancelled; shutdown
 * and exit end the process cleanly.
 */
import assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DiagnosticSeverity,
  DocumentFormattingRequest,
  MessageType,
  type ResponseError,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { generateScript } from '../../bench/generate';
import { LspTestClient, messageOf, TestWorkspace } from './lsp-client';

/** Deterministic pseudo-random text, so a failure can be reproduced. */
function junk(length: number, alphabet: (n: number) => string, seed = 7): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(alphabet(x));
  }
  return out.join('');
}

/** Each text, and whether it is a syntax error (an empty file is a valid one). */
const JUNK_TEXTS: [string, string, boolean][] = [
  ['binary bytes, NUL included', junk(20_000, (n) => String.fromCharCode(n % 256)), true],
  ['random UTF-16, lone surrogates included', junk(20_000, (n) => String.fromCharCode(n % 0xffff)), true],
  ['keywords and braces in random order', junk(3_000, (n) => ['situation ', 'say ', '"', '“', '{', '}', '\n', 'wait ', '5s ', 'goto ', 'x ', '#', 'fallback ', 'reply ', '情景 '][n % 15]), true],
  ['only an opening brace', 'situation a {', true],
  ['an unterminated string at the end', 'situation a {\n  say "您好', true],
  ['a BOM, CRs and nothing else', '\ufeff\r\r\r', false],
];

describe('LSP robustness', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let ws: TestWorkspace;
  const small = 'situation a {\n  say "您好"\n  wait 5s\n  hangup\n}\n';

  before(async () => {
    ws = new TestWorkspace();
    client = await LspTestClient.start();
    await client.open(ws.uri('small.sop'), small);
  });
  after(() => {
    client?.kill();
    ws?.dispose();
  });

  /** The server still answers a request about another document. */
  async function stillAnswers(): Promise<void> {
    const actions = await client.request<unknown[]>(CodeActionRequest.type, {
      textDocument: { uri: ws.uri('small.sop') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(Array.isArray(actions));
  }

  JUNK_TEXTS.forEach(([name, text, broken], index) => {
    it(`survives ${name}`, async () => {
      const uri = ws.uri(`junk-${index}.sop`);
      const diagnostics = await client.open(uri, text);
      assert.equal(diagnostics.some((d) => d.code === 'syntax'), broken);
      // Formatting the junk itself answers too (and never touches a broken file).
      const edits = await client.request<TextEdit[]>(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
      if (broken) assert.deepEqual(edits, []);
      await stillAnswers();
    });
  });

  it('survives a 5 MB file without a line break', async () => {
    const uri = ws.uri('huge.sop');
    const diagnostics = await client.open(uri, `say "${'很'.repeat(5 * 1024 * 1024)}"`);
    assert.equal(diagnostics.length, 1);
    assert.match(messageOf(diagnostics[0]), /too long to check/);
    await stillAnswers();
    await client.close(uri);
  });

  it('survives a 5 MB file of one enormous situation next to normal ones', async () => {
    const uri = ws.uri('huge-situation.sop');
    const body = '  say "您好"\n'.repeat(400_000);
    const diagnostics = await client.open(uri, `${small}situation big {\n${body}}\n${small.replace('situation a', 'situation c')}`);
    assert.ok(diagnostics.some((d) => d.code === 'syntax' && /too long to check/.test(messageOf(d)) && d.range.start.line === 5));
    await stillAnswers();
    await client.close(uri);
  });

  it('checks scripts under a configuration with a hostile pattern in linear time', async () => {
    ws.write(
      'hostile/sop.config.json',
      JSON.stringify({ lexicon: [{ pattern: '(a+)+$', message: '不要拖长音' }, { pattern: '(x)\\1', message: 'backreference' }] }),
    );
    const config = ws.uri('hostile/sop.config.json');
    const configProblems = client.waitForDiagnostics(config);
    const uri = ws.uri('hostile/a.sop');
    const diagnostics = await client.open(uri, `situation a {\n  say "${'a'.repeat(5000)}b"\n  say "aaaa"\n  wait 5s\n  hangup\n}\n`);
    const banned = diagnostics.filter((d) => d.code === 'banned-phrase');
    assert.deepEqual(banned.map((d) => d.range.start.line), [2]);
    assert.match(messageOf(banned[0]), /不要拖长音/);
    // The pattern RE2 cannot run (a backreference) is a configuration error, not a hang.
    const problems = await configProblems;
    assert.equal(problems.diagnostics.length, 1);
    assert.equal(problems.diagnostics[0].code, 'config');
  });

  it('logs a failing request and answers it with an empty result', async () => {
    const logged = client.logs.length;
    // No `textDocument`: the handler throws; the guard logs and answers [].
    const edits = await client.request<TextEdit[]>(DocumentFormattingRequest.type, { options: { tabSize: 2, insertSpaces: true } });
    assert.deepEqual(edits, []);
    const errors = client.logs.slice(logged).filter((l) => l.type === MessageType.Error);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^Formatting failed/);
    await stillAnswers();
  });

  it('answers a cancelled request as cancelled', async () => {
    // A script long enough that its first parse runs in slices, so the cancellation
    // arrives while the request is still waiting for the parse.
    const uri = ws.uri('cancel.sop');
    const opened = client.open(uri, generateScript(3_000));
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest(
      DocumentFormattingRequest.type,
      { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } },
      source.token,
    );
    source.cancel();
    await assert.rejects(request, (error: ResponseError<unknown>) => error.code === -32800);
    // The script itself is still checked (the generated script has no errors).
    assert.deepEqual((await opened).filter((d) => d.severity === DiagnosticSeverity.Error), []);
    await stillAnswers();
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await client.stop(), 0);
    assert.equal(client.alive, false);
  });
});

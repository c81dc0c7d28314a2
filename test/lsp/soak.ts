/**
 * The language-server soak: many random incremental edits of one large script, each
 * followed by a request an editor sends while typing (completion, hover, semantic tokens,
 * code actions, in turn). Shared by the test (`soak.test.ts`: every request answered, no
 * error, the server alive, the final diagnostics those of a fresh open) and the benchmark
 * (`bench/lsp.ts`: the server's heap along the way).
 */
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { generateScript } from '../../bench/generate';
import { LineIndex } from '../../server/src/language/line-index';
import { INSERTIONS, randomEditSteps } from '../support/random-edits';
import type { LspTestClient } from './lsp-client';

export interface SoakOptions {
  lines: number;
  edits: number;
  seed: number;
  /** Called every `every` edits (after that edit's answers), e.g. to read the server's heap. */
  every?: number;
  onProgress?: (done: number) => Promise<void>;
}

export interface SoakResult {
  uri: string;
  /** The text after the last edit. */
  text: string;
  requests: number;
  /** Requests whose promise rejected (an error response), with the method. */
  failures: string[];
  /** The diagnostics published for the last version. */
  finalDiagnostics: Diagnostic[];
}

/**
 * The editor's requests in turn. At most this many are in flight: a typist's editor sends a
 * request per keystroke and does not wait for it before the next keystroke.
 */
const IN_FLIGHT = 32;

/** The edits of `randomEditSteps`, without carriage returns: an LSP position cannot point between CR and LF. */
const SOAK_INSERTIONS = INSERTIONS.filter((s) => !s.includes('\r'));

/**
 * Semantic tokens as VS Code asks for them while one types: the visible range (60 lines
 * around the edit), and now and then the whole document (every tenth time).
 */
function semanticTokens(uri: string, done: number, line: number): [string, unknown] {
  if (done % 40 === 2) return [SemanticTokensRequest.method, { textDocument: { uri } }];
  const range = { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
  return [SemanticTokensRangeRequest.method, { textDocument: { uri }, range }];
}

export async function runSoak(client: LspTestClient, options: SoakOptions): Promise<SoakResult> {
  const uri = `file:///soak/script-${options.lines}.sop`;
  let text = generateScript(options.lines);
  await client.open(uri, text);
  let lines = new LineIndex(text);
  const failures: string[] = [];
  let requests = 0;
  let inFlight: Promise<unknown>[] = [];
  const textDocument = { uri };
  let done = 0;
  let lastChange: Promise<Diagnostic[]> | undefined;
  for (const edit of randomEditSteps(text, options.edits, options.seed, SOAK_INSERTIONS)) {
    const change: TextDocumentContentChangeEvent = {
      range: { start: lines.positionAt(edit.at), end: lines.positionAt(edit.at + edit.removed) },
      text: edit.inserted,
    };
    text = edit.text;
    lines = new LineIndex(text);
    // Only the last version's diagnostics are awaited (the server may skip superseded ones).
    lastChange?.catch(() => undefined);
    lastChange = client.change(uri, [change]);
    const position = lines.positionAt(edit.at + edit.inserted.length);
    const kind = done % 4;
    const [method, params] =
      kind === 0
        ? [CompletionRequest.method, { textDocument, position }]
        : kind === 1
          ? [HoverRequest.method, { textDocument, position }]
          : kind === 2
            ? semanticTokens(uri, done, position.line)
            : [CodeActionRequest.method, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }];
    requests++;
    inFlight.push(client.request(method, params).catch((error: unknown) => failures.push(`${method}: ${String(error)}`)));
    if (inFlight.length >= IN_FLIGHT) {
      await Promise.all(inFlight);
      inFlight = [];
    }
    done++;
    if (options.every && options.onProgress && done % options.every === 0) {
      await Promise.all(inFlight);
      inFlight = [];
      await options.onProgress(done);
    }
  }
  await Promise.all(inFlight);
  const finalDiagnostics = lastChange ? await lastChange : [];
  return { uri, text, requests, failures, finalDiagnostics };
}

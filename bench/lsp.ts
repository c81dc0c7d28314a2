/**
 * The language server's speed through a real stdio connection (part of `npm run bench`):
 *
 * - keystroke → diagnostics: a one-character edit of a script of 1k, 10k and 50k lines,
 *   timed from sending `didChange` to receiving its `publishDiagnostics`, with the debounce
 *   set to 0 (`diagnosticsDelay`), median over 50 edits — the server's work plus the pipe.
 *   Measured for typing (a character inserted, so every situation after it moves) and for
 *   a same-length replacement (a digit overwritten, so nothing moves);
 * - responsiveness: the longest wait for a cheap request (code actions on a small
 *   document, sent one after the other) while a 50k-line script is opened and checked,
 *   alone and with the requests an editor sends on opening (outline, semantic tokens,
 *   folding), and the longest time the server's event loop was blocked meanwhile (the
 *   server's own figure, `sop/stats`: a cheap answer can also wait on the connection
 *   behind a large one, which the client reads and parses first);
 * - memory: the server's heap (after a forced GC) every 100 edits over 1,000 edits;
 * - the soak (`test/lsp/soak.ts`): the server's heap every 500 of 5,000 random incremental
 *   edits of a 2,000-line script interleaved with completion, hover, semantic tokens and
 *   code actions.
 *
 * Run: `node esbuild.mjs && node --expose-gc --import tsx bench/lsp.ts [--keystrokes | --opening | --soak]`.
 */
import {
  CodeActionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SemanticTokensRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../test/lsp/lsp-client';
import { runSoak } from '../test/lsp/soak';
import { generateScript } from './generate';

const EDITS = 50;
const MEMORY_EDITS = 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/**
 * A one-line edit of the script: the number written after "您好" on a line near
 * `fraction` of the script is replaced by `n` (each edit writes a new number).
 */
function oneLineEdit(lines: string[], written: Map<number, string>, fraction: number, n: number): TextDocumentContentChangeEvent {
  const line = greetingLine(lines, fraction);
  const at = lines[line].indexOf('您好') + 2;
  const previous = written.get(line) ?? '';
  const text = String(n);
  lines[line] = lines[line].slice(0, at) + text + lines[line].slice(at + previous.length);
  written.set(line, text);
  return { range: { start: { line, character: at }, end: { line, character: at + previous.length } }, text };
}

/** The first greeting line (`say "您好,{姓氏}先生…"`) at or after `fraction` of the script. */
function greetingLine(lines: readonly string[], fraction: number): number {
  let line = Math.floor(lines.length * fraction);
  while (!lines[line].includes('{姓氏}先生')) line++;
  return line;
}

type Keystroke = 'insert' | 'replace';

/**
 * One character typed into a greeting near `fraction` of the script: `insert` adds "好"
 * after "您好" (the text grows by one, so every situation after it moves), `replace`
 * overwrites the last digit of the agent number in "我是12号客服" (same length).
 */
function keystroke(lines: string[], fraction: number, n: number, kind: Keystroke): TextDocumentContentChangeEvent {
  const line = greetingLine(lines, fraction);
  const at = kind === 'insert' ? lines[line].indexOf('您好') + 2 : lines[line].indexOf('号客服') - 1;
  const length = kind === 'insert' ? 0 : 1;
  const text = kind === 'insert' ? '好' : String(n % 10);
  lines[line] = lines[line].slice(0, at) + text + lines[line].slice(at + length);
  return { range: { start: { line, character: at }, end: { line, character: at + length } }, text };
}

async function keystrokeToDiagnostics(lines: number, kind: Keystroke): Promise<{ median: number; open: number }> {
  const client = await LspTestClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
  try {
    const uri = `file:///bench/keystroke-${lines}.sop`;
    const text = generateScript(lines);
    const openStart = performance.now();
    await client.open(uri, text);
    const open = performance.now() - openStart;
    const docLines = text.split('\n');
    const samples: number[] = [];
    for (let i = 0; i < EDITS + 5; i++) {
      const change = keystroke(docLines, ((i * 7) % 19) / 20, i, kind);
      const start = performance.now();
      await client.change(uri, [change]);
      // The first edits warm the JIT; they are not counted.
      if (i >= 5) samples.push(performance.now() - start);
    }
    return { median: median(samples), open };
  } finally {
    await client.stop();
  }
}

/**
 * What VS Code asks for as soon as it shows a document (the outline and breadcrumbs, the
 * colours, the folding controls), sent right after `didOpen`.
 */
function editorOpeningRequests(client: LspTestClient, uri: string): Promise<unknown>[] {
  const textDocument = { uri };
  return [
    client.request(DocumentSymbolRequest.type, { textDocument }),
    client.request(SemanticTokensRequest.type, { textDocument }),
    client.request(FoldingRangeRequest.type, { textDocument }),
  ];
}

interface Responsiveness {
  /** The longest and the median wait of a cheap request, as the client saw them. */
  longest: number;
  median: number;
  requests: number;
  open: number;
  /** The longest time the server's event loop was blocked meanwhile (its own figure). */
  longestBlock: number;
}

async function responsivenessWhileOpening(lines: number, asEditor: boolean): Promise<Responsiveness> {
  const client = await LspTestClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
  try {
    const small = 'file:///bench/small.sop';
    await client.open(small, 'situation a {\n  say "您好"\n  wait 5s\n  hangup\n}\n');
    const uri = `file:///bench/open-${lines}.sop`;
    const text = generateScript(lines);
    const stats = () => client.request<{ longestBlockMs: number }>('sop/stats', {});
    await stats();
    let done = false;
    const start = performance.now();
    const opened = client.open(uri, text);
    const all = Promise.all([opened, ...(asEditor ? editorOpeningRequests(client, uri) : [])]).then(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      const sent = performance.now();
      await client.request(CodeActionRequest.type, {
        textDocument: { uri: small },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      });
      waits.push(performance.now() - sent);
    }
    await all;
    const open = performance.now() - start;
    return { longest: Math.max(...waits), median: median(waits), requests: waits.length, open, longestBlock: (await stats()).longestBlockMs };
  } finally {
    await client.stop();
  }
}

async function memoryOverEdits(lines: number): Promise<number[]> {
  const client = await LspTestClient.start({ initializationOptions: { diagnosticsDelay: 0 }, nodeArgs: ['--expose-gc'] });
  try {
    const uri = `file:///bench/memory-${lines}.sop`;
    const text = generateScript(lines);
    await client.open(uri, text);
    const docLines = text.split('\n');
    const written = new Map<number, string>();
    const heap = async () => ((await client.request<{ heapUsed: number }>('sop/stats', {})).heapUsed / 1024 / 1024);
    const figures = [await heap()];
    for (let i = 0; i < MEMORY_EDITS; i++) {
      await client.change(uri, [oneLineEdit(docLines, written, ((i * 7) % 19) / 20, i)]);
      if ((i + 1) % 100 === 0) figures.push(await heap());
    }
    return figures;
  } finally {
    await client.stop();
  }
}

const SOAK_EDITS = 5000;

/** The server's heap (MB, after a forced GC) before the soak and every 500 edits of it. */
async function heapOverSoak(): Promise<{ heap: number[]; seconds: number; requests: number }> {
  const client = await LspTestClient.start({ initializationOptions: { diagnosticsDelay: 0 }, nodeArgs: ['--expose-gc'] });
  try {
    const heap = async () => (await client.request<{ heapUsed: number }>('sop/stats', {})).heapUsed / 1024 / 1024;
    const figures: number[] = [];
    const start = performance.now();
    const result = await runSoak(client, {
      lines: 2000,
      edits: SOAK_EDITS,
      seed: 11,
      every: 500,
      onProgress: async () => void figures.push(await heap()),
    });
    if (result.failures.length > 0) throw new Error(`soak: ${result.failures.length} requests failed: ${result.failures[0]}`);
    return { heap: figures, seconds: (performance.now() - start) / 1000, requests: result.requests };
  } finally {
    await client.stop();
  }
}

async function main(): Promise<void> {
  console.log('\nLanguage server over stdio (diagnosticsDelay 0)');
  // `--soak` runs only the soak.
  if (process.argv.includes('--soak')) {
    const soak = await heapOverSoak();
    console.log(`Soak heap every 500 edits (MB): ${soak.heap.map((h) => h.toFixed(1)).join(', ')} (${soak.seconds.toFixed(0)} s)`);
    return;
  }
  // `--opening` measures only the responsiveness while a large script is opened.
  const onlyOpening = process.argv.includes('--opening');
  if (!onlyOpening) {
    console.log('| lines | open → first diagnostics | keystroke → diagnostics: typing (insertion) | same-length replacement |');
    console.log('|---:|---:|---:|---:|');
  }
  for (const lines of onlyOpening ? [] : [1000, 10000, 50000]) {
    const typing = await keystrokeToDiagnostics(lines, 'insert');
    const replacing = await keystrokeToDiagnostics(lines, 'replace');
    console.log(`| ${lines} | ${ms(typing.open)} | ${ms(typing.median)} | ${ms(replacing.median)} |`);
  }

  // `--keystrokes` stops here (for measuring a change to the keystroke path alone).
  if (process.argv.includes('--keystrokes')) return;

  for (const asEditor of [false, true]) await reportOpening(asEditor);
  if (onlyOpening) return;

  const heap = await memoryOverEdits(10000);
  const first = heap[0];
  const last = heap[heap.length - 1];
  console.log(
    `\nServer heap over ${MEMORY_EDITS} edits of a 10000-line script (every 100 edits, MB after GC): ${heap.map((h) => h.toFixed(1)).join(', ')}` +
      ` — ${last - first >= 0 ? '+' : ''}${(last - first).toFixed(1)} MB overall.`,
  );

  const soak = await heapOverSoak();
  console.log(
    `\nSoak: ${SOAK_EDITS} random edits of a 2000-line script with ${soak.requests} requests (completion, hover, semantic tokens, code actions) in ${soak.seconds.toFixed(0)} s;` +
      ` server heap every 500 edits (MB after GC): ${soak.heap.map((h) => h.toFixed(1)).join(', ')}` +
      ` — first to last ${soak.heap[soak.heap.length - 1] - soak.heap[0] >= 0 ? '+' : ''}${(soak.heap[soak.heap.length - 1] - soak.heap[0]).toFixed(1)} MB.`,
  );
}

async function reportOpening(asEditor: boolean): Promise<void> {
  const opening = await responsivenessWhileOpening(50000, asEditor);
  const what = asEditor ? 'opened as an editor does (with its outline, semantic tokens and folding requests)' : 'opened and checked';
  console.log(
    `\nWhile a 50000-line script is ${what} (${ms(opening.open)}): ${opening.requests} cheap requests answered one after another, median ${ms(opening.median)}, slowest ${ms(opening.longest)}; the server's event loop was blocked ${ms(opening.longestBlock)} at most.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

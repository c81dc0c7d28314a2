/**
 * `npm run bench`: measures the language core on generated scripts and prints medians.
 * The cold figures are also given as a ratio to a raw single-pass scan of the same text,
 * so the numbers mean something on any machine. The keystroke figures are what the
 * editor's services do when one character is typed (`bench/lsp.ts` measures the same
 * through the language server). Run with `--expose-gc` for memory figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSopServices, SopParser, singleFileProgram } from '../server/src/language/index';
import { defaultConfig } from '../server/src/language/config';
import { createPhraseMatcher, type LexiconEntry } from '../server/src/language/lexicon';
import { lintProgram } from '../server/src/language/lint/lint';
import { RULES } from '../server/src/language/lint/registry';
import { generateScript } from './generate';
import { median, time } from './timing';

const gc = (globalThis as { gc?: () => void }).gc;



/** The baseline: one pass over the text that finds tokens, the least any parser must do. */
function rawScan(text: string): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const word = c > 0x20 && c !== 0x7b && c !== 0x7d && c !== 0x22;
    if (word && !inWord) tokens++;
    inWord = word;
  }
  return tokens;
}

function heapMB(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
const ratio = (ms: number, base: number) => `${Math.round(ms / base)}×`;

const services = createSopServices();
const config = defaultConfig(RULES.map((r) => r.meta));

console.log(`SOP Studio benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log(gc ? '' : '(run with --expose-gc for memory figures)');
console.log('| lines | KB | raw scan | parse (cold) | lint (cold) | compile | typing a character: re-parse | re-lint | heap kept after parse |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const lines of [1000, 10000, 50000]) {
  const text = generateScript(lines);
  const runs = lines >= 50000 ? 3 : 5;
  const scan = time(runs * 4, () => rawScan(text));
  const parse = time(runs, () => new SopParser().parse('bench.sop', text));

  // A fresh parse for every run, so nothing of an earlier lint is reused.
  const lintSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = singleFileProgram(new SopParser().parse('bench.sop', text));
    const start = performance.now();
    lintProgram(fresh, config);
    lintSamples.push(performance.now() - start);
  }
  const lint = median(lintSamples);
  const program = singleFileProgram(new SopParser().parse('bench.sop', text));
  const compile = time(runs, () => services.compile(program));

  // What the editor does on a keystroke: one character typed at places spread over the
  // script (every situation after it moves), re-parsed and re-linted through the services'
  // caches; the places are those of `bench/lsp.ts`, the first 10 edits warm the JIT.
  const uri = `file:///bench-${lines}.sop`;
  services.lint(singleFileProgram(services.parse(uri, text)), config);
  const editLines = text.split('\n');
  const reparses: number[] = [];
  const relints: number[] = [];
  for (let k = 0; k < 30; k++) {
    let line = Math.floor((editLines.length * ((k * 7) % 19)) / 20);
    while (!editLines[line].includes('您好')) line++;
    editLines[line] = editLines[line].replace('您好', '您好好');
    const editedText = editLines.join('\n');
    const start = performance.now();
    const edited = services.parse(uri, editedText);
    const parsed = performance.now();
    services.lint(singleFileProgram(edited), config);
    if (k < 10) continue;
    reparses.push(parsed - start);
    relints.push(performance.now() - parsed);
  }
  services.forget(uri);

  const before = heapMB();
  const kept = new SopParser();
  const keptFile = kept.parse('bench.sop', text);
  const after = heapMB();
  const heap = gc ? `${(after - before).toFixed(1)} MB` : 'n/a';
  if (keptFile.errors.length > 0) throw new Error('generated script has syntax errors');

  console.log(
    `| ${lines} | ${Math.round(text.length / 1024)} | ${fmt(scan)} | ${fmt(parse)} (${ratio(parse, scan)}) | ${fmt(lint)} (${ratio(lint, scan)}) | ${fmt(compile)} (${ratio(compile, scan)}) | ${fmt(median(reparses))} | ${fmt(median(relints))} | ${heap} |`,
  );
}

// A fresh `sop build` process on a 10k-line script: start-up, parse, lint, compile, write.
const dir = mkdtempSync(join(tmpdir(), 'sop-bench-'));
try {
  writeFileSync(join(dir, 'big.sop'), generateScript(10000));
  const cli = join(__dirname, '..', 'dist', 'cli', 'sop.js');
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, 'build', join(dir, 'big.sop'), '--out', join(dir, 'out')], { encoding: 'utf8' });
    samples.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`sop build failed: ${run.stdout}${run.stderr}`);
  }
  console.log(`\nfresh \`sop build\` process, 10k lines: ${fmt(median(samples))} (median of 3)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The lexicon: 1,000 literal entries over 10,000 phrases.
const entries: LexiconEntry[] = Array.from({ length: 1000 }, (_, i) => ({
  id: `e${i}`,
  phrase: `禁用说法${i}号`,
  message: 'm',
  suggest: [],
  severity: 'error',
}));
const phrases = Array.from({ length: 10000 }, (_, i) => `您好,这是第${i}句标准话术,${i % 97 === 0 ? '禁用说法5号' : '没有问题'},请问还有什么可以帮您?`);
const matcher = createPhraseMatcher(entries, []);
const lexicon = time(5, () => {
  for (const p of phrases) matcher.find(p);
});
console.log(`lexicon of 1,000 entries over 10,000 phrases: ${fmt(lexicon)} (median of 5)`);

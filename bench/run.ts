/**
 * `npm run bench`: measures the language core on generated scripts and prints medians.
 * Each figure is also given as a ratio to a raw single-pass scan of the same text, so the
 * numbers mean something on any machine. Run with `--expose-gc` for memory figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSopServices, SopParser, singleFileProgram } from '../server/src/language/index';
import { defaultConfig } from '../server/src/language/config';
import { createPhraseMatcher, type LexiconEntry } from '../server/src/language/lexicon';
import { RULES } from '../server/src/language/lint/registry';
import { generateScript } from './generate';

const gc = (globalThis as { gc?: () => void }).gc;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

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
console.log('| lines | KB | raw scan | parse (cold) | re-parse after 1-line edit | analyse + lint | compile | heap kept after parse |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const lines of [1000, 10000, 50000]) {
  const text = generateScript(lines);
  const runs = lines >= 50000 ? 3 : 5;
  const scan = time(runs * 4, () => rawScan(text));
  const parse = time(runs, () => new SopParser().parse('bench.sop', text));

  const parser = new SopParser();
  parser.parse('bench.sop', text);
  const editLines = text.split('\n');
  const edits: number[] = [];
  for (let k = 0; k < 20; k++) {
    const line = Math.floor(((k + 1) * editLines.length) / 22);
    const edited = editLines.slice();
    edited[line] = edited[line].replace('您好', `您好${k}`);
    const editedText = edited.join('\n');
    const start = performance.now();
    parser.parse('bench.sop', editedText);
    edits.push(performance.now() - start);
  }
  const reparse = median(edits);

  const file = new SopParser().parse('bench.sop', text);
  const program = singleFileProgram(file);
  const lint = time(runs, () => services.lint(program, config));
  const compile = time(runs, () => services.compile(program));

  const before = heapMB();
  const kept = new SopParser();
  const keptFile = kept.parse('bench.sop', text);
  const after = heapMB();
  const heap = gc ? `${(after - before).toFixed(1)} MB` : 'n/a';
  if (keptFile.errors.length > 0) throw new Error('generated script has syntax errors');

  console.log(
    `| ${lines} | ${Math.round(text.length / 1024)} | ${fmt(scan)} | ${fmt(parse)} (${ratio(parse, scan)}) | ${fmt(reparse)} | ${fmt(lint)} (${ratio(lint, scan)}) | ${fmt(compile)} (${ratio(compile, scan)}) | ${heap} |`,
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

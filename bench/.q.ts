import { LspTestClient } from '/work/main/test/lsp/lsp-client';
import { generateScript } from '/work/main/bench/generate';
(async () => {
  const n = Number(process.argv[2] ?? 50000);
  const client = await LspTestClient.start({ initializationOptions: { diagnosticsDelay: 0 }, nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] });
  const uri = 'file:///bench/x.sop';
  const text = generateScript(n);
  let a = performance.now();
  await client.open(uri, text);
  console.log('open', performance.now() - a);
  const lines = text.split('\n');
  const written = new Map<number, string>();
  for (let i = 0; i < 12; i++) {
    let line = Math.floor(lines.length * (((i * 7) % 19) / 20));
    while (!lines[line].includes('{姓氏}先生')) line++;
    const at = lines[line].indexOf('您好') + 2;
    const prev = written.get(line) ?? '';
    lines[line] = lines[line].slice(0, at) + String(i) + lines[line].slice(at + prev.length);
    written.set(line, String(i));
    a = performance.now();
    const d = await client.change(uri, [{ range: { start: { line, character: at }, end: { line, character: at + prev.length } }, text: String(i) }]);
    console.log('edit', line, (performance.now() - a).toFixed(1), d.length);
  }
  await client.stop();
})();

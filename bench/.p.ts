import { createSopServices } from '/work/main/server/src/language/index';
import { defaultConfig } from '/work/main/server/src/language/config';
import { RULE_METAS } from '/work/main/server/src/language/lint/registry';
import { LineIndex } from '/work/main/server/src/language/line-index';
import { generateScript } from '/work/main/bench/generate';
const s = createSopServices();
const config = defaultConfig(RULE_METAS);
(async () => { for (const n of [10000, 50000]) {
  const text = generateScript(n);
  s.parse('u' + n, text);
  const lines = text.split('\n');
  for (let k = 0; k < 5; k++) {
    const l = Math.floor(lines.length * (k + 1) / 7);
    lines[l] = lines[l].replace('您好', '您好' + k);
    const t = lines.join('\n');
    let a = performance.now();
    const f = s.parse('u' + n, t);
    const tp = performance.now() - a; a = performance.now();
    const p = await s.loadProgram(f, { readFile: async () => undefined });
    const tl = performance.now() - a; a = performance.now();
    const fi = s.lint(p, config);
    const tli = performance.now() - a; a = performance.now();
    new LineIndex(t);
    const ti = performance.now() - a;
    console.log(n, 'parse', tp.toFixed(1), 'load', tl.toFixed(1), 'lint', tli.toFixed(1), 'index', ti.toFixed(1), fi.length);
  }
}
})();

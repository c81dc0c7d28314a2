import { createSopServices, singleFileProgram } from '/work/main/server/src/language/index';
import { defaultConfig } from '/work/main/server/src/language/config';
import { RULES, RULE_METAS } from '/work/main/server/src/language/lint/registry';
import { generateScript } from '/work/main/bench/generate';
const s = createSopServices();
const config = defaultConfig(RULE_METAS);
const text = generateScript(10000);
const f = s.parse('u', text);
const program = singleFileProgram(f);
for (let r = 0; r < 3; r++) s.lint(program, config);
const times: Record<string, number> = {};
for (let r = 0; r < 10; r++) for (const rule of RULES.filter((x) => x.meta.id !== "unused-suppression")) {
  const a = performance.now();
  const options: any = {}; for (const [k, v] of Object.entries(rule.meta.options ?? {})) options[k] = (v as any).default;
  rule.check({ program, file: f, options: { ...options, ...(config.rules[rule.meta.id]?.options ?? {}) }, config, suppressions: { silencers: [], unknown: [] } as any });
  times[rule.meta.id] = (times[rule.meta.id] ?? 0) + (performance.now() - a) / 10;
}
console.log(Object.entries(times).map(([k, v]) => `${k} ${v.toFixed(2)}`).join('\n'));
let a = performance.now(); for (let r = 0; r < 10; r++) s.lint(program, config); console.log('total lint', ((performance.now() - a) / 10).toFixed(2));

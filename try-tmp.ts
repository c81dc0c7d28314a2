import { exportProgram } from '/work/wt8/server/src/language/export/index';
import { loadFromDisk } from '/work/wt8/test/unit/compile/load';
import { writeFileSync } from 'node:fs';
const [file, target] = process.argv.slice(2);
void (async () => { const program = await loadFromDisk(file);
const r = exportProgram(program, target as any, { displayPath: (u) => u.replace('/work/wt8/', '') });
for (const f of r.findings) console.error(f.rule, f.severity, f.message, f.uri, f.span);
for (const f of r.files) writeFileSync('/tmp/out' + f.extension, f.content);
})();

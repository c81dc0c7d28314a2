/**
 * Every sample and every compiler fixture exports to every target, and each file is what
 * its platform accepts: VoiceXML validates against the W3C schema with xmllint
 * (`schema/voicexml/`), Connect and Studio flows against the project's JSON Schemas (ajv)
 * and the platforms' documented rules, and the phrase table is UTF-8 CSV with a BOM and
 * well-formed XLIFF 2.0.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { compileProgram } from '../../../server/src/language/compile/compile';
import { EXPORT_TARGETS } from '../../../server/src/language/export/index';
import { repoRoot } from '../compile/load';
import { EXPORT_INPUTS, exportInput, loadInput, UNEXPORTABLE } from './inputs';
import { checkConnectRules, checkStudioRules } from './platform-rules';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateConnect = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema/connect-flow.schema.json'), 'utf8')));
const validateStudio = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schema/studio-flow.schema.json'), 'utf8')));
const vxmlSchema = path.join(repoRoot, 'schema/voicexml/vxml.xsd');

/** Runs xmllint on `text`; returns its complaints, or null when valid. */
function xmllint(text: string, extension: string, schema?: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'sop-export-'));
  try {
    const file = path.join(dir, `doc${extension}`);
    writeFileSync(file, text);
    const run = spawnSync('xmllint', ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file], { encoding: 'utf8' });
    if (run.error) throw new Error(`xmllint is needed (apt-get install libxml2-utils): ${run.error.message}`);
    return run.status === 0 ? null : run.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('export: every sample and fixture to every target', () => {
  it('has inputs', () => assert.ok(EXPORT_INPUTS.length >= 10));

  for (const input of EXPORT_INPUTS) {
    if (input.name === UNEXPORTABLE) {
      it(`${input.name}: a goto to no situation is a finding on every target, and nothing is written`, async () => {
        const program = await loadInput(input);
        for (const target of EXPORT_TARGETS) {
          const result = exportInput(program, target);
          assert.deepEqual(result.files, []);
          const errors = result.findings.filter((f) => f.severity === 'error');
          assert.deepEqual(errors.map((f) => f.rule), ['export-unresolved']);
          const text = program.files.get(errors[0].uri)!.text;
          assert.equal(text.slice(errors[0].span.start, errors[0].span.end), 'goto nowhere');
        }
      });
      continue;
    }

    it(`${input.name} → VoiceXML valid against the W3C schema (xmllint)`, async () => {
      const result = exportInput(await loadInput(input), 'voicexml');
      assert.equal(result.files.length, 1, result.findings.map((f) => f.message).join('\n'));
      assert.equal(xmllint(result.files[0].content, '.vxml', vxmlSchema), null);
    });

    it(`${input.name} → Amazon Connect flow: schema and platform rules`, async () => {
      const result = exportInput(await loadInput(input), 'connect');
      assert.equal(result.files.length, 1, result.findings.map((f) => f.message).join('\n'));
      const flow = JSON.parse(result.files[0].content);
      assert.equal(validateConnect(flow), true, ajv.errorsText(validateConnect.errors));
      assert.deepEqual(checkConnectRules(flow), []);
    });

    it(`${input.name} → Twilio Studio flow: schema and platform rules`, async () => {
      const result = exportInput(await loadInput(input), 'studio');
      assert.equal(result.files.length, 1, result.findings.map((f) => f.message).join('\n'));
      const flow = JSON.parse(result.files[0].content);
      assert.equal(validateStudio(flow), true, ajv.errorsText(validateStudio.errors));
      assert.deepEqual(checkStudioRules(flow), []);
    });

    it(`${input.name} → phrase table: CSV with BOM and XLIFF 2.0, every phrase once`, async () => {
      const program = await loadInput(input);
      const result = exportInput(program, 'phrases');
      const [csv, xlf] = result.files;
      assert.deepEqual(result.files.map((f) => f.extension), ['.phrases.csv', '.phrases.xlf']);
      assert.ok(csv.content.startsWith('\uFEFFid,situation,file,line,column,text,placeholders,seconds,also_at\r\n'));
      const rows = csv.content.slice(1).trimEnd().split('\r\n').slice(1);
      const compiled = compileProgram(program);
      const says = Object.values(compiled.ivr.nodes).filter((n) => n.type === 'say');
      const distinct = new Set(says.map((n) => JSON.stringify(n.type === 'say' ? n.parts : null)));
      assert.equal(rows.length, distinct.size);
      assert.equal(xmllint(xlf.content, '.xlf'), null);
      assert.equal((xlf.content.match(/<unit /g) ?? []).length, distinct.size);
    });
  }
});

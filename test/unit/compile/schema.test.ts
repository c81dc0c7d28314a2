/**
 * Every compiled fixture and every sample validates against the shipped JSON Schema, checked
 * by a real validator (ajv, JSON Schema 2020-12); and the schema does reject a broken document,
 * so the check can fail.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { CompiledScript } from '../../../server/src/language/compile/compile';
import { compileFromDisk, fixturesDir, repoRoot, samplesDir } from './load';

const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schema/sop-script.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

function assertValid(document: unknown, label: string): void {
  if (validate(document)) return;
  const errors = (validate.errors ?? []).slice(0, 10).map((e) => `  ${e.instancePath || '/'} ${e.message}`);
  assert.fail(`${label} does not match schema/sop-script.schema.json:\n${errors.join('\n')}`);
}

const sopFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.sop'))
    .sort()
    .map((name) => path.join(dir, name));

describe('compile: schema/sop-script.schema.json', () => {
  it('is a JSON Schema 2020-12 with an $id', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.match(schema.$id, /^https:\/\//);
  });

  for (const [dir, label] of [
    [fixturesDir, 'fixture'],
    [samplesDir, 'sample'],
  ] as const) {
    for (const file of sopFiles(dir)) {
      it(`accepts the compiled ${label} ${path.basename(file)}`, async () => {
        assertValid(await compileFromDisk(file, dir), path.relative(repoRoot, file));
      });
    }
  }

  describe('rejects broken documents', () => {
    let good: CompiledScript;
    before(async () => {
      good = await compileFromDisk(path.join(fixturesDir, 'docs-example.sop'), fixturesDir);
      assertValid(good, 'docs-example.sop');
    });
    /** The compiled document loosened so a test can break it. */
    type Loose = {
      format: unknown;
      script: Record<string, unknown>;
      ivr: { nodes: Record<string, Record<string, unknown> & { source: Record<string, unknown> }> };
    };
    const mutations: Array<[string, (doc: Loose) => void]> = [
      ['a wait without a timeout', (doc) => delete doc.ivr.nodes['staff_number/3'].timeoutMs],
      ['an unknown node type', (doc) => (doc.ivr.nodes['staff_number/2'].type = 'speak')],
      ['a node id that is not structural', (doc) => (doc.ivr.nodes['node-7'] = doc.ivr.nodes['staff_number/2'])],
      ['an unknown field', (doc) => (doc.script.generatedAt = '2024-01-01')],
      ['a 0-based column', (doc) => (doc.ivr.nodes['staff_number/2'].source.column = 0)],
      ['another format version', (doc) => (doc.format = 'sop-script/2')],
    ];
    for (const [what, mutate] of mutations) {
      it(what, () => {
        const doc = structuredClone(good) as unknown as Loose;
        mutate(doc);
        assert.equal(validate(doc), false);
      });
    }
  });
});

/**
 * The samples are the project's showcase: each must lint without a single finding (of any
 * severity) under its nearest configuration, with its imports read from disk.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNearestConfig } from '../../server/src/language/config/find-config';
import { parseConfig } from '../../server/src/language/config/parse-config';
import { defaultConfig } from '../../server/src/language/config/types';
import { LineIndex } from '../../server/src/language/line-index';
import { RULE_METAS } from '../../server/src/language/lint/registry';
import { diskHost, lintText } from './harness';

const SAMPLES = join(__dirname, '..', '..', 'samples');

describe('samples', () => {
  const files = readdirSync(SAMPLES).filter((name) => name.endsWith('.sop')).sort();

  it('exist', () => {
    assert.ok(files.length > 0, `no .sop files in ${SAMPLES}`);
  });

  for (const name of files) {
    it(`${name} lints clean`, async () => {
      const path = join(SAMPLES, name);
      const text = readFileSync(path, 'utf8');
      const found = await findNearestConfig(path, diskHost.readFile);
      const parsed = found ? parseConfig(found.uri, found.text, RULE_METAS) : undefined;
      assert.deepEqual(parsed?.findings ?? [], [], `${found?.uri} is broken`);
      const findings = await lintText(path, text, parsed?.config ?? defaultConfig(RULE_METAS));
      const lines = new LineIndex(text);
      const listing = findings.map((f) => {
        const { line, character } = lines.positionAt(f.span.start);
        return `${name}:${line + 1}:${character + 1} ${f.severity} ${f.rule}: ${f.message}`;
      });
      assert.deepEqual(listing, []);
    });
  }
});

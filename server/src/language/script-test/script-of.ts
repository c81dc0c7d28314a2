/**
 * Which script a test file tests: its `script` key (relative to the test file, as imports
 * are), else the script beside it with the same name (`service.sop-test.yaml` tests
 * `service.sop`), which is the layout the docs recommend.
 */
import { resolveImport } from '../paths';
import { TEST_FILE_SUFFIXES, type ScriptTestFile } from './types';

export function scriptUriOf(file: ScriptTestFile): string {
  if (file.script !== null) return resolveImport(file.uri, file.script.value);
  return defaultScriptUri(file.uri);
}

/** `x.sop-test.yaml` → `x.sop`. */
export function defaultScriptUri(testUri: string): string {
  const lower = testUri.toLowerCase();
  for (const suffix of TEST_FILE_SUFFIXES) if (lower.endsWith(suffix)) return `${testUri.slice(0, -suffix.length)}.sop`;
  return `${testUri}.sop`;
}

/** `x.sop` → `x.sop-test.yaml`, where a script's own tests live. */
export function testUriOf(scriptUri: string): string {
  return `${scriptUri.replace(/\.sop$/i, '')}${TEST_FILE_SUFFIXES[0]}`;
}

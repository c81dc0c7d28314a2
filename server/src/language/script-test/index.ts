/**
 * Script tests (`name.sop-test.yaml`): reading a test file with positions, checking it
 * against the compiled script, and running its cases on the simulator. Pure: the CLI's
 * `sop test` and the language server's test requests do the I/O.
 */
export { readTestFile, TEST_FILE_RULE, type ReadTestFile } from './read-test-file';
export { checkTestFile, runTestCase, type CaseFailure, type CaseResult, type DiffLine } from './run-case';
export { defaultScriptUri, scriptUriOf, testUriOf } from './script-of';
export { isScriptTestFile, TEST_FILE_SUFFIXES, type ExpectedOutcome, type Placed, type ScriptTestFile, type TestCase } from './types';

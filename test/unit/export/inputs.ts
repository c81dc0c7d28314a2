/**
 * The scripts every export test runs on: each sample and each compiler fixture, loaded
 * with its imports, with display paths relative to the repository.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { exportProgram, type ExportOptions, type ExportTarget } from '../../../server/src/language/export/index';
import type { Program } from '../../../server/src/language/program';
import { fixturesDir, loadFromDisk, repoRoot, samplesDir } from '../compile/load';

export interface ExportInput {
  /** e.g. `samples/service.sop`. */
  name: string;
  file: string;
}

export const EXPORT_INPUTS: ExportInput[] = [samplesDir, fixturesDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.sop'))
    .sort()
    .map((f) => ({ name: path.relative(repoRoot, path.join(dir, f)), file: path.join(dir, f) })),
);

/** The fixture that is not lint-clean on purpose: its `goto nowhere` cannot be exported. */
export const UNEXPORTABLE = 'test/fixtures/compile/best-effort.sop';

const base = repoRoot.split(path.sep).join('/');
export const displayPath = (uri: string) => path.posix.relative(base, uri);

export async function loadInput(input: ExportInput): Promise<Program> {
  return loadFromDisk(input.file);
}

export function exportInput(program: Program, target: ExportTarget, options: ExportOptions = {}) {
  return exportProgram(program, target, { displayPath, ...options });
}

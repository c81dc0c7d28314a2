/**
 * Test helpers: load a script and its imports from disk, and compile it with display paths
 * relative to a base folder so goldens do not depend on where the repository lives.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compileProgram, type CompiledScript } from '../../../server/src/language/compile/compile';
import { parseSop } from '../../../server/src/language/parse';
import { loadProgram, type FileHost, type Program } from '../../../server/src/language/program';

export const repoRoot = path.resolve(__dirname, '../../..');
export const fixturesDir = path.join(repoRoot, 'test/fixtures/compile');
export const samplesDir = path.join(repoRoot, 'samples');

const diskHost: FileHost = {
  readFile: async (uri) => {
    try {
      return await readFile(uri, 'utf8');
    } catch {
      return undefined;
    }
  },
};

export async function loadFromDisk(file: string): Promise<Program> {
  const uri = path.resolve(file).split(path.sep).join('/');
  const text = await readFile(uri, 'utf8');
  return loadProgram(parseSop(uri, text), diskHost, parseSop);
}

/** Compiles `file` with its imports; paths in the output are relative to `baseDir`. */
export async function compileFromDisk(file: string, baseDir: string): Promise<CompiledScript> {
  const program = await loadFromDisk(file);
  const base = path.resolve(baseDir).split(path.sep).join('/');
  return compileProgram(program, { displayPath: (uri) => path.posix.relative(base, uri) });
}

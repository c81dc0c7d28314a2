/**
 * Programs for the graph and simulator tests: the samples from disk (with their imports),
 * or small scripts held in memory under `/mem/`.
 */
import * as path from 'node:path';
import { parseSop } from '../../../server/src/language/parse';
import { loadProgram, type Program } from '../../../server/src/language/program';
import { loadFromDisk, samplesDir } from '../compile/load';

export { samplesDir };

/** A sample with its imports; file names in the output are relative to `samples/`. */
export async function loadSample(name: string): Promise<{ program: Program; displayPath: (uri: string) => string }> {
  const program = await loadFromDisk(path.join(samplesDir, name));
  const base = path.resolve(samplesDir).split(path.sep).join('/');
  return { program, displayPath: (uri) => path.posix.relative(base, uri) };
}

/** The first file of `files` is the root; imports resolve among the others. */
export async function loadTexts(files: Record<string, string>): Promise<Program> {
  const texts = new Map(Object.entries(files).map(([name, text]) => [`/mem/${name}`, text]));
  const [rootUri, rootText] = [...texts][0];
  return loadProgram(parseSop(rootUri, rootText), { readFile: async (uri) => texts.get(uri) }, parseSop);
}

/** Names `/mem/a.sop` as `a.sop`. */
export const memPath = (uri: string) => uri.replace(/^\/mem\//, '');

/**
 * What the feature modules share: line tables for any parsed file (open or imported) and
 * the set of files a name may be used in across the workspace.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { declaringUris, LineIndex, symbolAt, type Program, type SopFile } from '../../language';
import type { ServerState } from '../state';

const indexes = new WeakMap<SopFile, LineIndex>();

/** The line table of the text a parse was made from (its spans refer to that text). */
export function indexOf(file: SopFile): LineIndex {
  let index = indexes.get(file);
  if (!index) {
    index = new LineIndex(file.text);
    indexes.set(file, index);
  }
  return index;
}

/**
 * The files where the name under the cursor may be used: its program (what the document
 * imports) and the programs of the open documents that hold a file declaring the name,
 * since a situation may be reached by a `goto` in any file whose program includes its
 * definition. Names are global within a program, so in those programs the name means the
 * same situation or variable.
 */
export async function filesAround(state: ServerState, program: Program, offset: number, token?: CancellationToken): Promise<SopFile[]> {
  const files = new Map<string, SopFile>(program.files);
  const symbol = symbolAt(program.root, offset);
  if (!symbol) return [...files.values()];
  const anchors = declaringUris(program, symbol);
  for (const other of state.openUris()) {
    if (token?.isCancellationRequested) break;
    if (files.has(other) || !other.endsWith('.sop')) continue;
    const around = await state.getProgram(other);
    if (!around || !anchors.some((uri) => around.files.has(uri))) continue;
    for (const [key, file] of around.files) if (!files.has(key)) files.set(key, file);
  }
  return [...files.values()];
}

/** The parsed file for `uri` among `files`. */
export function fileIn(files: Iterable<SopFile>, uri: string): SopFile | undefined {
  for (const file of files) if (file.uri === uri) return file;
  return undefined;
}

/**
 * Locating `sop.config.json`: from the script's folder upwards, the nearest file wins (a
 * team folder can tighten or relax the rules of the repository above it). Reading is the
 * caller's business, so the same walk serves the CLI (file paths) and the editor (URIs).
 */
import { dirnameOf, joinPath } from '../paths';
import { CONFIG_FILE_NAME } from './parse-config';

export interface FoundConfig {
  uri: string;
  text: string;
}

/**
 * The nearest configuration above `scriptUri`. `readFile` returns `undefined` for a file
 * that does not exist; any folder whose read fails that way is simply passed over.
 */
export async function findNearestConfig(
  scriptUri: string,
  readFile: (uri: string) => Promise<string | undefined>,
): Promise<FoundConfig | undefined> {
  for (const folder of foldersAbove(scriptUri)) {
    const uri = joinPath(folder, CONFIG_FILE_NAME);
    const text = await readFile(uri);
    if (text !== undefined) return { uri, text };
  }
  return undefined;
}

/** The script's folder and each folder above it, nearest first, up to the root. */
export function foldersAbove(scriptUri: string): string[] {
  const folders: string[] = [];
  let folder = dirnameOf(scriptUri);
  for (;;) {
    folders.push(folder);
    const parent = dirnameOf(folder);
    // Stop at a root: `/`, `file:///`, a Windows drive `C:`, or the relative start `.`.
    if (parent === folder || folder === '.' || folder.endsWith('/') || /^[A-Za-z]:$/.test(folder)) break;
    folder = parent;
  }
  return folders;
}

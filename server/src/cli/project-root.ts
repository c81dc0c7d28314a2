/**
 * The project folder of a run: the stable root that source paths in compiled JSON and
 * SARIF are written relative to, and the folder imports may not leave. It never depends on
 * the folder the command ran in, so the same scripts give the same bytes from anywhere.
 *
 * It is, in order: `--root DIR`; the folder of the `sop.config.json` nearest at or above
 * the deepest folder holding every input; that deepest folder itself.
 */
import * as fs from 'node:fs';
import { msg } from '../language';
import { UsageError } from './errors';
import { displayPath, toUri } from './files';

const CONFIG_FILE = 'sop.config.json';

/** Finds the project folder for scripts whose common folder is `base`. */
export function findProjectRoot(base: string, scripts: readonly string[], rootOption: string | undefined, cwd: string, command: string): string {
  if (rootOption !== undefined) {
    const root = trimSlash(toUri(rootOption, cwd));
    if (!isFolder(root)) throw new UsageError(msg('cli.root.missing', { root: rootOption }), command);
    const outside = scripts.find((uri) => !isInside(uri, root));
    if (outside) throw new UsageError(msg('cli.root.outside', { root: rootOption, input: displayPath(outside, cwd) }), command);
    return root;
  }
  for (let folder = trimSlash(base); ; ) {
    if (fs.existsSync(`${folder === '/' ? '' : folder}/${CONFIG_FILE}`)) return folder;
    const parent = folder.slice(0, folder.lastIndexOf('/')) || '/';
    if (parent === folder) break;
    folder = parent;
  }
  return trimSlash(base);
}

/** True when `uri` is `root` or below it (compared as paths, without following links). */
export function isInside(uri: string, root: string): boolean {
  if (root === '/') return uri.startsWith('/');
  return uri === root || uri.startsWith(`${root}/`);
}

/** A document's name relative to the project folder, with `/` (the form compiled JSON uses). */
export function rootRelative(uri: string, root: string): string {
  if (!isInside(uri, root)) return uri;
  const relative = root === '/' ? uri.slice(1) : uri.slice(root.length + 1);
  return relative === '' ? '.' : relative;
}

function isFolder(uri: string): boolean {
  try {
    return fs.statSync(uri).isDirectory();
  } catch {
    return false;
  }
}

function trimSlash(uri: string): string {
  return uri.length > 1 && uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

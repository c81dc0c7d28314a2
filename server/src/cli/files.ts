/**
 * Everything the CLI does with the file system: finding scripts, reading them as strict
 * UTF-8, naming them for the user, and writing outputs atomically.
 *
 * Documents are identified by absolute paths written with `/` (the pure language layer
 * does path arithmetic on `/` only); Node's `fs` accepts that form on every platform.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeUtf8 } from './decode';
import { InputError } from './errors';

/** The document identity of a path: absolute, with `/` separators. */
export function toUri(file: string, cwd: string): string {
  return path.resolve(cwd, file).split(path.sep).join('/');
}

/** How a document is named in messages: relative to the working directory, with `/`. */
export function displayPath(uri: string, cwd: string): string {
  const relative = path.relative(cwd, uri.split('/').join(path.sep));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

export interface SourceText {
  /** The text without a leading BOM; positions are counted in it, as the editor does. */
  text: string;
  bom: boolean;
}

/** Reads a script or config file; a missing, unreadable or non-UTF-8 file is an `InputError`. */
export function readSource(uri: string, cwd: string): SourceText {
  const shown = displayPath(uri, cwd);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(uri);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${shown}: error: cannot read the file (${describeFsError(error)})`, code === 'ENOENT' || code === 'ENOTDIR');
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    throw new InputError(
      `${shown}:${decoded.line}:${decoded.column}: error: the file is not UTF-8 text (byte 0x${byte}); save it as UTF-8`,
    );
  }
  return { text: decoded.text, bom: decoded.bom };
}

/** Reads a file for the language layer: `undefined` when it is missing or not UTF-8. */
export function tryReadSource(uri: string): string | undefined {
  try {
    const decoded = decodeUtf8(fs.readFileSync(uri));
    return decoded.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

export interface ScriptSet {
  /** Absolute `/` paths of the scripts, sorted, without duplicates. */
  scripts: string[];
  /** The deepest folder that contains every input; outputs mirror the tree below it. */
  base: string;
}

/**
 * Expands the inputs: a file is taken as it is (whatever its extension, since the user
 * named it), a folder is searched recursively for `.sop` files (or the names `accept`
 * takes, e.g. `sop test`'s `*.sop-test.yaml`), skipping `node_modules` and folders whose
 * name starts with a dot (`.git`, `.vscode-test`).
 */
export function collectScripts(inputs: readonly string[], cwd: string, accept: (name: string) => boolean = isScriptName): ScriptSet {
  const found = new Set<string>();
  const bases: string[] = [];
  for (const input of inputs) {
    const uri = toUri(input, cwd);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(uri);
    } catch (error) {
      throw new InputError(`${input}: error: cannot read it (${describeFsError(error)})`);
    }
    if (stat.isDirectory()) {
      bases.push(uri);
      walk(uri, found, cwd, accept);
    } else {
      bases.push(parentOf(uri));
      found.add(uri);
    }
  }
  const scripts = [...found].sort();
  return { scripts, base: commonAncestor(bases) };
}

function walk(dir: string, found: Set<string>, cwd: string, accept: (name: string) => boolean): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`${displayPath(dir, cwd)}: error: cannot list the folder (${describeFsError(error)})`);
  }
  for (const entry of entries) {
    const child = `${dir.endsWith('/') ? dir : `${dir}/`}${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      walk(child, found, cwd, accept);
    } else if (accept(entry.name) && (entry.isFile() || isFileLink(child))) {
      found.add(child);
    }
  }
}

/** What a folder search collects by default: `.sop` scripts. */
function isScriptName(name: string): boolean {
  return name.endsWith('.sop');
}

function isFileLink(uri: string): boolean {
  try {
    return fs.statSync(uri).isFile();
  } catch {
    return false;
  }
}

function parentOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash <= 0 ? uri.slice(0, slash + 1) || '/' : uri.slice(0, slash);
}

/** The deepest folder that is an ancestor (or equal) of every one of `dirs`. */
export function commonAncestor(dirs: readonly string[]): string {
  if (dirs.length === 0) return '/';
  let common = dirs[0].split('/');
  for (const dir of dirs.slice(1)) {
    const parts = dir.split('/');
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  const joined = common.join('/');
  return joined === '' ? '/' : joined;
}

/**
 * Writes `content` so that readers see either the old file or the whole new one: the text
 * goes to a temporary file in the same folder (so the rename stays on one file system),
 * then replaces the target in one rename.
 */
export function writeFileAtomic(uri: string, content: string, cwd: string): void {
  const temp = `${parentOf(uri)}/.${uri.slice(uri.lastIndexOf('/') + 1)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(parentOf(uri), { recursive: true });
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, uri);
  } catch (error) {
    removeIfPresent(temp);
    throw new InputError(`${displayPath(uri, cwd)}: error: cannot write the file (${describeFsError(error)})`);
  }
}

/** Removes a file if it exists; reports whether there was one. */
export function removeIfPresent(uri: string): boolean {
  try {
    fs.unlinkSync(uri);
    return true;
  } catch {
    return false;
  }
}

/** Node's error codes in words a user understands. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

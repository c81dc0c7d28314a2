/**
 * Everything the CLI does with the file system: finding scripts, reading them as strict
 * UTF-8, naming them for the user, and writing outputs atomically.
 *
 * Documents are identified by absolute paths written with `/` (the pure language layer
 * does path arithmetic on `/` only); Node's `fs` accepts that form on every platform.
 */
import { msg, type MessageKey, type Msg } from '../language';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { decodeUtf8 } from './decode';
import { InputError } from './errors';

/** The document identity of a path: absolute, with `/` separators. */
export function toUri(file: string, cwd: string): string {
  return path.resolve(cwd, file).split(path.sep).join('/');
}

/** How a document is named in messages: relative to the working directory, with `/`. */
export function displayPath(uri: string, cwd: string): string {
  // The common case, a file below the working folder, without `path.relative`'s work
  // (a run prints one path per finding: thousands from a warm cache).
  if (path.sep === '/' && cwd.length > 1 && uri.startsWith(cwd) && uri.charCodeAt(cwd.length) === 0x2f && !cwd.endsWith('/')) {
    const rest = uri.slice(cwd.length + 1);
    // Anything `path.relative` would normalise (`//`, `.` or `..` segments) takes the long way.
    const plain = rest !== '' && rest.charCodeAt(0) !== 0x2e && rest.charCodeAt(0) !== 0x2f && !rest.includes('/.') && !rest.includes('//') && !rest.endsWith('/');
    if (plain && cwd.startsWith('/') && !cwd.includes('/.') && !cwd.includes('//')) return rest;
  }
  const relative = path.relative(cwd, uri.split('/').join(path.sep));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}

export interface SourceText {
  /** The text without a leading BOM; positions are counted in it, as the editor does. */
  text: string;
  bom: boolean;
}

export interface SourceBytes extends SourceText {
  /** The bytes as read, which the cache hashes. */
  bytes: Uint8Array;
}

/** Reads a script or config file; a missing, unreadable or non-UTF-8 file is an `InputError`. */
export function readSource(uri: string, cwd: string): SourceText {
  const { text, bom } = readSourceBytes(uri, cwd);
  return { text, bom };
}

/**
 * `readSource`, also giving the bytes read. The bytes are checked to be UTF-8 at once, but
 * decoded only when the text is first read: a script answered from the cache is only
 * hashed, and decoding 2,000 scripts costs a tenth of a cached run.
 */
export function readSourceBytes(uri: string, cwd: string): SourceBytes {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(uri);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(msg('cli.file.unreadable', { file: displayPath(uri, cwd), reason: fsReason(error) }), code === 'ENOENT' || code === 'ENOTDIR');
  }
  // `isUtf8` is the same strict check as the decoder's, and ten times faster than decoding.
  const decoded = isUtf8(bytes) ? undefined : decodeUtf8(bytes);
  if (decoded && !decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    throw new InputError(msg('cli.file.not-utf8', { at: `${displayPath(uri, cwd)}:${decoded.line}:${decoded.column}`, byte }));
  }
  let text = decoded?.text;
  return {
    bytes,
    bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    get text() {
      if (text === undefined) {
        const result = decodeUtf8(bytes);
        text = result.ok ? result.text : '';
      }
      return text;
    },
  };
}

/**
 * Reads a file only when it is a regular file. A named pipe (or a device) would make a
 * plain read wait for a writer for ever, so the file is opened without blocking and
 * refused when it is anything but a file. The file is read in one go at the size its
 * `fstat` gave (`readFileSync` of a descriptor would `fstat` it again), and on until the end
 * in case it grew meanwhile.
 */
export function readRegularFile(uri: string): Uint8Array {
  const fd = fs.openSync(uri, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!stat.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
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
      throw new InputError(msg('cli.file.no-input', { file: input, reason: fsReason(error) }));
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
    throw new InputError(msg('cli.file.unlistable', { file: displayPath(dir, cwd), reason: fsReason(error) }));
  }
  for (const entry of entries) {
    const child = `${dir.endsWith('/') ? dir : `${dir}/`}${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      walk(child, found, cwd, accept);
    } else if (accept(entry.name) && (entry.isFile() || isFileLink(child) || isLinkLoop(entry, child))) {
      // A link loop is kept so that reading it reports the loop by name; a link to a
      // folder or to nothing is not a script and is skipped, like any other non-file.
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

function isLinkLoop(entry: fs.Dirent, uri: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    fs.statSync(uri);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP';
  }
}

export function parentOf(uri: string): string {
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
export function writeFileAtomic(uri: string, content: string | Uint8Array, cwd: string): void {
  const temp = `${parentOf(uri)}/.${uri.slice(uri.lastIndexOf('/') + 1)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(parentOf(uri), { recursive: true });
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, uri);
  } catch (error) {
    removeIfPresent(temp);
    throw new InputError(msg('cli.file.unwritable', { file: displayPath(uri, cwd), reason: fsReason(error) }));
  }
}

/** The temporary files `writeFileAtomic` names: `.NAME.PID.HEX.tmp`. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files a killed run left in `dir` (a process killed between writing
 * a temporary file and renaming it cannot clean up). Files of a process that is still
 * running are left alone: they may be another build's, about to be renamed.
 */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (match && !isRunning(Number(match[1]))) removeIfPresent(`${dir}/${name}`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
/** `describeFsError` as a catalog message, for the reader's language. */
export function fsReason(error: unknown): Msg | string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const key = code && FS_REASONS[code];
  return key ? msg(key) : describeFsError(error);
}

const FS_REASONS: Record<string, MessageKey> = {
  ENOENT: 'cli.fs.ENOENT',
  EACCES: 'cli.fs.EACCES',
  EPERM: 'cli.fs.EACCES',
  EISDIR: 'cli.fs.EISDIR',
  ENOTDIR: 'cli.fs.ENOTDIR',
  ENOSPC: 'cli.fs.ENOSPC',
  ELOOP: 'cli.fs.ELOOP',
  ENOTREG: 'cli.fs.ENOTREG',
  EROFS: 'cli.fs.EROFS',
  EEXIST: 'cli.fs.EEXIST',
};

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
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENOTREG':
      return 'not a regular file';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EEXIST':
      return 'a file is in the way';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

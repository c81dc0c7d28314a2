/**
 * Path arithmetic on document identities. A document is named by a string that is either a
 * file path (`/home/a/x.sop`, used by the CLI) or a URI (`file:///home/a/x.sop`, used by the
 * editor); both use `/` after the scheme, so the same arithmetic serves both without `fs`
 * or `path` (which the pure language layer must not import).
 */

/** The part of `uri` before its last segment, without a trailing slash. */
export function dirnameOf(uri: string): string {
  const slash = uri.lastIndexOf('/');
  if (slash < 0) return '.';
  const head = uri.slice(0, slash);
  // Keep the root of `/x.sop` and `file:///x.sop` rather than returning an empty path.
  return head === '' || head.endsWith('/') ? head + '/' : head;
}

/** The last segment of `uri`. */
export function basenameOf(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/**
 * Resolves `relative` (as written in an `import`) against the folder `baseDir`, folding
 * `.` and `..` segments. An absolute `relative` (starting with `/`) replaces the path part.
 */
export function joinPath(baseDir: string, relative: string): string {
  const rel = relative.replace(/\\/g, '/');
  const schemeMatch = /^[a-zA-Z][\w+.-]*:\/\/[^/]*/.exec(baseDir);
  const prefix = schemeMatch ? schemeMatch[0] : '';
  const basePath = baseDir.slice(prefix.length);
  const combined = rel.startsWith('/') ? rel : `${basePath}/${rel}`;
  const absolute = combined.startsWith('/');
  const out: string[] = [];
  for (const segment of combined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  return prefix + (absolute ? '/' : '') + out.join('/');
}

/** Resolves an import path written in the file `fromUri`. */
export function resolveImport(fromUri: string, importPath: string): string {
  return joinPath(dirnameOf(fromUri), importPath);
}

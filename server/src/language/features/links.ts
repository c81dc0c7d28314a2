/** Document links: each `import` path opens the file it names. */
import type { SopFile, Span } from '../ast';
import { resolveImport } from '../paths';

export interface ImportLinkInfo {
  /** The path between the quotes. */
  span: Span;
  /** The document the path resolves to (same scheme as the importing document). */
  target: string;
}

export function importLinksOf(file: SopFile): ImportLinkInfo[] {
  const links: ImportLinkInfo[] = [];
  for (const decl of file.decls) {
    if (decl.kind !== 'import' || decl.path.value === '') continue;
    const { span } = decl.path;
    links.push({ span: { start: span.start + 1, end: span.end - 1 }, target: resolveImport(file.uri, decl.path.value) });
  }
  return links;
}

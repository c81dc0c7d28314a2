/**
 * The semantic model shared by the linter, the compiler, the simulator and the language
 * server: a script together with every file it imports (transitively, cycles allowed) and
 * the table of situations they define.
 */
import type { Situation, SopFile, StringLit } from './ast';
import type { Finding } from './finding';
import { msg, type Msg } from './i18n/messages';
import { defineLazy } from './lazy';
import { nonSituationDecls } from './syntax/parsed-file';
import { resolveImport } from './paths';

/** Reads another document by its identity; `undefined` when it does not exist. */
export interface FileHost {
  readFile(uri: string): Promise<string | undefined>;
}

/** Parses a document; callers pass a caching parser so unchanged files are not re-parsed. */
export type ParseFn = (uri: string, text: string) => SopFile;

export interface SituationEntry {
  uri: string;
  situation: Situation;
}

/** One `import` and what it resolved to. */
export interface ImportLink {
  from: string;
  path: StringLit;
  uri: string;
  /** False when the file is missing; true even when it parsed with errors. */
  found: boolean;
}

export interface Program {
  root: SopFile;
  /** Every loaded file by uri, the root first. */
  files: Map<string, SopFile>;
  imports: ImportLink[];
  /** Every definition of each situation id, in load order (more than one is a duplicate). */
  situations: Map<string, SituationEntry[]>;
}

/** Loads `root` and everything it imports. Never throws: a failed read is a missing file. */
export async function loadProgram(root: SopFile, host: FileHost, parse: ParseFn): Promise<Program> {
  const files = new Map<string, SopFile>([[root.uri, root]]);
  const imports: ImportLink[] = [];
  const queue: SopFile[] = [root];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const decl of nonSituationDecls(file)) {
      if (decl.kind !== 'import') continue;
      const uri = resolveImport(file.uri, decl.path.value);
      const known = files.get(uri);
      if (known) {
        imports.push({ from: file.uri, path: decl.path, uri, found: true });
        continue;
      }
      let text: string | undefined;
      try {
        text = await host.readFile(uri);
      } catch {
        text = undefined;
      }
      imports.push({ from: file.uri, path: decl.path, uri, found: text !== undefined });
      if (text === undefined) continue;
      const imported = parse(uri, text);
      files.set(uri, imported);
      queue.push(imported);
    }
  }
  return withSituationTable({ root, files, imports });
}

/** A program of one file whose imports are not followed (for tools that need no imports). */
export function singleFileProgram(root: SopFile): Program {
  const files = new Map([[root.uri, root]]);
  return withSituationTable({ root, files, imports: [] });
}

/**
 * The program with its table of situations made when first read: the lint does not read
 * it (it counts ids per file, `situationIds` in `lint/model.ts`), and making it means
 * making every situation of every file at its current offsets (see
 * `syntax/parsed-file.ts`), which the path from a keystroke to its diagnostics avoids.
 */
function withSituationTable(parts: Omit<Program, 'situations'>): Program {
  const program = parts as Program;
  defineLazy(program, 'situations', () => indexSituations(program.files));
  return program;
}

function indexSituations(files: Map<string, SopFile>): Map<string, SituationEntry[]> {
  const situations = new Map<string, SituationEntry[]>();
  for (const [uri, file] of files) {
    for (const decl of file.decls) {
      if (decl.kind !== 'situation') continue;
      const list = situations.get(decl.id.name) ?? [];
      list.push({ uri, situation: decl });
      situations.set(decl.id.name, list);
    }
  }
  return situations;
}

/** `unresolved-import` findings for the imports written in `uri`. */
export function importFindings(program: Program, uri: string): (Omit<Finding, 'severity' | 'message'> & { message: Msg })[] {
  const findings: (Omit<Finding, 'severity' | 'message'> & { message: Msg })[] = [];
  for (const link of program.imports) {
    if (link.from !== uri) continue;
    if (!link.found) {
      findings.push({
        rule: 'unresolved-import',
        uri,
        span: link.path.span,
        message: msg('unresolved-import.not-found', { path: link.path.value, uri: link.uri }),
      });
    } else {
      const errors = program.files.get(link.uri)?.errors ?? [];
      if (errors.length > 0) {
        findings.push({
          rule: 'unresolved-import',
          uri,
          span: link.path.span,
          message: msg('unresolved-import.syntax-errors', { path: link.path.value, count: errors.length, first: errors[0].message }),
        });
      }
    }
  }
  return findings;
}

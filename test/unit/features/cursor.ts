/**
 * Test helpers for the editor features: scripts with the cursor marked by `|`, and
 * programs of several in-memory files (`/ws/<name>`) loaded through the real loader.
 */
import { createSopServices, parseSop, type Program, type SopFile, type Span } from '../../../server/src/language/index';

export const ROOT = '/ws/';

/** Splits `text` at its one `|`: the text without it and the cursor offset. */
export function marked(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0 || text.indexOf('|', offset + 1) >= 0) throw new Error(`mark exactly one cursor with | in ${JSON.stringify(text)}`);
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

/**
 * Loads the program rooted at the first file of `files` (names relative to `/ws/`). The
 * root may hold a `|`; its offset comes back with the program.
 */
export async function programOf(files: Record<string, string>): Promise<{ program: Program; uri: string; offset: number }> {
  const names = Object.keys(files);
  const rootName = names[0];
  const root = files[rootName].includes('|') ? marked(files[rootName]) : { text: files[rootName], offset: -1 };
  const texts = new Map(names.map((name) => [ROOT + name, name === rootName ? root.text : files[name]]));
  const services = createSopServices();
  const program = await services.loadProgram(services.parse(ROOT + rootName, root.text), {
    readFile: async (uri) => texts.get(uri),
  });
  return { program, uri: ROOT + rootName, offset: root.offset };
}

/** Parses `/ws/<name>` on its own. */
export function fileOf(name: string, text: string): SopFile {
  return parseSop(ROOT + name, text);
}

/** The text a span covers in a file. */
export function textAt(file: { text: string }, span: Span): string {
  return file.text.slice(span.start, span.end);
}

/** Applies editor-neutral edits to a text (last first, as editors do). */
export function applyEdits(text: string, edits: ReadonlyArray<{ span: Span; newText: string }>): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

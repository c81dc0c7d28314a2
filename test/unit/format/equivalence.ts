/**
 * What "formatting changed nothing but layout" means, as test helpers: the same syntax tree
 * once positions are ignored, and the same comments in the same order.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { SopFile } from '../../../server/src/language/ast';

export const repoRoot = path.resolve(__dirname, '../../..');

/** A deep copy of a syntax tree without its `span`s, which formatting is allowed to move. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'span') out[key] = withoutSpans(child);
  }
  return out;
}

/** The tree of a parse, comparable across layouts. */
export function shapeOf(file: SopFile): unknown {
  return withoutSpans({ header: file.header, decls: file.decls });
}

/**
 * The comments of a parse in order: their text (the formatter trims trailing blanks) and
 * whether they follow code on their line.
 */
export function commentsOf(file: SopFile): { text: string; trailing: boolean }[] {
  return file.comments.map((c) => ({ text: c.text.trimEnd(), trailing: c.trailing }));
}

/** Every `.sop` file under a folder, recursively, as sorted absolute paths. */
export function sopFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sopFilesUnder(full));
    else if (entry.name.endsWith('.sop')) found.push(full);
  }
  return found.sort();
}

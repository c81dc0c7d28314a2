/**
 * Renaming a situation or a variable everywhere it is written, across the files given
 * (see `navigation.ts` for which files those are). A new name must be an identifier that
 * is no keyword in either spelling, and must not take the name of another situation or
 * variable: that would silently merge two of them.
 */
import { EN, type Messages } from '../i18n/messages';
import type { SopFile, Span } from '../ast';
import type { TextEdit } from '../finding';
import { keywordOf } from '../keywords';
import { occurrencesOf, symbolAt, type NamedSymbol } from './navigation';

export type PrepareRenameResult = { span: Span; name: string } | { error: string };

/** Renames, grouped by document: every edit of one uri refers to that document's text. */
export type RenameResult = { edits: Map<string, TextEdit[]> } | { error: string };

const IDENT = /^[\p{L}_][\p{L}0-9_-]*$/u;

/** Whether the cursor is on something that can be renamed, and the name's span there. */
export function prepareRenameAt(file: SopFile, offset: number, messages: Messages = EN): PrepareRenameResult {
  const symbol = symbolAt(file, offset);
  if (!symbol) return { error: messages.t('rename.not-renamable') };
  return { span: symbol.span, name: symbol.name };
}

/** Why `name` cannot be a new situation id or variable name, or `undefined` when it can. */
export function checkNewName(name: string, messages: Messages = EN): string | undefined {
  if (!IDENT.test(name)) return messages.t('rename.not-identifier', { name });
  const keyword = keywordOf(name);
  if (keyword) return messages.t('rename.keyword', { name, keyword });
  return undefined;
}

export function renameAt(file: SopFile, offset: number, newName: string, files: Iterable<SopFile>, messages: Messages = EN): RenameResult {
  const symbol = symbolAt(file, offset);
  if (!symbol) return { error: messages.t('rename.not-renamable') };
  const problem = checkNewName(newName, messages);
  if (problem) return { error: problem };
  const all = [file, ...files];
  if (newName !== symbol.name) {
    const clash: NamedSymbol = { kind: symbol.kind, name: newName };
    if (occurrencesOf(all, clash).some((o) => o.declaration)) {
      return { error: messages.t('rename.taken', { kind: symbol.kind, name: newName }) };
    }
  }
  const edits = new Map<string, TextEdit[]>();
  for (const occurrence of occurrencesOf(all, symbol)) {
    const list = edits.get(occurrence.uri) ?? [];
    list.push({ span: occurrence.span, newText: newName });
    edits.set(occurrence.uri, list);
  }
  return { edits };
}

/** `textDocument/completion` over `completeAt` (see `language/features/completion.ts`). */
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { completeAt, type CompletionKind } from '../../language';
import { matcherForConfig } from '../../language/config';
import { toOffset, toRange } from '../convert';
import type { ServerState } from '../state';
import { indexOf } from './shared';

export const capabilities: ServerCapabilities = {
  completionProvider: { triggerCharacters: [' ', '{', '"', '“'], resolveProvider: false },
};

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  keyword: CompletionItemKind.Keyword,
  situation: CompletionItemKind.Function,
  variable: CompletionItemKind.Variable,
  duration: CompletionItemKind.Unit,
  phrase: CompletionItemKind.Text,
  tag: CompletionItemKind.EnumMember,
};

/** Reopens the list after an entry whose argument can be completed too (`goto ` → ids). */
const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function register(connection: Connection, state: ServerState): void {
  connection.onCompletion(
    state.guard(
      'Completion',
      async (params: CompletionParams): Promise<CompletionList> => {
        const uri = params.textDocument.uri;
        const program = await state.getProgram(uri);
        if (!program) return { isIncomplete: false, items: [] };
        const index = indexOf(program.root);
        const matcher = matcherForConfig(await state.getConfig(uri));
        const entries = completeAt(program, uri, toOffset(index, params.position), {
          messages: state.services.messages,
          isBanned: (phrase) => matcher.find(phrase).length > 0,
          triggerCharacter: params.context?.triggerCharacter,
        });
        const items = entries.map((entry): CompletionItem => ({
          label: entry.label,
          kind: KINDS[entry.kind],
          ...(entry.detail ? { detail: entry.detail } : {}),
          ...(entry.documentation ? { documentation: { kind: 'markdown', value: entry.documentation } } : {}),
          textEdit: { range: toRange(index, entry.span), newText: entry.newText },
          insertTextFormat: InsertTextFormat.PlainText,
          sortText: entry.sortText,
          ...(entry.filterText ? { filterText: entry.filterText } : {}),
          ...(entry.retrigger ? { command: RETRIGGER } : {}),
        }));
        // Durations depend on the digits typed (`15` → `15s`), so the list is asked for again.
        return { isIncomplete: entries.some((e) => e.kind === 'duration'), items };
      },
      { isIncomplete: false, items: [] },
    ),
  );
}

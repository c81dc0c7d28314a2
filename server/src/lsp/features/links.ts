/** `textDocument/documentLink`: each `import` path links to the file it resolves to. */
import type { Connection, DocumentLink, DocumentLinkParams, ServerCapabilities } from 'vscode-languageserver';
import { importLinksOf } from '../../language';
import { toRange } from '../convert';
import type { ServerState } from '../state';
import { indexOf } from './shared';

export const capabilities: ServerCapabilities = { documentLinkProvider: { resolveProvider: false } };

export function register(connection: Connection, state: ServerState): void {
  connection.onDocumentLinks(
    state.guard(
      'Document links',
      async (params: DocumentLinkParams): Promise<DocumentLink[]> => {
        const file = await state.getFile(params.textDocument.uri);
        if (!file) return [];
        const index = indexOf(file);
        return importLinksOf(file).map((link) => ({
          range: toRange(index, link.span),
          target: link.target,
          tooltip: state.services.messages.t('link.open', { file: link.target.slice(link.target.lastIndexOf('/') + 1) }),
        }));
      },
      [],
    ),
  );
}

/** `textDocument/hover` over `hoverAt` (see `language/features/hover.ts`). */
import type { Connection, Hover, HoverParams, ServerCapabilities } from 'vscode-languageserver';
import { hoverAt } from '../../language';
import { matcherForConfig } from '../../language/config';
import { toOffset, toRange } from '../convert';
import type { ServerState } from '../state';
import { indexOf } from './shared';

export const capabilities: ServerCapabilities = { hoverProvider: true };

export function register(connection: Connection, state: ServerState): void {
  connection.onHover(
    state.guard(
      'Hover',
      async (params: HoverParams): Promise<Hover | null> => {
        const uri = params.textDocument.uri;
        const program = await state.getProgram(uri);
        if (!program) return null;
        const index = indexOf(program.root);
        const [config, findings] = await Promise.all([state.getConfig(uri), state.getFindings(uri)]);
        const info = hoverAt(program, uri, toOffset(index, params.position), { matcher: matcherForConfig(config), findings, messages: state.services.messages });
        if (!info) return null;
        return { contents: { kind: 'markdown', value: info.markdown }, range: toRange(index, info.span) };
      },
      null,
    ),
  );
}

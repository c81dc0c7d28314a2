/**
 * `textDocument/codeLens`: "Graph" and "Simulate" above each situation. The commands are
 * the client's (`sop.showGraph`, `sop.simulate`); their arguments are the document URI and
 * the situation id, plain JSON, so the lenses need no resolve step.
 */
import type { CodeLens, CodeLensParams, Connection, ServerCapabilities } from 'vscode-languageserver';
import { situationLensesOf } from '../../language';
import { toRange } from '../convert';
import type { ServerState } from '../state';
import { indexOf } from './shared';

export const SHOW_GRAPH_COMMAND = 'sop.showGraph';
export const SIMULATE_COMMAND = 'sop.simulate';

export const capabilities: ServerCapabilities = { codeLensProvider: { resolveProvider: false } };

export function register(connection: Connection, state: ServerState): void {
  connection.onCodeLens(
    state.guard(
      'Code lenses',
      async (params: CodeLensParams): Promise<CodeLens[]> => {
        const uri = params.textDocument.uri;
        const file = await state.getFile(uri);
        if (!file) return [];
        const index = indexOf(file);
        const messages = state.services.messages;
        return situationLensesOf(file).flatMap((lens) => {
          const range = toRange(index, lens.span);
          const args = [uri, lens.situation];
          return [
            { range, command: { title: messages.t('lens.graph'), tooltip: messages.t('lens.graph.tooltip'), command: SHOW_GRAPH_COMMAND, arguments: args } },
            { range, command: { title: messages.t('lens.simulate'), tooltip: messages.t('lens.simulate.tooltip'), command: SIMULATE_COMMAND, arguments: args } },
          ] as CodeLens[];
        });
      },
      [],
    ),
  );
}

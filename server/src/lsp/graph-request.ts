/**
 * The custom request `sop/graph` ("SOP: Show Flow Graph"): the flow graph of a script as
 * the editor holds it (unsaved edits count, imports included), with the findings of every
 * open file of the program marked on it. Files are named by their URIs (the compiler's
 * default naming), so the client can reveal a step's line. The shapes are in
 * `protocol.ts`, shared with the client.
 */
import type { Connection } from 'vscode-languageserver';
import { buildFlowGraph, type FlowMark } from '../language';
import { basenameOf } from '../language/paths';
import type { SopWorkspace } from './documents';
import { GRAPH_REQUEST, type GraphParams, type GraphResult } from './protocol';

export function registerGraphRequest(connection: Connection, workspace: SopWorkspace): void {
  connection.onRequest(
    GRAPH_REQUEST,
    workspace.guard(
      'Flow graph',
      async (params: GraphParams): Promise<GraphResult> => {
        const uri = params?.uri;
        const messages = workspace.services.messages;
        if (typeof uri !== 'string') return { error: messages.t('graph.request.no-uri') };
        const version = workspace.getDocument(uri)?.version ?? null;
        const program = await workspace.getProgram(uri);
        if (!program) return { error: messages.t('compile.unreadable', { file: basenameOf(uri) }) };
        // The findings are the ones the diagnostics show (cached per document version).
        const marks: FlowMark[] = [];
        for (const [fileUri, file] of program.files) {
          for (const finding of await workspace.getFindings(fileUri)) {
            const text = program.files.get(finding.uri)?.text ?? file.text;
            const line = workspace.indexFor(finding.uri, text).positionAt(finding.span.start).line + 1;
            marks.push({ file: finding.uri, line, severity: finding.severity });
          }
        }
        return { graph: buildFlowGraph(workspace.services.compile(program), marks), version };
      },
      // Read when it is sent, so it is in the locale the client gave in `initialize`.
      {
        get error() {
          return workspace.services.messages.t('graph.request.failed');
        },
      },
    ),
  );
}

/**
 * `sop graph FILE [--format mermaid|dot]`: prints the situations of a script and its
 * imports, and how each one reaches another (a `goto`), a transfer queue, the hang-up or
 * the agent, as a Mermaid flowchart (default) or Graphviz DOT.
 *
 * Decisions (documented in `sop graph --help`):
 * - the diagram is drawn for any script that parses, lint errors or not: seeing the jumps
 *   is how one finds a bad one (a `goto` to an unknown id is drawn as a red node);
 * - a syntax error or a missing import stops it (exit 1), since the diagram would silently
 *   lack what could not be read;
 * - no `sop.config.json` is read: nothing in it changes the diagram.
 */
import { createSopServices, EN, GRAPH_FORMATS, renderSituationGraph } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { EXIT_FINDINGS, EXIT_OK } from '../errors';
import { displayPath } from '../files';
import { helpText } from '../help';
import type { Io } from '../io';
import { chooseFormat, loadScript, printFindings, singleScript, unusableProgram } from './one-script';
import { HELP_OPTION } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, { name: 'format', kind: 'value', short: 'f' }];

export async function runGraph(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'graph');
  if (args.flags.has('help')) {
    io.out(helpText('graph', io.messages));
    return EXIT_OK;
  }
  const format = chooseFormat(args.values.get('format'), GRAPH_FORMATS, 'graph');
  const uri = singleScript(args.positionals, io, 'graph');

  const loaded = await loadScript(uri, createSopServices({ locale: io.messages?.locale, incremental: false }), io);
  const problems = unusableProgram(loaded, io.messages);
  if (problems.length > 0) {
    printFindings(problems, io);
    io.err(`sop graph: ${(io.messages ?? EN).t('cli.graph.not-drawn', { file: displayPath(uri, io.cwd) })}\n`);
    return EXIT_FINDINGS;
  }
  io.out(renderSituationGraph(loaded.program, format, { displayPath: (u) => displayPath(u, io.cwd) }));
  return EXIT_OK;
}

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
import { createSopServices, GRAPH_FORMATS, renderSituationGraph } from '../../language';
import { parseArgs, type OptionSpec } from '../args';
import { EXIT_FINDINGS, EXIT_OK } from '../errors';
import { displayPath } from '../files';
import { GRAPH_HELP } from '../help';
import type { Io } from '../io';
import { chooseFormat, loadScript, printFindings, singleScript, unusableProgram } from './one-script';
import { HELP_OPTION } from './shared';

const OPTIONS: OptionSpec[] = [HELP_OPTION, { name: 'format', kind: 'value', short: 'f' }];

export async function runGraph(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, OPTIONS, 'graph');
  if (args.flags.has('help')) {
    io.out(GRAPH_HELP);
    return EXIT_OK;
  }
  const format = chooseFormat(args.values.get('format'), GRAPH_FORMATS, 'graph');
  const uri = singleScript(args.positionals, io, 'graph');

  const loaded = await loadScript(uri, createSopServices({ incremental: false }), io);
  const problems = unusableProgram(loaded);
  if (problems.length > 0) {
    printFindings(problems, io);
    io.err(`sop graph: ${displayPath(uri, io.cwd)} not drawn: fix the errors above first\n`);
    return EXIT_FINDINGS;
  }
  io.out(renderSituationGraph(loaded.program, format, { displayPath: (u) => displayPath(u, io.cwd) }));
  return EXIT_OK;
}

/**
 * The `--help` texts. Each is what a script writer or a build engineer needs to run the
 * command without opening the docs: what it does, its options, its exit statuses.
 */

export const MAIN_HELP = `sop — check, compile, format, draw and simulate call-center SOP scripts (.sop)

Usage:
  sop <command> [options] [paths…]
  sop graph FILE [--format mermaid|dot]
  sop simulate FILE --situation ID [--events silence,reply,…]

Commands:
  check     lint scripts and report problems
  build     lint, then compile each clean script to JSON
  fmt       format scripts in place (or only report, with --check)
  graph     draw a script's situations and their jumps (Mermaid or Graphviz DOT)
  simulate  walk a situation as the IVR would, printing a timed transcript
  test      run script tests (*.sop-test.yaml) on the simulator

Options:
  -h, --help     show this help (or a command's: sop check --help)
  -v, --version  print the version

Paths (check, build, fmt) are files or folders; folders are searched for .sop files recursively, skipping
node_modules and folders whose name starts with a dot. The default is the current folder.

Exit status: 0 success, 1 problems found, 2 bad usage, unreadable input or a broken
sop.config.json.
`;

export const CHECK_HELP = `Usage: sop check [options] [paths…]

Lints .sop scripts (each with the nearest sop.config.json above it) and prints the
problems found, each with its file:line:column and rule id.

Options:
  --format NAME        stylish (default: grouped by file, with a summary)
                       json    (an array of {file, line, column, endLine, endColumn,
                                rule, severity, message})
                       sarif   (SARIF 2.1.0, for code-scanning services)
                       github  (GitHub Actions annotations)
                       compact (path:line:column: severity: message [rule-id])
  --max-warnings N     fail (exit 1) when there are more than N warnings
  --quiet              report errors only
  --rule ID=SEVERITY   override a rule's severity (error, warning, info, hint, off);
                       repeatable; wins over sop.config.json
  -h, --help           show this help

Lines and columns are 1-based; columns count UTF-16 code units, as editors do.

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors found or too
many warnings, 2 bad usage, unreadable input or a broken sop.config.json.

Examples:
  sop check
  sop check samples --format compact
  sop check scripts/ --rule long-phrase=off --max-warnings 0
`;

export const BUILD_HELP = `Usage: sop build [options] [paths…]

Lints each script, then compiles every script without errors to one JSON document
(format "sop-script/1", see docs/output-format.md).

Options:
  --out DIR            where the JSON goes (default: out)
  --quiet              report errors only
  --rule ID=SEVERITY   override a rule's severity (error, warning, info, hint, off);
                       repeatable; wins over sop.config.json
  -h, --help           show this help

Output files mirror the folders of the scripts below the deepest folder that holds all
the inputs: "sop build samples" writes samples/a/b.sop to out/a/b.json. Each file is
written to a temporary file first and renamed into place, so a reader never sees half a
file. A script with errors gets no output, and its output from an earlier run is
removed, so that out/ never holds a stale script.

Exit status: 0 every script compiled, 1 some script has errors, 2 bad usage, unreadable
input or a broken sop.config.json.
`;

export const FMT_HELP = `Usage: sop fmt [options] [paths…]

Formats scripts in place: 2-space indentation, one step per line, one blank line between
situations. Comments, keyword spellings and quote styles are kept. A file is only
rewritten when its text changes, and then atomically.

Options:
  --check      change nothing; list the files that would change
  -h, --help   show this help

A file with syntax errors is left untouched; the first error is reported with its
file:line:column.

Exit status: 0 all files formatted (or already formatted), 1 some file would change
(with --check) or has syntax errors, 2 bad usage or unreadable input.
`;

export const GRAPH_HELP = `Usage: sop graph [options] FILE

Prints the situations of a script and of the files it imports, and how each one goes on:
to another situation (goto), to a transfer queue, to the hang-up, or to the agent taking
over. Each arrow is labelled with how it is taken: "next" (straight through), "reply"
(after the caller answered a wait) or "silence" (after the caller stayed silent).

Options:
  --format NAME   mermaid (default: a Mermaid flowchart, for Markdown and GitHub)
                  dot     (Graphviz: sop graph FILE --format dot | dot -Tsvg > flow.svg)
  -h, --help      show this help

The diagram is drawn even when the script has lint errors (a goto to an unknown
situation is a red node); a syntax error or a missing import stops it.

Exit status: 0 drawn, 1 the script (or a file it imports) has syntax errors or an import
is missing, 2 bad usage or unreadable input.

Examples:
  sop graph samples/complaints.sop > complaints.mmd
  sop graph samples/service.sop --format dot | dot -Tsvg > service.svg
`;

export const SIMULATE_HELP = `Usage: sop simulate [options] FILE --situation ID

Walks a situation of the compiled script as an IVR engine would and prints a timed
transcript: what is said, each wait and what the caller did, notes, promises, holds,
jumps, and how the call ends.

Options:
  -s, --situation ID     the situation to start in (required)
  -e, --events LIST      what the caller does at each wait, in order: silence or reply
                         (also 沉默, 回应), separated by commas; repeatable. reply@2s
                         (回应@2秒) answers 2 seconds into the wait. When the events run
                         out, the caller stays silent.
  --var NAME=VALUE       fill the placeholder {NAME} with VALUE; repeatable
  --vars FILE.json       fill placeholders from a JSON object of strings,
                         e.g. {"姓氏": "王"}; --var wins over it
  --format NAME          text (default: the transcript)
                         json (an array of steps, then the outcome, for programs)
  --rule ID=SEVERITY     override a rule's severity (error, warning, info, hint, off);
                         repeatable; wins over sop.config.json
  -h, --help             show this help

The clock counts what the script spends: a phrase its estimated speaking time (see
docs/output-format.md; a filled placeholder counts its value), a wait met with silence
the whole wait, a hold its maximum. A reply comes at once unless timed (reply@2s); a
reply later than its wait's timeout is an error. Unfilled placeholders stay {name}; a
name that no var declares is an error. The script is linted first (with its
sop.config.json); a script with errors is not simulated. A call that goes round for
ever (a loop the caller's silence keeps taking) is stopped where it would repeat, and
any walk after 1000 steps.

Exit status: 0 the call ended (hang-up, transfer or the agent taking over), 1 the script
has errors or the call never ends, 2 bad usage (a bad event or variable, a reply later
than its wait), an unknown situation, unreadable input or a broken sop.config.json or
--vars file.

Examples:
  sop simulate samples/greeting-and-line.sop --situation 无声电话
  sop simulate samples/service.sop -s hold_for_lookup --events reply@2s
  sop simulate samples/complaints.sop -s complaint_complex --var 姓氏=王
  sop simulate samples/complaints.sop -s complaint_complex -e silence,reply --format json
`;

export const TEST_HELP = `Usage: sop test [options] [paths…]

Runs script tests: each case of a *.sop-test.yaml file plays a situation of its script
on the simulator (the same walk as sop simulate) with the caller's events and checks what
the caller hears (says, never-says), how the call ends (outcome) and by when (within).
See docs/script-tests.md for the format.

Paths are test files, folders (searched recursively for *.sop-test.yaml, skipping
node_modules and dot folders) or scripts (x.sop means x.sop-test.yaml beside it). The
default is the current folder. A test file tests the script named by its "script" key,
else the script beside it with the same name.

Options:
  -r, --reporter NAME  stylish (default: each case, and for a failure its messages and
                                the expected (-) versus actual (+) transcript)
                       tap     (TAP version 14)
                       junit   (JUnit XML, for CI test reports)
  -h, --help           show this help

Problems with a test file itself (bad YAML, an unknown key, situation or variable, a
reply later than its wait) are printed on standard error as file:line:column.

Exit status: 0 every case passed, 1 a case failed, 2 bad usage, no test files, or a
test file that is not valid or cannot be run as written.

Examples:
  sop test
  sop test samples
  sop test samples/service.sop --reporter junit > test-results/sop.xml
`;

export const COMMAND_HELP: Record<string, string> = {
  check: CHECK_HELP,
  build: BUILD_HELP,
  fmt: FMT_HELP,
  graph: GRAPH_HELP,
  simulate: SIMULATE_HELP,
  test: TEST_HELP,
};

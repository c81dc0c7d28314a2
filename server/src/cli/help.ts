/**
 * The `--help` texts. Each is what a script writer or a build engineer needs to run the
 * command without opening the docs: what it does, its options, its exit statuses.
 */

export const MAIN_HELP = `sop — check, compile and format call-center SOP scripts (.sop)

Usage:
  sop <command> [options] [paths…]

Commands:
  check   lint scripts and report problems
  build   lint, then compile each clean script to JSON
  fmt     format scripts in place (or only report, with --check)

Options:
  -h, --help     show this help (or a command's: sop check --help)
  -v, --version  print the version

Paths are files or folders; folders are searched for .sop files recursively, skipping
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

export const COMMAND_HELP: Record<string, string> = { check: CHECK_HELP, build: BUILD_HELP, fmt: FMT_HELP };

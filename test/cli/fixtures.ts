/**
 * Scripts the CLI tests run on. Each is small and has a known set of findings.
 */

/**
 * Lints clean under the default rules (every wait has a plan for silence, a goodbye and a
 * pause before hanging up) and is already in the formatter's layout.
 */
export const CLEAN = `script "测试"

situation greeting "问候" {
  say "您好!请问有什么可以帮您?"
  wait 5s
  reply end
  fallback {
    say "感谢您的来电,再见!"
    wait 5s
    hangup
  }
}
`;

/**
 * Two broken situations, so two \`syntax\` errors: a wait without a unit at 2:20 (the
 * columns before it hold CJK and an astral character, counted in UTF-16 units), and a
 * misspelt step at 6:3.
 */
export const BROKEN = `situation broken "坏的" {
  say "您好,𠮷" wait 5
  hangup
}
situation second {
  sya "x"
}
`;

export const BROKEN_FIRST = { line: 2, column: 20 };
export const BROKEN_SECOND = { line: 6, column: 3 };

/** Valid but not in the formatter's layout: everything on one line. */
export const UNFORMATTED = `situation closing "结束" { say "再见!" wait 5s hangup }
`;

/** Not UTF-8: "你好" in GBK (0xC4E3 0xBAC3) on line 2, after 7 ASCII characters. */
export const GBK_BYTES = new Uint8Array([
  ...Buffer.from('situation gbk {\n  say "'),
  0xc4, 0xe3, 0xba, 0xc3,
  ...Buffer.from('"\n}\n'),
]);
export const GBK_POSITION = { line: 2, column: 8 };

/** The regular expression the brief gives for `--format compact` lines. */
export const COMPACT_LINE = /^(.*):(\d+):(\d+): (error|warning|info|hint): (.*) \[([a-z-]+)\]$/;

/** A GitHub Actions annotation as `--format github` prints it. */
export const GITHUB_LINE =
  /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z-]+)::(.+)$/;

/** Clean for the linter, but Amazon Connect waits whole seconds only (`export-limit` at 3:3). */
export const HALF_SECOND = `situation greeting "问候" {
  say "您好!请问有什么可以帮您?"
  wait 5500ms
  reply end
  fallback {
    say "感谢您的来电,再见!"
    wait 5s
    hangup
  }
}
`;

/** Clean for the linter; a transfer whose queue no platform is told of (`export-unmapped-queue`). */
export const TRANSFER = 'situation a "转接" {\n  say "请稍等,我为您转接投诉处理组。"\n  transfer "投诉处理组"\n}\n';

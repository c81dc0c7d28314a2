/**
 * Editor-neutral lint and syntax results. Adapters (`lsp/convert.ts`, the CLI printers)
 * turn these into diagnostics or text; nothing here knows about either.
 */
import type { Span } from './ast';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A rule's configured level: a severity, or `off` to disable it. */
export type Level = Severity | 'off';

/** One replacement of the document text; `span` offsets refer to the text that was linted. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A repair offered with a finding; `safe` fixes may be applied by "fix all" unattended. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safe?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The file the finding is about (the `uri` of its `SopFile`, or a config file). */
  uri: string;
  span: Span;
  fixes?: Fix[];
}

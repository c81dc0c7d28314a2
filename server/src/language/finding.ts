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

/**
 * A repair offered with a finding; `safe` fixes may be applied by "fix all" unattended.
 * Rules give the title as a message (`Fix<Msg>`); findings carry it rendered.
 */
export interface Fix<Title = string> {
  title: Title;
  edits: TextEdit[];
  safe?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Rendered in the locale the lint was asked for (English by default). */
  message: string;
  /** The catalog key the message was rendered from (SARIF's `message.id`). */
  messageId?: string;
  /** The file the finding is about (the `uri` of its `SopFile`, or a config file). */
  uri: string;
  span: Span;
  fixes?: Fix[];
}

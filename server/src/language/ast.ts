/**
 * The syntax tree of a `.sop` file.
 *
 * Every node carries a `span` of UTF-16 offsets into the whole document text (not into the
 * situation block it was parsed from), so consumers never need to know about the per-block
 * parsing strategy. Line/column positions are derived lazily through `LineIndex`.
 */
import type { Msg } from './i18n/messages';

/** A half-open range `[start, end)` of UTF-16 code-unit offsets into the document. */
export interface Span {
  start: number;
  end: number;
}

/** Which of the two interchangeable keyword spellings the author used. */
export type Spelling = 'en' | 'zh';

/** A keyword occurrence; formatters and quick fixes keep the author's spelling. */
export interface Keyword {
  span: Span;
  spelling: Spelling;
}

/** `{name}` inside a string literal; `span` covers the braces too. */
export interface Placeholder {
  name: string;
  span: Span;
}

export interface StringLit {
  kind: 'string';
  span: Span;
  /** The text between the quotes exactly as written (escapes not processed). */
  raw: string;
  /** The unescaped text; placeholders stay in it as `{name}`. */
  value: string;
  quote: 'ascii' | 'cjk';
  placeholders: Placeholder[];
}

export type DurationUnit = 'ms' | 's' | 'm' | 'h' | 'd' | '毫秒' | '秒' | '分钟' | '小时' | '天';

export interface Duration {
  kind: 'duration';
  span: Span;
  /** The number as written, e.g. `1.5`. */
  amount: number;
  unit: DurationUnit;
  /** The duration in milliseconds, rounded to an integer. */
  ms: number;
  raw: string;
}

export interface Ident {
  kind: 'ident';
  name: string;
  span: Span;
}

export interface HeaderField {
  keyword: Keyword;
  value: StringLit;
  span: Span;
}

export interface Header {
  script?: HeaderField;
  version?: HeaderField;
  locale?: HeaderField;
}

export interface ImportDecl {
  kind: 'import';
  span: Span;
  keyword: Keyword;
  path: StringLit;
}

export interface VarDecl {
  kind: 'var';
  span: Span;
  keyword: Keyword;
  names: Ident[];
}

export interface WhenClause {
  kind: 'when';
  span: Span;
  keyword: Keyword;
  text: StringLit;
}

export interface Situation {
  kind: 'situation';
  span: Span;
  keyword: Keyword;
  id: Ident;
  title?: StringLit;
  tagsKeyword?: Keyword;
  tags: Ident[];
  when?: WhenClause;
  steps: Step[];
  /**
   * True when part of the situation failed to parse. Its `steps` then hold only what could
   * be recovered, so rules about the shape of the whole body (dead ends, missing fallbacks)
   * must skip it; the `syntax` finding already tells the author what is wrong.
   */
  hasErrors: boolean;
}

export type Decl = ImportDecl | VarDecl | Situation;

interface StepBase {
  span: Span;
  keyword: Keyword;
}

export interface SayStep extends StepBase {
  kind: 'say';
  text: StringLit;
}

export interface WaitStep extends StepBase {
  kind: 'wait';
  duration: Duration;
  reply?: Branch;
  fallback?: Branch;
}

/** The `reply` or `fallback` part of a `wait`. */
export interface Branch {
  kind: 'reply' | 'fallback';
  span: Span;
  keyword: Keyword;
  /** True for `{ … }`, false for a single step written without braces. */
  braces: boolean;
  steps: Step[];
}

export interface NoteStep extends StepBase {
  kind: 'note';
  text: StringLit;
}

export interface PromiseStep extends StepBase {
  kind: 'promise';
  duration: Duration;
  text?: StringLit;
}

export interface HoldStep extends StepBase {
  kind: 'hold';
  duration?: Duration;
}

export interface GotoStep extends StepBase {
  kind: 'goto';
  target: Ident;
}

export interface TransferStep extends StepBase {
  kind: 'transfer';
  target: StringLit;
}

export interface HangupStep extends StepBase {
  kind: 'hangup';
}

export interface EndStep extends StepBase {
  kind: 'end';
}

export type Step =
  | SayStep
  | WaitStep
  | NoteStep
  | PromiseStep
  | HoldStep
  | GotoStep
  | TransferStep
  | HangupStep
  | EndStep;

export type StepKind = Step['kind'];

/** A `#` comment; `trailing` is true when code precedes it on the same line. */
export interface Comment {
  span: Span;
  /** The text after `#`, untrimmed. */
  text: string;
  trailing: boolean;
}

export interface SyntaxError {
  /** A catalog message, rendered in the reader's language by whoever shows it. */
  message: Msg;
  span: Span;
}

/** The result of parsing one file: never thrown, always complete as far as the text allows. */
export interface SopFile {
  /** The document's identity: a file path in the CLI, a URI in the editor. */
  uri: string;
  text: string;
  header: Header;
  decls: Decl[];
  comments: Comment[];
  errors: SyntaxError[];
}

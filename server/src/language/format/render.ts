/**
 * The second half of the formatter: the laid-out lines written as text, with every comment
 * and the author's blank lines merged back in.
 *
 * Comments are not taken from the parser's list but read from the gaps between the tokens
 * the layout copies: in a file that parsed, such a gap holds only whitespace and comments.
 * Checking that is also the formatter's safety net: a gap with anything else in it means
 * the layout missed a token, and the file is then left alone rather than losing text.
 */
import { isBlank, type Line, type Token } from './layout';

/** A `#` comment found in a gap, its text trimmed at the end. */
interface GapComment {
  start: number;
  end: number;
  text: string;
  /** Code precedes it on its source line, so it stays at the end of that code's line. */
  trailing: boolean;
}

const INDENT = '  ';

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r';
}

/** The comments between `from` and `to`, or undefined when the gap holds anything else. */
function scanGap(text: string, from: number, to: number, afterToken: boolean): GapComment[] | undefined {
  const comments: GapComment[] = [];
  let sawBreak = !afterToken;
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (isBreak(ch)) {
      sawBreak = true;
      i++;
    } else if (isBlank(ch)) {
      i++;
    } else if (ch === '#') {
      let end = i;
      while (end < to && !isBreak(text[end])) end++;
      comments.push({ start: i, end, text: text.slice(i, end).trimEnd(), trailing: !sawBreak });
      i = end;
    } else {
      return undefined;
    }
  }
  return comments;
}

/** Whether the whitespace-and-comment text holds a line with nothing but blanks on it. */
function hasBlankLine(text: string, from: number, to: number): boolean {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') continue;
    if (isBreak(ch)) {
      if (++breaks >= 2) return true;
    } else if (!isBlank(ch)) {
      breaks = 0;
    }
  }
  return false;
}

/** The offset of the first text the layout did not account for (see `renderLines`). */
export interface Unaccounted {
  offset: number;
}

/**
 * Writes the lines with the comments of `text` merged in, one string per output line
 * ('' for a blank line). Returns where the text holds something the layout missed instead,
 * so the caller can refuse to format rather than drop it.
 */
export function renderLines(text: string, lines: Line[]): string[] | Unaccounted {
  const out: string[] = [];
  let prevEnd = 0;
  let afterToken = false;
  // True while the last thing written is a `{` (a comment on its line does not count).
  let afterOpen = false;
  const pushBlank = (): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };

  for (const line of lines) {
    let current: string | undefined;
    for (let i = 0; i < line.tokens.length; i++) {
      const token: Token = line.tokens[i];
      // Tokens must come in source order, or the layout has lost track of the text.
      const comments = token.start >= prevEnd ? scanGap(text, prevEnd, token.start, afterToken) : undefined;
      if (!comments) return { offset: prevEnd };
      const lineStart = i === 0;
      // A separation the layout requires counts as met by any blank line the author left
      // in the gap, wherever it is among the comments there.
      let forceBlank = lineStart && line.blankBefore && !hasBlankLine(text, prevEnd, token.start);
      for (const comment of comments) {
        if (comment.trailing) {
          if (current !== undefined) {
            out.push(`${current} ${comment.text}`);
            current = undefined;
          } else {
            out[out.length - 1] += ` ${comment.text}`;
          }
        } else {
          if (current !== undefined) {
            out.push(current);
            current = undefined;
          }
          if (lineStart) {
            if (forceBlank) pushBlank();
            else if (!afterOpen && hasBlankLine(text, prevEnd, comment.start)) pushBlank();
            forceBlank = false;
          }
          // A comment above a `}` belongs to the block's body, so it takes the body's indent;
          // one inside a line that had to be broken takes the continuation indent.
          const level = !lineStart || line.kind === 'close' ? line.indent + 1 : line.indent;
          out.push(INDENT.repeat(level) + comment.text);
          afterOpen = false;
        }
        prevEnd = comment.end;
      }
      const word = text.slice(token.start, token.end);
      if (current !== undefined) {
        current += (token.glue ? '' : ' ') + word;
      } else if (lineStart) {
        const blankAllowed = line.kind === 'item' || line.kind === 'situation';
        if (forceBlank || (blankAllowed && !afterOpen && hasBlankLine(text, prevEnd, token.start))) pushBlank();
        current = INDENT.repeat(line.indent) + word;
      } else {
        // The rest of a line broken by a comment continues one level deeper.
        current = INDENT.repeat(line.indent + 1) + word;
      }
      prevEnd = token.end;
      afterToken = true;
      afterOpen = token.opens === true;
    }
    if (current !== undefined) out.push(current);
  }

  const rest = scanGap(text, prevEnd, text.length, afterToken);
  if (!rest) return { offset: prevEnd };
  for (const comment of rest) {
    if (comment.trailing) {
      out[out.length - 1] += ` ${comment.text}`;
    } else {
      if (hasBlankLine(text, prevEnd, comment.start)) pushBlank();
      out.push(comment.text);
    }
    prevEnd = comment.end;
  }
  return out;
}

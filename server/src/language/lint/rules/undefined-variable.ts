/** `undefined-variable`: a `{placeholder}` names no `var` of the file or its imports. */
import { msg, type Msg } from '../../i18n/messages';
import type { Ident, SopFile, Spelling, VarDecl } from '../../ast';
import type { Fix, TextEdit } from '../../finding';
import { spell } from '../../keywords';
import { eolOf, lineEndOf, lineStartOf, previousLineStart } from '../edits';
import { closestName, declaredVariables } from '../model';
import { firstDecl, nonSituationDecls } from '../../syntax/parsed-file';
import { reportsByPiece } from '../piece-reports';
import { fileFactsOf, situationStart } from '../situation-facts';
import type { Report, Rule } from '../rule';

export const undefinedVariable: Rule = {
  meta: {
    id: 'undefined-variable',
    severity: 'error',
    description: 'rule.undefined-variable.description',
  },
  check({ program, file }) {
    const declared = declaredVariables(program);
    // The placeholders of each piece are collected once, and while the declared names do
    // not change only the pieces an edit replaced are checked again: the memo keeps where
    // each undeclared name is, and its message and fixes are written here.
    const facts = fileFactsOf(file);
    const input = [...declared].join('\n');
    const undeclared = reportsByPiece(facts, 'undefined-variable', input, facts.withPlaceholders, (p) => {
      const found: Report[] = [];
      facts.pieces[p].situations.forEach(({ facts: f }, s) => {
        const base = situationStart(facts, p, s);
        for (const { name, start, end } of f.placeholders) {
          if (!declared.has(name)) found.push({ span: { start: base + start, end: base + end }, message: msg('undefined-variable.message', { name }) });
        }
      });
      return found;
    });
    return undeclared.map(({ span, message: memo }) => {
      const name = String(memo.args?.name);
      const varWord = spell('var', fileSpelling(file));
      const guess = closestName(name, declared);
      const fixes: Fix<Msg>[] = [];
      if (guess) fixes.push({ title: msg('undefined-variable.fix.change', { guess }), edits: [{ span, newText: `{${guess}}` }] });
      fixes.push({ title: msg('undefined-variable.fix.declare', { name, varWord }), edits: [declareEdit(file, name)] });
      return {
        span,
        message: guess ? msg('undefined-variable.did-you-mean', { name, varWord, guess }) : msg('undefined-variable.message', { name, varWord }),
        fixes,
      };
    });
  },
};

/** The keyword spelling the file mostly shows first: its header, else its first declaration. */
function fileSpelling(file: SopFile): Spelling {
  const header = file.header.script ?? file.header.version ?? file.header.locale;
  return header?.keyword.spelling ?? firstDecl(file)?.keyword.spelling ?? 'en';
}

/** Adds `name` to the file's first `var`, or writes a new `var` line after the header. */
function declareEdit(file: SopFile, name: string): TextEdit {
  const { text } = file;
  const first = nonSituationDecls(file).find((d): d is VarDecl => d.kind === 'var');
  if (first) {
    const last: Ident = first.names[first.names.length - 1];
    const separator = first.names.length > 1 ? text.slice(first.names[0].span.end, first.names[1].span.start) : ', ';
    return { span: { start: last.span.end, end: last.span.end }, newText: `${separator}${name}` };
  }
  const eol = eolOf(text);
  const line = `${spell('var', fileSpelling(file))} ${name}`;
  const fields = [file.header.script, file.header.version, file.header.locale].filter((f) => f !== undefined);
  if (fields.length > 0) {
    const end = lineEndOf(text, Math.max(...fields.map((f) => f.span.end)));
    return { span: { start: end, end }, newText: `${eol}${line}` };
  }
  // Before the first declaration, above the comment lines that introduce it.
  const opening = firstDecl(file);
  let at = opening ? lineStartOf(text, opening.span.start) : text.length;
  while (at > 0) {
    const previous = previousLineStart(text, at);
    if (!/^[ \t]*#/.test(text.slice(previous, at))) break;
    at = previous;
  }
  return { span: { start: at, end: at }, newText: at === text.length && at > 0 ? `${eol}${line}${eol}` : `${line}${eol}${eol}` };
}

/** `unused-variable`: a name declared with `var` that no `{placeholder}` uses. */
import { msg } from '../../i18n/messages';
import type { VarDecl } from '../../ast';
import type { TextEdit } from '../../finding';
import { spell } from '../../keywords';
import { deleteSpan } from '../edits';
import { nonSituationDecls } from '../../syntax/parsed-file';
import { usedVariables } from '../model';
import type { Report, Rule } from '../rule';

export const unusedVariable: Rule = {
  meta: {
    id: 'unused-variable',
    severity: 'hint',
    description: 'rule.unused-variable.description',
  },
  check({ program, file }) {
    const used = usedVariables(program);
    const reports: Report[] = [];
    for (const decl of nonSituationDecls(file)) {
      if (decl.kind !== 'var') continue;
      decl.names.forEach((name, index) => {
        if (used.has(name.name)) return;
        reports.push({
          span: name.span,
          message: msg('unused-variable.message', { name: name.name, varWord: spell('var', decl.keyword.spelling) }),
          fixes: [{ title: msg('fix.remove', { name: name.name }), edits: [removeName(file.text, decl, index)], safe: true }],
        });
      });
    }
    return reports;
  },
};

function removeName(text: string, decl: VarDecl, index: number): TextEdit {
  const { names } = decl;
  if (names.length === 1) return deleteSpan(text, decl.span);
  if (index > 0) return { span: { start: names[index - 1].span.end, end: names[index].span.end }, newText: '' };
  return { span: { start: names[0].span.start, end: names[1].span.start }, newText: '' };
}

/** `unused-suppression`: a suppression comment that suppresses nothing, or names no rule. */
import { msg } from '../../i18n/messages';
import type { TextEdit } from '../../finding';
import { deleteSpan } from '../edits';
import { closestName } from '../model';
import type { Report, Rule } from '../rule';
import type { Directive, DirectiveId, Silencer, SuppressionOutcome } from '../suppressions';

export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    severity: 'hint',
    description: 'rule.unused-suppression.description',
    afterSuppressions: true,
    // It judges the comments themselves; silencing it with another comment would be circular.
    unsuppressible: true,
  },
  check({ file, suppressions }) {
    if (!suppressions) return [];
    const { text } = file;
    const reports: Report[] = [];
    for (const directive of suppressions.directives) {
      for (const id of directive.ids) {
        const report = checkId(text, suppressions, directive, id);
        if (report) reports.push(report);
      }
    }
    for (const silencer of suppressions.silencers) {
      if (silencer.uses > 0) continue;
      const known = suppressions.rules.get(silencer.rule);
      // Unknown and unsilenceable ids are reported above; a rule that is off could not
      // have reported anything, so whether its suppression is needed cannot be told.
      if (silencer.rule !== '*' && (!known || !known.suppressible || known.level === 'off')) continue;
      reports.push(unusedSilencer(text, suppressions, silencer));
    }
    for (const { directive, id } of suppressions.strayEnables) {
      const named = id ? ` ${id.name}` : '';
      reports.push({
        span: id?.span ?? directive.comment.span,
        message: msg('unused-suppression.stray-enable', { named }),
        fixes: [{ title: msg('unused-suppression.fix.stray-enable'), edits: removeId(text, directive, id), safe: true }],
      });
    }
    return reports;
  },
};

function checkId(text: string, suppressions: SuppressionOutcome, directive: Directive, id: DirectiveId): Report | undefined {
  const known = suppressions.rules.get(id.name);
  if (!known) {
    const guess = closestName(id.name, [...suppressions.rules.keys()].filter((r) => suppressions.rules.get(r)?.suppressible));
    return {
      span: id.span,
      message: guess ? msg('unused-suppression.unknown-id.guess', { id: id.name, guess }) : msg('unused-suppression.unknown-id', { id: id.name }),
      fixes: guess
        ? [{ title: msg('fix.change-to', { guess }), edits: [{ span: id.span, newText: guess }] }]
        : [{ title: msg('fix.remove', { name: id.name }), edits: removeId(text, directive, id) }],
    };
  }
  if (known.suppressible) return undefined;
  return {
    span: id.span,
    message: msg(id.name === 'syntax' ? 'unused-suppression.unsilenceable.syntax' : 'unused-suppression.unsilenceable', { id: id.name }),
    fixes: [{ title: msg('fix.remove', { name: id.name }), edits: removeId(text, directive, id), safe: true }],
  };
}

function unusedSilencer(text: string, suppressions: SuppressionOutcome, silencer: Silencer): Report {
  const { directive, id } = silencer;
  const written = `sop-${directive.kind}${id ? ` ${id.name}` : ''}`;
  const where = directive.kind === 'disable-next-line' ? 'nextline' : silencer.closer ? 'region' : 'after';
  const edits = removeId(text, directive, id);
  const closer = silencer.closer;
  // Removing a region's start also removes its end, or that end would be left unmatched.
  if (closer) {
    const closesOthers = suppressions.silencers.some((s) => s !== silencer && s.closer?.directive === closer.directive);
    if (closer.id || !closesOthers) edits.push(...removeId(text, closer.directive, closer.id));
  }
  return {
    span: id?.span ?? directive.comment.span,
    message: msg('unused-suppression.unused', { written, hasRule: id ? 'yes' : 'no', rule: id ? id.name : '', where }),
    fixes: [{ title: msg('unused-suppression.fix.unused'), edits, safe: true }],
  };
}

/** Edits that take one id out of a directive, or the whole comment when it is its only id. */
function removeId(text: string, directive: Directive, id: DirectiveId | undefined): TextEdit[] {
  const { ids, comment } = directive;
  const index = id ? ids.indexOf(id) : -1;
  if (index < 0 || ids.length === 1) {
    if (!comment.trailing) return [deleteSpan(text, comment.span)];
    let start = comment.span.start;
    while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
    return [{ span: { start, end: comment.span.end }, newText: '' }];
  }
  if (index > 0) return [{ span: { start: ids[index - 1].span.end, end: ids[index].span.end }, newText: '' }];
  return [{ span: { start: ids[0].span.start, end: ids[1].span.start }, newText: '' }];
}

/** `unused-suppression`: a suppression comment that suppresses nothing, or names no rule. */
import type { TextEdit } from '../../finding';
import { deleteSpan } from '../edits';
import { closestName } from '../model';
import type { Report, Rule } from '../rule';
import type { Directive, DirectiveId, Silencer, SuppressionOutcome } from '../suppressions';

export const unusedSuppression: Rule = {
  meta: {
    id: 'unused-suppression',
    severity: 'hint',
    description: 'A suppression comment silences nothing, or names a rule that does not exist or cannot be silenced.',
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
        message: `"sop-enable${named}" has no "sop-disable${named}" above it to end; remove it`,
        fixes: [{ title: 'Remove the stray sop-enable', edits: removeId(text, directive, id), safe: true }],
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
      message: `"${id.name}" is not a rule id, so this suppression silences nothing: ${guess ? `did you mean "${guess}"?` : 'check the spelling (see docs/rules.md)'}`,
      fixes: guess
        ? [{ title: `Change to "${guess}"`, edits: [{ span: id.span, newText: guess }] }]
        : [{ title: `Remove "${id.name}"`, edits: removeId(text, directive, id) }],
    };
  }
  if (known.suppressible) return undefined;
  const advice =
    id.name === 'syntax' ? 'fix the syntax error instead' : `set "${id.name}" to "off" in sop.config.json instead`;
  return {
    span: id.span,
    message: `"${id.name}" findings cannot be silenced by a comment: ${advice}`,
    fixes: [{ title: `Remove "${id.name}"`, edits: removeId(text, directive, id), safe: true }],
  };
}

function unusedSilencer(text: string, suppressions: SuppressionOutcome, silencer: Silencer): Report {
  const { directive, id } = silencer;
  const written = `sop-${directive.kind}${id ? ` ${id.name}` : ''}`;
  const what = id ? `no ${id.name} finding` : 'no finding';
  const where =
    directive.kind === 'disable-next-line'
      ? 'starts on the next line'
      : silencer.closer
        ? 'starts between it and its sop-enable'
        : 'starts after it';
  const edits = removeId(text, directive, id);
  const closer = silencer.closer;
  // Removing a region's start also removes its end, or that end would be left unmatched.
  if (closer) {
    const closesOthers = suppressions.silencers.some((s) => s !== silencer && s.closer?.directive === closer.directive);
    if (closer.id || !closesOthers) edits.push(...removeId(text, closer.directive, closer.id));
  }
  return {
    span: id?.span ?? directive.comment.span,
    message: `"${written}" suppresses nothing: ${what} ${where}; remove it`,
    fixes: [{ title: `Remove the unused suppression`, edits, safe: true }],
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

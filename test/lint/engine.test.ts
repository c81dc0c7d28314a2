/**
 * The lint engine around the rules: configured severities, rules turned off, lexicon
 * severities capped by the rule's level, the suppression fix every finding carries, and
 * the file's line ends kept by fixes.
 */
import assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/language/config/parse-config';
import { defaultConfig, type SopConfig } from '../../server/src/language/config/types';
import type { Finding } from '../../server/src/language/finding';
import { createSopServices, singleFileProgram } from '../../server/src/language/index';
import { applyEdits } from '../../server/src/language/lint/edits';
import { RULE_METAS } from '../../server/src/language/lint/registry';

const services = createSopServices();

function lint(text: string, config: SopConfig = defaultConfig(RULE_METAS)): Finding[] {
  return services.lint(singleFileProgram(services.parse('/work/engine.sop', text)), config);
}

function configOf(json: object): SopConfig {
  const { config, findings } = parseConfig('/work/sop.config.json', JSON.stringify(json), RULE_METAS);
  assert.deepEqual(findings, []);
  return config;
}

const LONG_WAIT = `situation s "S" {
  say "请您在提示音后说出您的问题。"
  wait 90s
  reply end
  fallback goto s
}
`;

const BANNED = `situation s "S" {
  say "对不起,我不知道,没办法。"
  end
}
`;

describe('lint engine', () => {
  it('reports a rule at its configured severity', () => {
    assert.deepEqual(lint(LONG_WAIT).map((f) => [f.rule, f.severity]), [['wait-range', 'warning']]);
    const findings = lint(LONG_WAIT, configOf({ rules: { 'wait-range': 'error' } }));
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['wait-range', 'error']]);
  });

  it('runs no rule that is off', () => {
    assert.deepEqual(lint(LONG_WAIT, configOf({ rules: { 'wait-range': 'off' } })), []);
  });

  it('never reports a lexicon entry more severely than the rule is configured', () => {
    const config = configOf({
      rules: { 'banned-phrase': 'warning' },
      lexicon: [{ phrase: '没办法', message: '给出可行的下一步', severity: 'hint' }],
    });
    const findings = lint(BANNED, config).map((f) => [f.rule, f.severity, BANNED.slice(f.span.start, f.span.end)]);
    assert.deepEqual(findings, [
      ['banned-phrase', 'warning', '我不知道'],
      ['banned-phrase', 'hint', '没办法'],
    ]);
  });

  it('offers a suppression comment above the finding, indented like its line', () => {
    const [finding] = lint(LONG_WAIT);
    const fix = finding.fixes?.find((f) => f.title.startsWith('Suppress'));
    assert.ok(fix);
    const fixed = applyEdits(LONG_WAIT, fix.edits);
    assert.match(fixed, /\n {2}# sop-disable-next-line wait-range\n {2}wait 90s\n/);
    assert.deepEqual(lint(fixed), []);
  });

  it('adds the id to a suppression comment already on the line above', () => {
    const text = LONG_WAIT.replace('  wait 90s', '  # sop-disable-next-line long-phrase\n  wait 90s');
    const suppress = lint(text).find((f) => f.rule === 'wait-range')?.fixes?.find((f) => f.title.startsWith('Suppress'));
    assert.ok(suppress);
    const fixed = applyEdits(text, suppress.edits);
    assert.match(fixed, /# sop-disable-next-line long-phrase, wait-range\n {2}wait 90s/);
    // The long-phrase id is still unused, and now the only finding.
    assert.deepEqual(lint(fixed).map((f) => f.rule), ['unused-suppression']);
  });

  it('offers no suppression for syntax errors or for unused suppressions', () => {
    const text = `situation s "S" {
  # sop-disable-next-line long-phrase
  wait 5
}
`;
    const findings = lint(text);
    assert.deepEqual(findings.map((f) => f.rule), ['unused-suppression', 'syntax']);
    for (const finding of findings) {
      assert.ok(!(finding.fixes ?? []).some((f) => f.title.startsWith('Suppress')), finding.rule);
    }
  });

  it('keeps the CRLF line ends of the file in its fixes', () => {
    const text = 'situation s "S" {\r\n  say "Hello?"\r\n  wait 5s\r\n}\r\n';
    const finding = lint(text).find((f) => f.rule === 'missing-fallback');
    const fix = finding?.fixes?.find((f) => !f.title.startsWith('Suppress'));
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, JSON.stringify(fixed));
    assert.deepEqual(lint(fixed), []);
  });

  it('joins an existing suppression comment in a CRLF file too', () => {
    const text = 'situation s "S" {\r\n  say "Hello?"\r\n  # sop-disable-next-line long-phrase\r\n  wait 90s\r\n  end\r\n}\r\n';
    const suppress = lint(text).find((f) => f.rule === 'wait-range')?.fixes?.find((f) => f.title.startsWith('Suppress'));
    assert.ok(suppress);
    assert.match(applyEdits(text, suppress.edits), /# sop-disable-next-line long-phrase, wait-range\r\n {2}wait 90s/);
  });

  it('lists findings in document order', () => {
    const text = `var unused
situation s "S" {
  say "对不起,我不知道。"
  wait 90s
}
`;
    const starts = lint(text).map((f) => f.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.ok(starts.length >= 4);
  });
});

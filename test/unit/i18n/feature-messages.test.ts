/**
 * The messages of `sop export` findings, script-test problems and failures, and caller
 * events, per locale, as reviewed text: `test/unit/i18n/golden/feature-messages.<locale>.txt`.
 * A change of wording in either catalog shows up as a diff a reviewer reads in both
 * languages; refresh with UPDATE_GOLDEN=1.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileProgram } from '../../../server/src/language/compile/compile';
import { exportProgram, type ExportTarget } from '../../../server/src/language/export/index';
import { LOCALES } from '../../../server/src/language/i18n/catalogs';
import { messagesFor, type Messages } from '../../../server/src/language/i18n/messages';
import { checkTestFile, readTestFile, runTestCase } from '../../../server/src/language/script-test/index';
import { parseCallerEvents } from '../../../server/src/language/simulate/events';
import { loadTexts } from '../graph/load';

const GOLDEN = join(__dirname, 'golden');

const SCRIPT = [
  'var 姓氏',
  'situation ask {',
  '  say "您好,{姓氏}先生"',
  '  wait 5s',
  '  reply { say "好的,马上为您处理" end }',
  '  fallback {',
  '    say "请问还在吗?"',
  '    wait 1500ms',
  '    fallback { say "再见!" hangup }',
  '  }',
  '}',
  'situation angry {',
  '  say "我理解您的心情"',
  '  transfer "投诉处理组"',
  '}',
  '',
].join('\n');

/** Test files that are wrong in one way each. */
const BROKEN_FILES = [
  'cases: [',
  '- a list',
  'script: ./a.sop\n',
  'cases: 3\n',
  'cases:\n  - just text\n',
  'cases:\n  - name: x\n    situaton: ask\n',
  'cases:\n  - name: x\n    situation: ask\n    events: [rely, silence@2s, reply@soon]\n    says: ""\n    vars: [王]\n    outcome: hangp\n    within: soon\n',
  'cases:\n  - name: x\n    situation: ask\n    says: [[1]]\n    vars: { 姓氏: [王] }\n    outcome: { call: x }\n',
];

/** Cases that run but fail, one way each. */
const FAILING = [
  'cases:',
  '  - name: missing phrases',
  '    situation: ask',
  '    events: [reply]',
  '    says: [您好, 再见, 马上]',
  '  - name: forbidden',
  '    situation: ask',
  '    events: [silence, silence]',
  '    never-says: [再见]',
  '  - name: wrong outcome',
  '    situation: angry',
  '    outcome: hangup',
  '  - name: no transfer to that queue',
  '    situation: ask',
  '    events: [silence]',
  '    outcome: { transfer: 投诉处理组 }',
  '  - name: never went',
  '    situation: ask',
  '    outcome: { goto: angry }',
  '  - name: too slow',
  '    situation: ask',
  '    events: [silence, silence]',
  '    outcome: hangup',
  '    within: 5s',
  '  - name: takes over too late',
  '    situation: ask',
  '    events: [reply]',
  '    outcome: agent-takeover',
  '    within: 1s',
  '  - name: a late reply',
  '    situation: ask',
  '    events: [reply@9s]',
  '  - name: the call to end in time',
  '    situation: angry',
  '    within: 1s',
  '',
].join('\n');

async function render(messages: Messages): Promise<string> {
  const lines: string[] = [];
  const program = await loadTexts({ 'a.sop': SCRIPT });

  lines.push('# sop export');
  const exports: Array<[ExportTarget, string | undefined]> = [
    ['connect', undefined],
    ['studio', undefined],
    ['voicexml', undefined],
    ['voicexml', 'nowhere'],
  ];
  for (const [target, start] of exports) {
    for (const f of exportProgram(program, target, { messages, start }).findings) lines.push(`${target}: ${f.rule}: ${f.message}`);
  }
  const empty = await loadTexts({ 'a.sop': '' });
  for (const f of exportProgram(empty, 'connect', { messages }).findings) lines.push(`connect (empty): ${f.rule}: ${f.message}`);

  lines.push('', '# test files');
  for (const text of BROKEN_FILES) {
    for (const f of readTestFile('/mem/a.sop-test.yaml', text, messages).findings) lines.push(`${JSON.stringify(text.split('\n')[0])}: ${f.message}`);
  }
  const compiled = compileProgram(program, {});
  const unknown = readTestFile('/mem/a.sop-test.yaml', 'cases:\n  - situation: ak\n    vars: { 姓: 王 }\n  - situation: ask\n    vars: { 年龄: 1 }\n    outcome: { goto: nowhere }\n', messages);
  for (const f of checkTestFile(unknown.file, compiled, 'a.sop', messages)) lines.push(`check: ${f.message}`);

  lines.push('', '# test failures');
  for (const testCase of readTestFile('/mem/a.sop-test.yaml', FAILING, messages).file.cases) {
    const result = runTestCase(compiled, testCase, messages);
    lines.push(`${testCase.name} (${result.status})`);
    for (const f of result.failures) lines.push(`    ${f.message}`);
  }

  lines.push('', '# caller events');
  for (const p of parseCallerEvents('rely,silence@2s,reply@soon').problems) lines.push(`${p.word}: ${messages.format(p.message)}`);
  return `${lines.join('\n')}\n`;
}

describe('golden feature messages (export, script tests, caller events)', () => {
  for (const locale of LOCALES) {
    it(`matches test/unit/i18n/golden/feature-messages.${locale}.txt`, async () => {
      const actual = await render(messagesFor(locale));
      const file = join(GOLDEN, `feature-messages.${locale}.txt`);
      if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
      assert.equal(actual, readFileSync(file, 'utf8'), 'refresh with UPDATE_GOLDEN=1 after reviewing the wording');
    });
  }
});

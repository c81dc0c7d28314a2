/**
 * The CLI's language: `--locale`, else LC_ALL / LC_MESSAGES / LANG, else English; a
 * locale without a catalog is English without an error. Machine formats keep rule ids and
 * severities and carry the localised message; SARIF says which language its log is in.
 */
import assert from 'node:assert/strict';
import { BROKEN, CLEAN } from './fixtures';
import { buildOnce, makeProject, removeProject, runSop } from './helpers';

const BANNED = `situation a {
  say "我不知道"
  wait 5s
  hangup
}
`;

describe('sop in the user\'s language', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    buildOnce();
    dir = makeProject({ 'clean.sop': CLEAN, 'broken.sop': BROKEN, 'banned.sop': BANNED });
  });
  after(() => removeProject(dir));

  it('--locale zh-CN: findings and the summary in Chinese, rule ids in English', () => {
    const result = runSop(['check', 'banned.sop', '--locale', 'zh-CN'], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /2:8 {2}error {2}服务禁语“我不知道”：请改说“我帮您查询一下”——“我不知道”会把客户挡在门外 {2}banned-phrase$/m);
    assert.match(result.stdout, /^1 个错误，0 个警告，共 1 个文件$/m);
  });

  it('LANG=zh_CN.UTF-8: the same without the option; LC_ALL wins over LANG', () => {
    const zh = runSop(['check', 'banned.sop'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(zh.stdout, /^1 个错误，0 个警告，共 1 个文件$/m);
    const en = runSop(['check', 'banned.sop'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' } });
    assert.match(en.stdout, /^1 error, 0 warnings in 1 file$/m);
    const byOption = runSop(['check', 'banned.sop', '--locale=en'], { cwd: dir, env: { LC_ALL: 'zh_CN.UTF-8' } });
    assert.match(byOption.stdout, /^1 error, 0 warnings in 1 file$/m);
  });

  it('counts with plurals in both languages', () => {
    const en = runSop(['check', 'broken.sop', 'clean.sop'], { cwd: dir });
    assert.match(en.stdout, /^2 errors, 0 warnings in 2 files$/m);
    const zh = runSop(['check', 'broken.sop', 'clean.sop', '--locale', 'zh-CN'], { cwd: dir });
    assert.match(zh.stdout, /^2 个错误，0 个警告，共 2 个文件$/m);
  });

  it('an unknown locale is English, without an error', () => {
    for (const env of [{ LANG: 'de_DE.UTF-8' }, { LANG: 'C' }, { LC_ALL: 'xx' }] as Record<string, string>[]) {
      const result = runSop(['check', 'clean.sop'], { cwd: dir, env });
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, /^0 errors, 0 warnings in 1 file$/m);
    }
    const option = runSop(['check', 'clean.sop', '--locale', 'fr'], { cwd: dir });
    assert.equal(option.code, 0, option.stderr);
    assert.match(option.stdout, /^0 errors, 0 warnings in 1 file$/m);
  });

  it('--help in Chinese, for sop and for each command', () => {
    const main = runSop(['--help', '--locale', 'zh-CN'], { cwd: dir });
    assert.equal(main.code, 0);
    assert.match(main.stdout, /^sop — 检查、编译、格式化、绘制和模拟呼叫中心 SOP 话术脚本/);
    const check = runSop(['check', '--help'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(check.stdout, /^用法：sop check \[选项\] \[路径…\]/);
    assert.match(runSop(['--help'], { cwd: dir }).stdout, /--locale TAG {3}the language of messages and help/);
  });

  it('usage errors in Chinese', () => {
    const result = runSop(['chek', '--locale', 'zh-CN'], { cwd: dir });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'sop: 未知命令“chek”——您是想输入“check”吗？\n运行“sop --help”查看用法。\n');
  });

  it('json, compact and github keep rule ids and severities and carry the Chinese message', () => {
    const json = JSON.parse(runSop(['check', 'banned.sop', '--format', 'json', '--locale', 'zh-CN'], { cwd: dir }).stdout);
    assert.equal(json[0].rule, 'banned-phrase');
    assert.equal(json[0].severity, 'error');
    assert.match(json[0].message, /^服务禁语“我不知道”/);
    const compact = runSop(['check', 'banned.sop', '--format', 'compact', '--locale', 'zh-CN'], { cwd: dir }).stdout;
    assert.match(compact, /^banned\.sop:2:8: error: 服务禁语“我不知道”.* \[banned-phrase\]$/m);
    const github = runSop(['check', 'banned.sop', '--format', 'github', '--locale', 'zh-CN'], { cwd: dir }).stdout;
    assert.match(github, /^::error file=banned\.sop,line=2,col=8,endLine=2,endColumn=12,title=banned-phrase::服务禁语/m);
  });

  it('reports a broken sop.config.json in Chinese, and picks a lexicon entry\'s text per locale', () => {
    const broken = makeProject({ 'sop.config.json': '{ "rules": { "long-phrse": "off" } }', 'a.sop': CLEAN });
    const team = makeProject({
      'sop.config.json': JSON.stringify({
        lexicon: [{ phrase: '没办法', message: { 'zh-CN': '请给出可行的下一步', en: 'offer a next step instead' }, suggest: ['我来帮您想办法'] }],
      }),
      'a.sop': 'situation a {\n  say "没办法"\n  end\n}\n',
    });
    try {
      const config = runSop(['check', '--locale', 'zh-CN'], { cwd: broken });
      assert.equal(config.code, 2);
      assert.match(config.stderr, /^sop\.config\.json:1:14: error: 未知的规则“long-phrse”——您是想写“long-phrase”吗？ \[config\]$/m);
      assert.match(config.stderr, /^sop: 请先修正上面的配置问题，再重新运行$/m);
      assert.match(runSop(['check', '--format', 'compact', '--locale', 'zh-CN'], { cwd: team }).stdout, /服务禁语“没办法”：请给出可行的下一步 \[banned-phrase\]/);
      assert.match(runSop(['check', '--format', 'compact'], { cwd: team }).stdout, /banned phrasing "没办法": offer a next step instead \[banned-phrase\]/);
    } finally {
      removeProject(broken);
      removeProject(team);
    }
  });

  it('SARIF names the log\'s language and describes the rules in it', () => {
    const zh = JSON.parse(runSop(['check', 'banned.sop', '--format', 'sarif', '--locale', 'zh-CN'], { cwd: dir }).stdout);
    const run = zh.runs[0];
    assert.equal(run.language, 'zh-CN');
    assert.equal(run.results[0].ruleId, 'banned-phrase');
    assert.match(run.results[0].message.text, /^服务禁语“我不知道”/);
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'banned-phrase');
    assert.match(rule.shortDescription.text, /禁语库/);
    assert.match(rule.helpUri, /docs\/zh-CN\/rules\.md#banned-phrase$/);
    const en = JSON.parse(runSop(['check', 'banned.sop', '--format', 'sarif'], { cwd: dir }).stdout);
    assert.equal(en.runs[0].language, 'en-US');
    assert.match(en.runs[0].tool.driver.rules[0].helpUri, /docs\/rules\.md#/);
  });

  it('sop export --locale zh-CN: the export findings and the summary in Chinese', () => {
    const project = makeProject({ 'a.sop': 'situation a {\n  say "请稍等，我为您转接投诉处理组。"\n  transfer "投诉处理组"\n}\n' });
    try {
      const zh = runSop(['export', 'a.sop', '--target', 'voicexml', '--locale', 'zh-CN'], { cwd: project });
      assert.equal(zh.code, 0, zh.stderr);
      assert.match(zh.stdout, /^ {2}3:3 {2}warning {2}sop\.config\.json（export\.queues）中没有为“投诉处理组”配置 VoiceXML 转接目标；.+ {2}export-unmapped-queue$/m);
      assert.match(zh.stdout, /^已导出 1 个脚本（voicexml），输出到 out\/$/m);
      const en = runSop(['export', 'a.sop', '--target', 'voicexml'], { cwd: project });
      assert.match(en.stdout, /^exported 1 script \(voicexml\) to out\/$/m);
      const usage = runSop(['export', 'a.sop', '--target', 'voicexm', '--locale', 'zh-CN'], { cwd: project });
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /未知的导出目标“voicexm”——您是想写“voicexml”吗？（可用的目标：voicexml、connect、studio、phrases）/);
    } finally {
      removeProject(project);
    }
  });

  it('sop test --locale zh-CN: failures, the diff header and the summary in Chinese; test-file problems too', () => {
    const project = makeProject({
      'a.sop': 'situation a {\n  say "您好，这里是客服中心"\n  transfer "投诉处理组"\n}\n',
      'a.sop-test.yaml': 'cases:\n  - name: 挂机\n    situation: a\n    says: [再见]\n    outcome: hangup\n',
      'b.sop': 'situation b {\n  say "您好"\n  hangup\n}\n',
      'b.sop-test.yaml': 'cases:\n  - name: 挂机\n    situation: b\n    outcom: hangup\n',
    });
    try {
      const failed = runSop(['test', 'a.sop', '--locale', 'zh-CN'], { cwd: project });
      assert.equal(failed.code, 1, failed.stderr);
      assert.match(failed.stdout, /a\.sop-test\.yaml:4:12 {2}预期会说“再见”，但没有说$/m);
      assert.match(failed.stdout, /a\.sop-test\.yaml:5:14 {2}预期挂机，但在 00:02\.5 转接到了 投诉处理组$/m);
      assert.match(failed.stdout, /^ {6}- 预期$/m);
      assert.match(failed.stdout, /^0 个通过，1 个失败$/m);
      const tap = runSop(['test', 'a.sop', '--reporter', 'tap', '--locale', 'zh-CN'], { cwd: project });
      assert.match(tap.stdout, /^not ok 1 - a\.sop-test\.yaml > 挂机$/m);
      assert.match(tap.stdout, /^ {2}message: "预期会说“再见”，但没有说; 预期挂机/m);
      const english = runSop(['test', 'a.sop'], { cwd: project });
      assert.match(english.stdout, /expected "再见" to be said, but it was not$/m);
      assert.match(english.stdout, /^0 passed, 1 failed$/m);
      const broken = runSop(['test', 'b.sop', '--locale', 'zh-CN'], { cwd: project });
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /^b\.sop-test\.yaml:4:5: error: 未知的键“outcom”——您是想写“outcome”吗？（可用的键：name、situation、.+） \[script-test\]$/m);
      assert.match(broken.stdout, /^0 个通过，0 个失败，1 个无效的测试文件$/m);
    } finally {
      removeProject(project);
    }
  });
});

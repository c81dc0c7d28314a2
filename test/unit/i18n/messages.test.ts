/**
 * Locale resolution and rendering: tags from VS Code (`zh-cn`), POSIX (`zh_CN.UTF-8`) and
 * BCP 47 (`zh-Hans-CN`) reach the Chinese catalog, anything else English; plurals count in
 * each language; nested messages, lists and per-locale texts render in the reader's
 * language; a broken message never throws.
 */
import assert from 'node:assert/strict';
import { messagesFor, msg, resolveLocale } from '../../../server/src/language/i18n/messages';
import { createSopServices, singleFileProgram } from '../../../server/src/language/index';
import { defaultConfig } from '../../../server/src/language/config/types';
import { RULE_METAS } from '../../../server/src/language/lint/registry';

describe('messages', () => {
  it('resolves VS Code, POSIX and BCP 47 tags', () => {
    for (const tag of ['zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-Hans-CN', 'zh', 'zh-TW', 'zh_TW.Big5']) assert.equal(resolveLocale(tag), 'zh-CN', tag);
    for (const tag of ['en', 'en-US', 'en_GB.UTF-8']) assert.equal(resolveLocale(tag), 'en', tag);
    for (const tag of ['de_DE.UTF-8', 'C', 'POSIX', 'C.UTF-8', '', undefined, 'xx']) assert.equal(resolveLocale(tag), undefined, String(tag));
    assert.equal(messagesFor('fr').locale, 'en');
  });

  it('counts with each language\'s plurals', () => {
    const en = messagesFor('en');
    const zh = messagesFor('zh-CN');
    assert.equal(en.t('cli.count.error', { count: 1 }), '1 error');
    assert.equal(en.t('cli.count.error', { count: 2 }), '2 errors');
    assert.equal(zh.t('cli.count.error', { count: 1 }), '1 个错误');
    assert.equal(zh.t('cli.count.error', { count: 2 }), '2 个错误');
  });

  it('renders nested messages, lists and per-locale texts in the reader\'s language', () => {
    const reason = { 'zh-CN': '会把客户挡在门外', en: 'shuts the caller out' };
    const message = msg('banned-phrase.message', { phrase: '我不知道', advice: reason });
    assert.equal(messagesFor('en').format(message), 'banned phrasing "我不知道": shuts the caller out');
    assert.equal(messagesFor('zh-CN').format(message), '服务禁语“我不知道”：会把客户挡在门外');
    assert.equal(messagesFor('zh-CN').format(msg('hover.banned', { phrase: 'x', reason: { en: 'only English' } })), '**服务禁语**“x”：only English');
    const list = { list: ['a', 'b', 'c'], separator: 'list.comma', last: 'list.or' } as const;
    assert.equal(messagesFor('en').format(msg('syntax.unexpected-end', { expected: list })), 'unexpected end of text: expected a, b or c');
    assert.equal(messagesFor('zh-CN').format(msg('syntax.unexpected-end', { expected: list })), '文本意外结束：应为 a、b或c');
  });

  it('never throws on a message missing an argument', () => {
    assert.doesNotThrow(() => messagesFor('zh-CN').format(msg('banned-phrase.message', {})));
  });

  it('keeps the lint cache valid across locales: the same reports render in each', () => {
    const services = createSopServices();
    const text = 'situation a {\n  say "我不知道"\n  wait 5s\n  hangup\n}\n';
    const config = defaultConfig(RULE_METAS);
    const program = () => singleFileProgram(services.parse('a.sop', text));
    const english = services.lint(program(), config).map((f) => f.message);
    services.setLocale('zh-cn');
    const chinese = services.lint(program(), config).map((f) => f.message);
    services.setLocale('en');
    assert.deepEqual(services.lint(program(), config).map((f) => f.message), english);
    assert.equal(chinese.length, english.length);
    assert.ok(chinese.every((m) => /\p{Script=Han}/u.test(m) && m.startsWith('服务禁语')), chinese.join('\n'));
  });
});

/**
 * Generates realistic `.sop` scripts of a given size for the benchmark: situations of
 * about twelve lines each with nested fallbacks, placeholders, notes and promises, in both
 * keyword spellings, all of them lint-clean.
 */
export function generateScript(lines: number): string {
  const out: string[] = ['script "生成的基准脚本"', 'version "1.0"', 'locale "zh-CN"', 'var 姓氏, 工号', ''];
  let i = 0;
  while (out.length < lines) {
    if (i % 2 === 0) {
      out.push(
        `situation s${i} "情景 ${i}" tags 基准, 线路 {`,
        `  when "客户来电第${i}种情况"`,
        `  say "您好,{姓氏}先生/小姐,我是${i}号客服,请问有什么可以帮您?"`,
        '  note "记录客户的问题,必要时提交组长处理"',
        '  wait 5s',
        '  fallback {',
        '    say "您好,请问有什么可以帮您?"',
        '    wait 5s',
        '    fallback {',
        '      say "对不起,您的电话没有声音,请您稍后再拨,再见!"',
        '      wait 5s',
        '      hangup',
        '    }',
        '  }',
        '}',
        '',
      );
    } else {
      out.push(
        `情景 s${i} “投诉 ${i}” 标签 投诉 {`,
        '  说 “很抱歉,多谢您反映的意见,我们会尽快向上级部门反映。”',
        '  承诺 24小时 “在24小时之内给您明确的答复”',
        '  说 “请问还有什么可以帮您?”',
        '  等待 5秒',
        `  兜底 转到 s${i - 1}`,
        '}',
        '',
      );
    }
    i++;
  }
  return out.join('\n');
}

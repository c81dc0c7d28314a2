/**
 * `docs/rules.md` and the rule registry are kept as one truth: a section per rule (in the
 * registry's order, the anchor being the id), its default severity and options as the rule
 * declares them, and examples that really fail (with that rule only) and really pass.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../server/src/language/config/types';
import { spellDuration } from '../../server/src/language/lint/edits';
import { RULES } from '../../server/src/language/lint/registry';
import { RULE_METAS } from '../../server/src/language/lint/registry';
import { lintText } from './harness';

const ROOT = join(__dirname, '..', '..');
const DOC = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
// Examples are linted as if they sat next to the samples, so they can import closing.sop.
const EXAMPLE_PATH = join(ROOT, 'samples', 'docs-example.sop');

interface Section {
  id: string;
  body: string;
}

/** The `## id` sections, each up to the next heading of level 1 or 2. */
function sections(): Section[] {
  const out: Section[] = [];
  const headings = [...DOC.matchAll(/^(#{1,2}) (.+)$/gm)];
  headings.forEach((heading, index) => {
    if (heading[1] !== '##') return;
    const end = headings[index + 1]?.index ?? DOC.length;
    out.push({ id: heading[2].trim(), body: DOC.slice(heading.index + heading[0].length, end) });
  });
  return out;
}

function examples(body: string, label: 'Fails' | 'Passes'): string[] {
  const pattern = new RegExp(`\\*\\*${label}\\*\\*\\s*\\n+\`\`\`sop\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...body.matchAll(pattern)].map((m) => m[1]);
}

describe('docs/rules.md', () => {
  const documented = sections();

  it('has one section per registered rule, in the registry order', () => {
    assert.deepEqual(
      documented.map((s) => s.id),
      RULES.map((r) => r.meta.id),
    );
  });

  for (const rule of RULES) {
    const { id, severity, options } = rule.meta;
    describe(id, () => {
      const section = documented.find((s) => s.id === id);

      it('states the default severity and every option with its default', () => {
        assert.ok(section, `no section "## ${id}"`);
        assert.match(section.body, new RegExp(`\\*\\*Default severity:\\*\\* ${severity}\\b`));
        for (const [name, spec] of Object.entries(options ?? {})) {
          const shown = spec.type === 'duration' ? spellDuration(Number(spec.default), 'en') : String(spec.default);
          assert.ok(section.body.includes(`| \`${name}\` | ${spec.type} | \`${shown}\` |`), `option ${name} (default ${shown}) is not listed`);
        }
        if (!options) assert.match(section.body, /\*\*Options:\*\* none/);
      });

      it('has a failing example that fails with this rule only', async () => {
        assert.ok(section);
        const failing = examples(section.body, 'Fails');
        assert.ok(failing.length > 0, 'no **Fails** example');
        for (const text of failing) {
          const rules = (await lintText(EXAMPLE_PATH, text, defaultConfig(RULE_METAS))).map((f) => f.rule);
          assert.ok(rules.length > 0, `the example does not fail:\n${text}`);
          assert.deepEqual([...new Set(rules)], [id], `the example fails with other rules too:\n${text}`);
        }
      });

      it('has a passing example that lints clean', async () => {
        assert.ok(section);
        const passing = examples(section.body, 'Passes');
        assert.ok(passing.length > 0, 'no **Passes** example');
        for (const text of passing) {
          const findings = await lintText(EXAMPLE_PATH, text, defaultConfig(RULE_METAS));
          assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), [], text);
        }
      });
    });
  }
});

describe('docs/zh-CN/rules.md', () => {
  const zh = readFileSync(join(ROOT, 'docs', 'zh-CN', 'rules.md'), 'utf8');
  const codeBlocks = (text: string) => [...text.matchAll(/```(?:sop|json)\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('has the same rule sections as the English page (the anchors diagnostics link to)', () => {
    const headings = [...zh.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
    assert.deepEqual(headings, RULES.map((r) => r.meta.id));
  });

  it('shows exactly the English examples, so they are checked the same way', () => {
    assert.deepEqual(codeBlocks(zh), codeBlocks(DOC));
  });

  it('states each rule\'s default severity and options', () => {
    for (const rule of RULES) {
      const start = zh.indexOf(`## ${rule.meta.id}\n`);
      const end = zh.indexOf('\n## ', start + 1);
      const body = zh.slice(start, end < 0 ? undefined : end);
      assert.match(body, new RegExp(`\\*\\*默认级别：\\*\\* ${rule.meta.severity}\\b`), rule.meta.id);
      for (const name of Object.keys(rule.meta.options ?? {})) assert.ok(body.includes(`\`${name}\``), `${rule.meta.id}: ${name}`);
    }
  });
});

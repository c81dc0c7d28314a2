/**
 * The extension's own texts follow VS Code's conventions: the manifest's `%key%` strings
 * come from `package.nls.json` / `package.nls.zh-cn.json`, and the client's `vscode.l10n.t`
 * strings from `l10n/bundle.l10n*.json`. Both languages must have every key, the same
 * `{0}` placeholders, nothing unused, and the English bundle must be what
 * `@vscode/l10n-dev export` extracts from the client today.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');

function manifestKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match) into.add(match[1]);
  } else if (Array.isArray(value)) value.forEach((v) => manifestKeys(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => manifestKeys(v, into));
  return into;
}

describe('extension localisation', () => {
  it('package.nls.json and package.nls.zh-cn.json hold exactly the keys the manifest uses', () => {
    const used = [...manifestKeys(read('package.json'))].sort();
    assert.deepEqual(Object.keys(read('package.nls.json')).sort(), used);
    assert.deepEqual(Object.keys(read('package.nls.zh-cn.json')).sort(), used);
  });

  it('translates command titles and setting descriptions into Chinese', () => {
    const zh = read('package.nls.zh-cn.json');
    assert.equal(zh['command.compile'], '编译为 JSON');
    for (const key of Object.keys(zh).filter((k) => k.startsWith('config.') || k.startsWith('command.') || k.startsWith('task.'))) {
      if (key === 'command.category') continue;
      assert.match(zh[key], /\p{Script=Han}/u, key);
    }
  });

  it('the l10n bundles have the same strings and placeholders in both languages', () => {
    const en = read('l10n/bundle.l10n.json');
    const zh = read('l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      assert.equal(placeholders(zh[key]), placeholders(key), key);
      assert.match(zh[key], /\p{Script=Han}/u, key);
    }
  });

  it('the English bundle is what @vscode/l10n-dev extracts from client/src', () => {
    const out = mkdtempSync(join(tmpdir(), 'sop-l10n-'));
    try {
      const cli = join(ROOT, 'node_modules/@vscode/l10n-dev/dist/cli.js');
      const result = spawnSync(process.execPath, [cli, 'export', '--outDir', out, join(ROOT, 'client/src')], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const extracted = JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8'));
      assert.deepEqual(extracted, read('l10n/bundle.l10n.json'), 'run: npx @vscode/l10n-dev export --outDir ./l10n ./client/src');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

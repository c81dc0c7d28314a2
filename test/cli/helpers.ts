/**
 * Runs the built `sop` as a user would: a separate process in a folder of its own, with
 * its exit status, stdout and stderr captured.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
// The executable as installed: `bin/sop.js` starts the core bundle for `check` and `build`
// and the whole CLI for the other commands, so every test runs the bundle a user gets.
export const SOP = path.join(ROOT, 'bin/sop.js');

let built = false;

/** Builds the bundle once per test run (every CLI test file calls this in `before`). */
export function buildOnce(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node esbuild.mjs failed:\n${result.stdout}${result.stderr}`);
  built = true;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  /** Extra environment; colour variables are cleared unless given here. */
  env?: Record<string, string>;
  /** The script to run instead of the bundle (e.g. `bin/sop.js`). */
  entry?: string;
}

export function runSop(args: readonly string[], options: RunOptions): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.SOP_DEBUG;
  // The CLI speaks the locale of these; tests choose theirs explicitly (English by default).
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  const result = spawnSync(process.execPath, [options.entry ?? SOP, ...args], {
    cwd: options.cwd,
    env: { ...env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder under the system's temp folder holding `files` (path → text or bytes). */
export function makeProject(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sop-cli-'));
  for (const [name, content] of Object.entries(files)) writeFile(dir, name, content);
  return dir;
}

export function writeFile(dir: string, name: string, content: string | Uint8Array): void {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file below `dir`, as `/`-separated relative paths, sorted. */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** True when the text holds no stack-trace frame (`    at fn (file:1:2)`). */
export function hasNoStackTrace(text: string): boolean {
  return !/^\s+at .+:\d+:\d+\)?$/m.test(text);
}

/**
 * Sets up a CLI suite: builds the bundle once before it and removes its project folders
 * after it. Returns the function that makes a project folder from `{ path: content }`.
 */
export function useProjects(): (files: Record<string, string | Uint8Array>) => string {
  const dirs: string[] = [];
  before(buildOnce);
  after(() => dirs.forEach(removeProject));
  return (files) => {
    const dir = makeProject(files);
    dirs.push(dir);
    return dir;
  };
}

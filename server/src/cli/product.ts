/**
 * Facts about the installed product: its version (for `--version` and SARIF) and where its
 * rule documentation lives (SARIF's `helpUri`). They are read from the package's own
 * `package.json` at run time, so the bundle never disagrees with the package it ships in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ProductInfo {
  name: string;
  version: string;
  /** The package's folder, when it could be found. */
  root?: string;
  /** A web address of the repository, when `package.json` names one. */
  repository?: string;
}

let cached: ProductInfo | undefined;

export function productInfo(): ProductInfo {
  if (cached) return cached;
  cached = { name: 'sop-studio', version: '0.0.0' };
  // The bundle lives in `dist/cli/`, the sources in `server/src/cli/`: walk up to the
  // package's own `package.json` rather than hard-coding either depth.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, unknown>;
      if (pkg.name === 'sop-studio') {
        cached = { name: String(pkg.name), version: String(pkg.version), root: dir, repository: repositoryUrl(pkg) };
        break;
      }
    } catch {
      // No manifest here (or an unrelated one): keep walking up.
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}

function repositoryUrl(pkg: Record<string, unknown>): string | undefined {
  const repo = pkg.repository;
  const raw = typeof repo === 'string' ? repo : typeof repo === 'object' && repo ? (repo as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https:\/\//.test(url) ? url : undefined;
}

/**
 * The documentation of a rule: its section of `docs/rules.md`. SARIF wants an absolute
 * address, so it is the repository's page when `package.json` names a repository and the
 * installed file otherwise.
 */
export function ruleHelpUri(ruleId: string, locale = 'en'): string {
  const info = productInfo();
  // Every language but English has its page in docs/<locale>/ (docs/zh-CN/rules.md).
  const page = locale === 'en' ? 'docs/rules.md' : `docs/${locale}/rules.md`;
  if (info.repository) return `${info.repository}/blob/HEAD/${page}#${ruleId}`;
  const root = info.root ?? process.cwd();
  return `${pathToFileURL(path.join(root, ...page.split('/'))).href}#${ruleId}`;
}

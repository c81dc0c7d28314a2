/**
 * One run of the CLI over a set of scripts: reads them, finds their configurations, loads
 * each with its imports and lints it, all through the language facade, keeping each
 * program in the main thread. `simulate` and `test` use it; the commands over many
 * scripts (`check`, `build`, `export`) use `script-run.ts` instead.
 */
import type { Finding, Program, SopConfig, SopServices } from '../language';
import { ConfigLoader } from './config-loader';
import { errorText, InputError } from './errors';
import { displayPath, readSource } from './files';
import { Locator } from './located';

export interface ScriptReport {
  uri: string;
  program: Program;
  config: SopConfig;
  findings: Finding[];
}

export interface SessionResult {
  reports: ScriptReport[];
  /** One line per input that could not be used (missing, unreadable, not UTF-8). */
  inputErrors: string[];
  /** Problems of the configuration files read; with any error among them, nothing was linted. */
  configFindings: Finding[];
  configBroken: boolean;
  locator: Locator;
}

export interface SessionOptions {
  services: SopServices;
  loader: ConfigLoader;
  cwd: string;
}

export async function lintScripts(scripts: readonly string[], options: SessionOptions): Promise<SessionResult> {
  const { services, loader, cwd } = options;
  const locator = new Locator((uri) => displayPath(uri, cwd));
  const inputErrors: string[] = [];
  const texts = new Map<string, string>();

  // Read every script and resolve its configuration before linting anything, so a broken
  // configuration stops the run before it prints findings computed with the wrong rules.
  const readable: { uri: string; config: SopConfig }[] = [];
  for (const uri of scripts) {
    try {
      const { text } = readSource(uri, cwd);
      texts.set(uri, text);
      readable.push({ uri, config: await loader.configFor(uri) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push(errorText(error, services.messages));
    }
  }
  for (const source of loader.sources) locator.addText(source.uri, source.text);
  if (loader.broken) return { reports: [], inputErrors, configFindings: loader.findings, configBroken: true, locator };

  const reported = new Set(inputErrors);
  const host = {
    readFile: (uri: string): Promise<string | undefined> => {
      if (texts.has(uri)) return Promise.resolve(texts.get(uri));
      try {
        const { text } = readSource(uri, cwd);
        texts.set(uri, text);
        return Promise.resolve(text);
      } catch (error) {
        // A missing import is the `unresolved-import` finding; an import that exists but
        // cannot be read is an input problem the user must also hear about.
        if (error instanceof InputError && !error.missing) {
          const text = errorText(error, services.messages);
          if (!reported.has(text)) inputErrors.push(text);
          reported.add(text);
        }
        return Promise.resolve(undefined);
      }
    },
  };

  const reports: ScriptReport[] = [];
  for (const { uri, config } of readable) {
    const text = texts.get(uri)!;
    locator.addText(uri, text);
    const root = services.parse(uri, text);
    const program = await services.loadProgram(root, host);
    // A finding may point into an imported file; locate it in that file's own text.
    for (const [fileUri, file] of program.files) if (fileUri !== uri) locator.addText(fileUri, file.text);
    reports.push({ uri, program, config, findings: services.lint(program, config) });
  }
  return { reports, inputErrors, configFindings: loader.findings, configBroken: false, locator };
}

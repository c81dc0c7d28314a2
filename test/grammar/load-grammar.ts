/**
 * Loads the extension's TextMate grammar the way VS Code does: vscode-textmate driven by
 * the Oniguruma regex engine compiled to WebAssembly, so a pattern that only a different
 * regex engine would accept fails here as it would in the editor.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export const repoRoot = join(__dirname, '..', '..');
export const grammarPath = join(repoRoot, 'syntaxes', 'sop.tmLanguage.json');
export const scopeName = 'source.sop';

/** One token of one line: `[start, end)` in UTF-16 units and its scopes, outermost first. */
export interface LineToken {
  start: number;
  end: number;
  scopes: string[];
}

export interface LineTokenizer {
  /** Tokenizes consecutive lines, carrying the grammar's state from one line to the next. */
  tokenizeLines(lines: readonly string[]): LineToken[][];
}

let loading: Promise<LineTokenizer> | undefined;

/** The WASM engine can be initialised once per process, so every test shares one grammar. */
export function loadSopGrammar(): Promise<LineTokenizer> {
  loading ??= createTokenizer();
  return loading;
}

async function createTokenizer(): Promise<LineTokenizer> {
  const require = createRequire(__filename);
  const wasmPath = join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
  const wasm = readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (requested: string) =>
      requested === scopeName
        ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} did not load from ${grammarPath}`);
  return {
    tokenizeLines(lines) {
      let state = textmate.INITIAL;
      return lines.map((line) => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        return result.tokens.map((t) => ({
          start: t.startIndex,
          end: Math.min(t.endIndex, line.length),
          scopes: t.scopes,
        }));
      });
    },
  };
}

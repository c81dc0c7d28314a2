// Lint configuration. Its main job is the architecture's first invariant: the language
// layer (`server/src/language/`) is pure, so it can run in the CLI, in the Node language
// server and in a web worker alike.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test*/**', 'grammar/*.js', 'test-results/**', '.bench/**', '**/*.d.ts'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/language/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The language layer must not depend on the editor.' },
            { name: 'fs', message: 'The language layer is pure: read files in an adapter and pass text in.' },
            { name: 'path', message: 'Use server/src/language/paths.ts; the layer also runs in a web worker.' },
            { name: 'process', message: 'The language layer is pure: adapters own the process.' },
            { name: 'child_process', message: 'The language layer is pure.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'No Node built-ins in the language layer: it also runs in a web worker.' },
            { group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'No LSP types in the language layer: convert in server/src/lsp/convert.ts.' },
            { group: ['**/lsp/**', '**/cli/**', '**/client/**'], message: 'Layers point one way: the language layer must not import its adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'The language layer is pure: adapters own the process.' }],
    },
  },
);

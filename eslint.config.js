// Lint rules that keep the layers honest. Messages say why, so whoever trips one knows the fix.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const coreMessage =
  'src/core is the pure domain and runs in the browser: no Node built-ins, no I/O, no imports from protocol, server, web or cli. Pass what you need in as a parameter.';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: coreMessage })),
          patterns: [
            { group: ['**/protocol/**', '**/server/**', '**/web/**', '**/cli/**'], message: coreMessage },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: coreMessage },
        { name: 'Buffer', message: coreMessage },
        { name: 'require', message: coreMessage },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core has no clock: take the time as a parameter.' },
        { object: 'Math', property: 'random', message: 'src/core has no randomness: take ids or a random source as a parameter.' },
      ],
    },
  },
  {
    // Tests run in Node and may read fixtures; the code they test may not.
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', '**/cli/**'],
              message: 'src/protocol holds wire types and schemas shared by server, web and cli; it may import core only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/cli/**'], message: 'The web app talks to the server over HTTP only; import core or protocol instead.' },
          ],
        },
      ],
    },
  },
  {
    // The browser test starts the real server in-process (buildApp on a fresh PGlite); the app itself still may not.
    files: ['src/web/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/web/**', '**/cli/**'], message: 'The server must not depend on the web app or the CLI.' }] },
      ],
    },
  },
);

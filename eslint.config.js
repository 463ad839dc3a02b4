// One lint config for every zone; the layering rule for shared/ lives here and in tests/layering.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importDirectionsConfig } from './scripts/eslint-import-directions.js';


export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'tests/layering/fixture/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', 'node:*', 'react', 'react-dom', 'dexie', 'dexie-*', 'pg', 'hono', '@hono/*'], message: 'shared/ is pure: no platform, UI or storage imports.' },
          { group: ['**/electron/**', '**/renderer/**', '**/server/**', '**/tests/**'], message: 'shared/ imports no other top-level folder.' },
        ],
      }],
    },
  },
  // Inside the renderer: data, host, i18n < config, app (the kernel) < features < shell; features
  // meet only through their index.ts (scripts/eslint-import-directions.js has the table).
  importDirectionsConfig,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      // We do not run the React Compiler, so only the two classic hook rules apply.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', '**/server/**', 'electron'], message: 'renderer/ talks to the OS only through the Host.' }] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/server/**'], message: 'electron/ never imports the renderer or the server.' }] }] },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '**/electron/**', 'electron'], message: 'server/ imports only shared/.' }] }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
);

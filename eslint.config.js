import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins and packages that do I/O: the domain layer may import none of them. */
const IO_MODULES = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'net', 'crypto', 'better-sqlite3', 'electron', 'docx'];
const NODE_BUILTIN = { regex: '^node:', message: 'No Node built-ins here.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'native/**', 'bench/.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches the back end only through the contract (and its api client).
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(electron/(?!contract(/|$))|db/|templates/|e2e/|bench/)',
              message: 'The renderer may import only electron/contract from outside renderer/.',
            },
            NODE_BUILTIN,
          ],
          paths: IO_MODULES.map((name) => ({ name, message: 'No Node or Electron modules in the renderer.' })),
        },
      ],
    },
  },
  {
    files: ['electron/domain/**/*.ts'],
    ignores: ['electron/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'electron/domain is pure: no I/O modules.' })),
          patterns: [
            NODE_BUILTIN,
            { regex: '^(\\.\\./)+(db|services|rpc|web|cli|main|preload)(/|$)', message: 'electron/domain imports nothing with I/O.' },
          ],
        },
      ],
    },
  },
  {
    // SQL lives in db/ only: everything else asks a repository.
    files: ['**/*.{ts,tsx}'],
    ignores: ['db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='prepare']", message: 'SQL lives in db/: add a repository method instead of preparing a statement here.' },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./)+(electron|renderer|templates)(/|$)', message: 'db/ owns its row types and imports nothing from the layers above it.' }] },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    ignores: ['electron/services/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'Services use repositories (db/), never the driver.' }],
          patterns: [
            { regex: '^(\\.\\./)+(rpc|web|main|cli|preload)(/|$)', message: 'Services are called by the front doors, never the reverse.' },
            { regex: '^(\\.\\./)+test-support(/|$)', message: 'Test helpers are for tests and benchmarks only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/{rpc,web,main,cli,preload}/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+test-support(/|$)', message: 'Test helpers are for tests and benchmarks only.' }] }],
    },
  },
  {
    files: ['electron/contract/**/*.ts'],
    ignores: ['electron/contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: IO_MODULES.map((name) => ({ name, message: 'The contract is shared with the renderer: no Node modules.' })),
          patterns: [NODE_BUILTIN, { regex: '^\\.\\./', message: 'The contract stands alone.' }],
        },
      ],
    },
  },
);

// Architecture as lint rules (ARCHITECTURE.md): dependencies point one way, and the pure domain
// folders never touch the browser, the DOM's storage, Dexie or React.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const PURE = ['lib/walkthrough', 'lib/packs', 'lib/journal', 'lib/drafts', 'lib/settings', 'lib/messaging', 'lib/i18n', 'lib/sites'];

export default tseslint.config(
  { ignores: ['.output/**', '.output-e2e/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: PURE.map((p) => `./${p}`),
              from: ['./lib/platform', './lib/db', './lib/overlay', './components', './entrypoints'],
              message: 'lib/<domain> is pure: pass the platform in as an argument instead (ARCHITECTURE.md, "Pass the platform in").',
            },
            {
              target: './lib',
              from: ['./components', './entrypoints'],
              message: 'lib/ must not depend on UI or entrypoints: dependencies point lib ← components ← entrypoints.',
            },
            {
              target: './components',
              from: ['./entrypoints'],
              message: 'Components must not import entrypoints; entrypoints wire components together.',
            },
            {
              target: './lib/overlay',
              from: ['./lib/db', './lib/platform'],
              message: 'The guide overlay runs in web pages: it must never open Dexie (it would get the page\'s database) and reaches the browser only through the guide entrypoint.',
            },
          ],
        },
      ],
    },
  },
  {
    files: PURE.map((p) => `${p}/**/*.ts`),
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'browser', message: 'Pure domain code takes what it needs as arguments; browser APIs live in lib/platform.' },
        { name: 'chrome', message: 'Pure domain code takes what it needs as arguments; browser APIs live in lib/platform.' },
        { name: 'indexedDB', message: 'Storage lives in lib/db, behind repository functions.' },
        { name: 'document', message: 'Pure domain code has no DOM; the DOM side of the guide is lib/overlay.' },
        { name: 'window', message: 'Pure domain code has no DOM; the DOM side of the guide is lib/overlay.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt/*', 'webextension-polyfill', 'dexie', 'dexie-*', 'react', 'react-*', 'zustand*'], message: 'lib/<domain> is pure: no browser, Dexie or React imports.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'tests/**/*.ts', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);

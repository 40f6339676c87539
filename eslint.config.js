import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { layerRules } from './build/lint-layers.js';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'test-artifacts', 'release'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Build and launcher scripts run in Node.
    files: ['**/*.mjs', 'build/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    // Some scripts import `process` from node:process explicitly; that is not a redeclaration.
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Imports are resolved as TypeScript resolves them (`./x.js` is `./x.ts`), so the layer rules
    // below see the file an import really reaches.
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
  },
  ...layerRules,
);

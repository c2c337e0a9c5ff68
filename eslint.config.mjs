import tseslint from 'typescript-eslint';
import { importRules } from './eslint-import-rules.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', 'bin/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // What may import what (docs/CONTRIBUTING.md, "Layout and import rules"): eslint-import-rules.mjs.
  ...importRules,
);

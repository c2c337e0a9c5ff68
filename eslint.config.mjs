import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**', 'bin/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The domain must stay pure: no framework or I/O imports in libs/journey.
    },
  },
  {
    files: ['libs/journey/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'better-sqlite3', '@eventstore/*', 'fs', 'node:*', '@care-journey/*'] },
      ],
    },
  },
  {
    files: ['libs/event-store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@care-journey/journey', '@care-journey/projections'] },
      ],
    },
  },
);

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
  // The rest of "What may import what" (docs/CONTRIBUTING.md, architecture.md): each lib only the libs
  // its row names, and no lib imports an app's files. libs/projections' specs may reach further (a
  // property spec runs the seeder).
  ...[
    ['libs/event-store', ['journey', 'projections', 'reporting', 'audit', 'access']],
    ['libs/projections', ['reporting', 'audit', 'access']],
    ['libs/access', ['journey', 'event-store', 'reporting', 'audit']],
    ['libs/audit', ['reporting']],
    ['libs/reporting', ['access']],
  ].map(([lib, forbidden]) => ({
    files: [`${lib}/**/*.ts`],
    ignores: lib === 'libs/projections' ? ['**/*.spec.ts'] : [],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: forbidden.map((name) => `@care-journey/${name}`), message: `not imported by ${lib}` },
            { regex: '(^|/)apps/', message: 'a lib never imports an app' },
          ],
        },
      ],
    },
  })),
);

// One runner for every suite. SWC transpiles (with decorator metadata, which Nest needs), with these
// options only: there is no .swcrc (@swc/jest given options does not read one; neither does
// libs/event-store's ts-require-hook). Type checking is `npm run typecheck`, run before jest.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swc },
  // content-disposition 3 (required by @fastify/static) is ESM only: let SWC make it CommonJS for Jest.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@care-journey/(journey|event-store|projections|reporting|audit|access|registrations)$':
      '<rootDir>/libs/$1/src',
    '^@care-journey/(journey|event-store|projections|reporting|audit|access|registrations)/(.*)$':
      '<rootDir>/libs/$1/src/$2',
  },
};
// `npm test` runs these projects in two Jest runs (test/support/run-suite.js): unit, contract, e2e
// and browser on every core, faults and the specs that time processes, threads or pages one file at a time.
module.exports = {
  // Jest's 5 s default, for a hook or test that starts the real app and signs in, timed out on a
  // 2-core machine under load (record-form-idempotency's beforeAll at load 12); so did 30 s at load
  // 30-35 (newer-event-schema's beforeAll: start the app, record a child, append one event; the app
  // then started after the timeout, afterAll's close missed it and Jest never exited). A met hook or
  // test ends when it is done: this only bounds a hung one.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench}/**/*.spec.ts'] },
    { ...shared, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.spec.ts'] },
    // These opt out of the social worker team scope unless a spec sets it (test/support/social-worker-scope-authority.js).
    {
      ...shared,
      displayName: 'e2e',
      // Not the browser specs (the browser project's) by testMatch: run-suite.js's ignore patterns
      // replace a project's own.
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts', '!**/test/e2e/browser/**'],
      setupFiles: ['<rootDir>/test/support/social-worker-scope-authority.js'],
    },
    // The pages in headless Chromium (test/e2e/browser): `npm run test:browser`.
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/e2e/browser/**/*.spec.ts'],
      setupFiles: ['<rootDir>/test/support/social-worker-scope-authority.js'],
    },
    {
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
      setupFiles: ['<rootDir>/test/support/social-worker-scope-authority.js'],
    },
  ],
};

/**
 * Jest (CommonJS, node_modules untransformed) cannot load content-disposition 3, which is ESM
 * only; Node itself can. @fastify/static (Swagger UI assets) requires it, but only to name
 * download attachments, which the API never sends. Stand in for it in tests.
 * The lasting fix belongs in jest.config.js (transform that package); this keeps e2e self-contained.
 */
jest.mock('content-disposition', () => ({
  create: (filename?: string) =>
    filename ? `attachment; filename="${filename.replace(/"/g, '')}"` : 'attachment',
}));

export {};

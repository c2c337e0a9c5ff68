/**
 * The command line takes what it shares with the API from libs/ (libs/access: roles, tokens, the
 * token secret, password hashes, sign-in names, the users file and the revoked-tokens file), not
 * from the API's folders (review M2): a refactor of apps/api must not break the CLI.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The only API files the CLI may still reach, each for a reason: `main` starts the server (`serve`,
 * `demo`: wiring, loaded lazily); the demo's spec checks against the API's user directory. (The
 * measures dates moved to libs/projections' measure-dates.ts.) The list may shrink, never grow.
 */
const ALLOWED_API_FILES = [
  'main',
  // demo.command.spec.ts: the demo's allocations are to users the API's directory knows.
  'children/allocation/known-allocation-names',
  'web/auth/user-directory',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every path a file imports (static, type-only, re-export or lazy `import()`) that reaches apps/api. */
const apiImports = (text: string): string[] =>
  [...text.matchAll(/(?:from |import\()'([^']*)'/g)]
    .map((match) => match[1])
    .filter((path) => /(^|\/)api\/src\//.test(path) || path.includes('apps/api'));

describe('the CLI does not reach into the API', () => {
  it('Given every CLI file (specs too), Then none imports from apps/api but the listed files', () => {
    // This file is left out: its own examples below are strings, not imports.
    const offending = sources(__dirname)
      .filter((file) => file !== __filename)
      .flatMap((file) =>
        apiImports(readFileSync(file, 'utf8'))
          .filter((path) => !ALLOWED_API_FILES.includes(path.split('/api/src/')[1] ?? path))
          .map((path) => `${file}: ${path}`),
      );
    expect(offending).toEqual([]);
  });

  it('Given an import of the revocation file from the API, Then the check names it', () => {
    expect(
      apiImports("import { readRevocations } from '../../../api/src/auth/revocation/write-revocation';"),
    ).toEqual(['../../../api/src/auth/revocation/write-revocation']);
    expect(apiImports("const { startApi } = await import('../../../api/src/main');")).toEqual([
      '../../../api/src/main',
    ]);
  });
});

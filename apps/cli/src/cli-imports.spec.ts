/**
 * The command line takes what it shares with the API (roles, tokens, password hashes, sign-in
 * names, a users-file entry's teams) from libs/access, not from the API's folders (review M2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MOVED_TO_LIBS_ACCESS = [
  'role',
  'jwt-settings',
  'mint-token',
  'password-hash',
  'username',
  'users-file-teams',
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

describe('the CLI and the API share auth code through libs/access', () => {
  it('Given every CLI file (specs too), Then none imports roles, tokens, hashes, names or teams from apps/api', () => {
    const offending = sources(__dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']*\/api\/src\/[^']*)'/g)]
        .map((match) => match[1])
        .filter((path) => MOVED_TO_LIBS_ACCESS.includes(path.split('/').pop() ?? ''))
        .map((path) => `${file}: ${path}`),
    );
    expect(offending).toEqual([]);
  });
});

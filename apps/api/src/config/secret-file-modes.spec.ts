import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looseSecretFileModes } from './secret-file-modes';

describe('start-up warnings: the users and revoked-tokens files are owner-only', () => {
  let dir: string;
  const file = (name: string, mode: number) => {
    const path = join(dir, name);
    writeFileSync(path, '[]');
    chmodSync(path, mode);
    return path;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-modes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a users file readable by everyone and a revoked-tokens file readable by its group, Then one warning each, naming the variable, the file, the mode and the fix', () => {
    const users = file('users.json', 0o644);
    const revoked = file('revoked', 0o640);
    expect(looseSecretFileModes({ CARE_JOURNEY_USERS: users, CARE_JOURNEY_REVOKED_TOKENS: revoked })).toEqual(
      [
        `CARE_JOURNEY_USERS: ${users} is readable by every user of this machine (mode 0644): make it owner-only, chmod 600 ${users}`,
        `CARE_JOURNEY_REVOKED_TOKENS: ${revoked} is readable by its group (mode 0640): make it owner-only, chmod 600 ${revoked}`,
      ],
    );
  });

  it('Given owner-only files, none set, or one missing (the settings check names it), Then no warning', () => {
    expect(
      looseSecretFileModes({
        CARE_JOURNEY_USERS: file('users.json', 0o600),
        CARE_JOURNEY_REVOKED_TOKENS: file('r', 0o400),
      }),
    ).toEqual([]);
    expect(looseSecretFileModes({})).toEqual([]);
    expect(looseSecretFileModes({ CARE_JOURNEY_USERS: join(dir, 'missing.json') })).toEqual([]);
  });
});

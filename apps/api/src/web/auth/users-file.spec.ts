import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../auth/role';
import { Logger } from '@nestjs/common';
import { hashPassword } from './password-hash';
import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { loadUserDirectory, parseUsers, type WebUser } from './user-directory';
import { UsersFile } from './users-file';

const HASH = hashPassword('a-long-enough-password', Buffer.alloc(16, 1));
/** A social worker works in a team (the default scope, "team", requires it). */
const entry = (username: string, role: Role): WebUser => ({
  username,
  name: username,
  role,
  passwordHash: HASH,
  ...(role === 'social_worker' && { teams: ['Children in Care North'] }),
});
const parse = (text: string, source: string) => parseUsers(text, source, DEFAULT_AUTHORITY_CONFIG);

describe('the user directory follows its file (CARE_JOURNEY_USERS)', () => {
  let dir: string;
  let file: string;
  /** Written as an editor or a deploy would: a new file moved into place. */
  const write = (text: string) => {
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'users-file-'));
    file = join(dir, 'users.json');
    write(JSON.stringify([entry('Rita', 'panel_member'), entry('sam', 'social_worker')]));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a user whose role is changed in the file, Then the directory gives the new role at the next look, without a restart', () => {
    const directory = loadUserDirectory({ CARE_JOURNEY_USERS: file, NODE_ENV: 'production' });
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(directory.currentRole('rita')).toBe('panel_member');
    write(JSON.stringify([entry('Rita', 'auditor'), entry('sam', 'social_worker')]));
    expect(directory.currentRole('Rita')).toBe('auditor');
  });

  it('Given a user removed from the file, Then the directory no longer has them, nor signs them in', () => {
    const directory = loadUserDirectory({ CARE_JOURNEY_USERS: file });
    expect(directory.authenticate('sam', 'a-long-enough-password')?.role).toBe('social_worker');
    write(JSON.stringify([entry('Rita', 'panel_member')]));
    expect(directory.currentRole('sam')).toBeUndefined();
    expect(directory.authenticate('sam', 'a-long-enough-password')).toBeUndefined();
  });

  it('Given the file is broken or moved away, Then nothing is taken and the error is logged once; a good file is taken again', () => {
    const errors: string[] = [];
    const watched = new UsersFile(file, parse, (message) => errors.push(message));
    expect(watched.changed()).toBeUndefined();
    write('[{"username": "Rita", "role": "auditor"');
    expect(watched.changed()).toBeUndefined();
    expect(watched.changed()).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${file} not reloaded, the users read before stay in force`);
    rmSync(file);
    expect(watched.changed()).toBeUndefined();
    expect(errors).toHaveLength(2);
    write(JSON.stringify([entry('Rita', 'auditor')]));
    expect(watched.changed()).toEqual([entry('Rita', 'auditor')]);
    expect(watched.changed()).toBeUndefined();
  });

  it('Given a broken file, Then the directory keeps the last good users (a typo does not sign everyone out)', () => {
    const directory = loadUserDirectory({ CARE_JOURNEY_USERS: file });
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    write('not json');
    expect(directory.currentRole('Rita')).toBe('panel_member');
    jest.restoreAllMocks();
  });

  it('Given the demo users (no file), Then they are fixed', () => {
    const directory = loadUserDirectory({});
    expect(directory.currentRole('panel.demo')).toBe('panel_member');
    expect(directory.currentRole('nobody')).toBeUndefined();
  });
});

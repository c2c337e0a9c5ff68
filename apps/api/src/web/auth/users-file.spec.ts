import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type Role, type WebUser } from '@care-journey/access';
import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { FILE_RECHECK_MS } from '../../auth/watched-file';
import { loadUserDirectory } from './user-directory';

const HASH = hashPassword('a-long-enough-password', Buffer.alloc(16, 1));
/** A social worker works in a team (the default scope, "team", requires it). */
const entry = (username: string, role: Role): WebUser => ({
  username,
  name: username,
  role,
  passwordHash: HASH,
  ...(role === 'social_worker' && { teams: ['Children in Care North'] }),
});

describe('the user directory follows its file (CARE_JOURNEY_USERS)', () => {
  let dir: string;
  let file: string;
  let clock: number;
  const logger = { error: jest.fn(), log: jest.fn() };
  /** The directory on `file`, looking at it at every look-up (0) unless given an interval; the clock is the spec's. */
  const directoryOn = (recheckMs = 0) =>
    loadUserDirectory({ CARE_JOURNEY_USERS: file, NODE_ENV: 'production' }, DEFAULT_AUTHORITY_CONFIG, {
      recheckMs,
      now: () => clock,
      logger,
    });
  /** Written as an editor or a deploy would: a new file moved into place. */
  const write = (text: string) => {
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'users-file-'));
    file = join(dir, 'users.json');
    clock = 0;
    logger.error.mockReset();
    logger.log.mockReset();
    write(JSON.stringify([entry('Rita', 'panel_member'), entry('sam', 'social_worker')]));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a user whose role is changed in the file, Then the directory gives the new role at the next look, without a restart', () => {
    const directory = directoryOn();
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(directory.currentRole('rita')).toBe('panel_member');
    write(JSON.stringify([entry('Rita', 'auditor'), entry('sam', 'social_worker')]));
    expect(directory.currentRole('Rita')).toBe('auditor');
  });

  it('Given a user removed from the file, Then the directory no longer has them, nor signs them in', () => {
    const directory = directoryOn();
    expect(directory.authenticate('sam', 'a-long-enough-password')?.role).toBe('social_worker');
    write(JSON.stringify([entry('Rita', 'panel_member')]));
    expect(directory.currentRole('sam')).toBeUndefined();
    expect(directory.authenticate('sam', 'a-long-enough-password')).toBeUndefined();
  });

  it('Given the file is broken or moved away, Then nothing is taken and the error is logged once; a good file is taken again', () => {
    const directory = directoryOn();
    write('[{"username": "Rita", "role": "auditor"');
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0][0]).toContain(
      `${file} not reloaded, the users read before stay in force`,
    );
    rmSync(file);
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(logger.error).toHaveBeenCalledTimes(2);
    write(JSON.stringify([entry('Rita', 'auditor')]));
    expect(directory.currentRole('Rita')).toBe('auditor');
    expect(directory.currentRole('sam')).toBeUndefined();
    expect(logger.log).toHaveBeenCalledWith(`${file} read again: 1 user(s)`);
  });

  it('Given a broken file, Then the directory keeps the last good users (a typo does not sign everyone out)', () => {
    const directory = directoryOn();
    write('not json');
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(directory.authenticate('sam', 'a-long-enough-password')?.role).toBe('social_worker');
  });

  it('Given the default interval, When the file changes, Then every look-up (role, teams, sign-in) keeps the last look until a second has passed, then all see the change', () => {
    const directory = directoryOn(FILE_RECHECK_MS);
    write(JSON.stringify([entry('Rita', 'auditor')]));
    clock = FILE_RECHECK_MS - 1;
    expect(directory.currentRole('Rita')).toBe('panel_member');
    expect(directory.teamsOf('sam')).toEqual(['Children in Care North']);
    expect(directory.authenticate('sam', 'a-long-enough-password')?.role).toBe('social_worker');
    clock = FILE_RECHECK_MS;
    expect(directory.teamsOf('sam')).toEqual([]);
    expect(directory.currentRole('Rita')).toBe('auditor');
    expect(directory.authenticate('sam', 'a-long-enough-password')).toBeUndefined();
  });

  it('Given the demo users (no file), Then they are fixed', () => {
    const directory = loadUserDirectory({});
    expect(directory.currentRole('panel.demo')).toBe('panel_member');
    expect(directory.currentRole('nobody')).toBeUndefined();
  });

  it('Given the demo users, Then sw.demo works in the first team and sw.other.demo in every other one', () => {
    const directory = loadUserDirectory({});
    const [first, ...others] = DEFAULT_AUTHORITY_CONFIG.teams;
    expect(directory.teamsOf('sw.demo')).toEqual([first]);
    expect(directory.teamsOf('SW.Other.Demo')).toEqual(others);
    expect(directory.teamsOf('panel.demo')).toEqual([]);
    expect(directory.teamsOf('nobody')).toEqual([]);
  });
});

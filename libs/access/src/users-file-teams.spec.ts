import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { hashPassword } from './password-hash';
import type { Role } from './role';
import { parseUsers } from './users-file';

const HASH = hashPassword('a-long-enough-password', Buffer.alloc(16, 2));
const TEAM_SCOPE = DEFAULT_AUTHORITY_CONFIG;
const AUTHORITY_SCOPE = { ...DEFAULT_AUTHORITY_CONFIG, socialWorkerScope: 'authority' as const };
const file = (...entries: { username: string; role: Role; teams?: unknown }[]) =>
  JSON.stringify(entries.map((e) => ({ name: e.username, passwordHash: HASH, ...e })));

describe('the users file gives each social worker the teams they work in', () => {
  it('Given a social worker with teams typed in another case or spacing, When read, Then the teams are kept as the authority spells them', () => {
    const [sam] = parseUsers(
      file({
        username: 'sam',
        role: 'social_worker',
        teams: ['children in care  NORTH', 'Leaving Care 16+'],
      }),
      'users.json',
      TEAM_SCOPE,
    );
    expect(sam.teams).toEqual(['Children in Care North', 'Leaving Care 16+']);
  });

  it('Given a team the authority does not have, When read, Then it is refused naming the entry, the user, the field and the teams', () => {
    expect(() =>
      parseUsers(
        file(
          { username: 'rita', role: 'panel_member' },
          { username: 'sam', role: 'social_worker', teams: ['East'] },
        ),
        'users.json',
        TEAM_SCOPE,
      ),
    ).toThrow(
      `users.json[1] (sam).teams[0]: must be one of the authority's teams (${DEFAULT_AUTHORITY_CONFIG.teams.join(', ')}), not "East"`,
    );
  });

  it('Given socialWorkerScope "team", When a social worker has no teams, Then start-up is refused naming the user and the field', () => {
    expect(() =>
      parseUsers(file({ username: 'sam', role: 'social_worker' }), 'users.json', TEAM_SCOPE),
    ).toThrow(/^users\.json\[0\] \(sam\)\.teams: a social_worker must list the teams they work in/);
    expect(() =>
      parseUsers(file({ username: 'sam', role: 'social_worker', teams: [] }), 'users.json', TEAM_SCOPE),
    ).toThrow(/^users\.json\[0\] \(sam\)\.teams: must be a list of one or more/);
  });

  it('Given socialWorkerScope "authority", When a social worker has no teams, Then they are taken (teams, if given, still checked)', () => {
    expect(
      parseUsers(file({ username: 'sam', role: 'social_worker' }), 'u.json', AUTHORITY_SCOPE)[0].teams,
    ).toBe(undefined);
    expect(() =>
      parseUsers(
        file({ username: 'sam', role: 'social_worker', teams: ['East'] }),
        'u.json',
        AUTHORITY_SCOPE,
      ),
    ).toThrow(/u\.json\[0\] \(sam\)\.teams\[0\]: must be one of/);
  });

  it('Given teams on a user who is not a social worker, When read, Then they are refused: that role reads every child', () => {
    expect(() =>
      parseUsers(
        file({ username: 'pat', role: 'panel_member', teams: ['Children in Care North'] }),
        'u.json',
        TEAM_SCOPE,
      ),
    ).toThrow('u.json[0] (pat).teams: only a social_worker works in teams; a panel_member reads every child');
  });
});

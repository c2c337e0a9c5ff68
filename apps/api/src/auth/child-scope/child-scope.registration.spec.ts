import type { AuthorityConfig } from '@care-journey/projections';
import type { RefusalTrail } from './refusal-trail';
import type { JourneyRepository } from '../../children/recording/journey.repository';
import type { UserDirectory } from '../../web/auth/user-directory';
import type { AuthenticatedUser } from '../authenticated-user';
import { ChildScope } from './child-scope';
import { UserTeamScopes } from './user-team-scopes';

/** The scope of an authority with teams North and South, its social workers in the given teams. */
function scopeFor(teams: readonly string[], socialWorkerScope = 'team'): ChildScope {
  const users = { teamsOf: () => teams } as unknown as UserDirectory;
  const authority = { socialWorkerScope, teams: ['North', 'South'] } as unknown as AuthorityConfig;
  return new ChildScope(
    new UserTeamScopes(users, authority),
    authority,
    {} as JourneyRepository,
    {} as RefusalTrail,
  );
}

const worker: AuthenticatedUser = { id: 'sw.north', role: 'social_worker' } as AuthenticatedUser;

describe('ChildScope.registrationRefusal: a team-scoped social worker registers only into their own teams', () => {
  it('Given a North worker, When the team is South, Then refused on team (ownTeam), naming their teams', () => {
    expect(scopeFor(['North']).registrationRefusal(worker, 'South')).toEqual({
      field: 'team',
      rule: 'ownTeam',
      message:
        'team must be one of your teams (North), not "South": a social worker registers children into their own teams',
    });
  });

  it('Given a North worker, When the team is their own in another spelling, Then not refused', () => {
    expect(scopeFor(['North']).registrationRefusal(worker, ' north ')).toBeUndefined();
  });

  it('Given a North worker, When the team is left blank or missing, Then not refused here: the form’s validation names it as missing', () => {
    const scope = scopeFor(['North']);
    expect(scope.registrationRefusal(worker, '')).toBeUndefined();
    expect(scope.registrationRefusal(worker, undefined)).toBeUndefined();
  });

  it('Given a North worker, When the team is only spaces, Then refused: it is a team named, and not theirs', () => {
    expect(scopeFor(['North']).registrationRefusal(worker, '   ')?.rule).toBe('ownTeam');
  });

  it('Given a worker in no team, When the team is blank or any team, Then refused, saying they work in no team', () => {
    const scope = scopeFor([]);
    for (const team of ['', undefined, 'North'])
      expect(scope.registrationRefusal(worker, team)).toEqual({
        field: 'team',
        rule: 'ownTeam',
        message:
          'team: you work in no team in the users file, so you cannot register a child (socialWorkerScope "team")',
      });
  });

  it('Given socialWorkerScope "authority", When any team is sent, Then not refused', () => {
    expect(scopeFor([], 'authority').registrationRefusal(worker, 'South')).toBeUndefined();
  });
});

import type { AuthorityConfig } from '@care-journey/projections';
import { journeyDecider, type JourneyState } from '@care-journey/journey';
import type { RefusalTrail } from './refusal-trail';
import type { JourneyRepository, LoadedJourney } from '../../children/recording/journey.repository';
import type { UserDirectory } from '../../web/auth/user-directory';
import type { AuthenticatedUser } from '../authenticated-user';
import { ChildScope } from './child-scope';
import { UserTeamScopes } from './user-team-scopes';

const allocated = (team: string): JourneyState =>
  ({ ...journeyDecider.initialState, allocation: { team, socialWorker: 'sw' } }) as unknown as JourneyState;

/** A repository that keeps one fold and counts its reads of the store. */
function repositoryKeeping(kept: JourneyState | undefined, stored: JourneyState) {
  const reads: string[] = [];
  const repository = {
    keptState: () => kept,
    load: (childId: string): Promise<LoadedJourney> => {
      reads.push(childId);
      return Promise.resolve({ state: stored, revision: 3n, globalPosition: 9n, outcomes: new Map() });
    },
  } as unknown as JourneyRepository;
  return { repository, reads };
}

function scopeWith(repository: JourneyRepository): ChildScope {
  const users = { teamsOf: () => ['South'] } as unknown as UserDirectory;
  const authority = { socialWorkerScope: 'team', teams: ['North', 'South'] } as unknown as AuthorityConfig;
  return new ChildScope(new UserTeamScopes(users, authority), authority, repository, {} as RefusalTrail);
}

const southWorker: AuthenticatedUser = { id: 'sw.south', role: 'social_worker' } as AuthenticatedUser;
const panel: AuthenticatedUser = { id: 'pat', role: 'panel_member' } as AuthenticatedUser;

describe('ChildScope.mayRecord: a command’s guard passes on a kept fold in scope, and reads otherwise', () => {
  it('Given a kept fold allocated to the worker’s team, Then it may record, without reading the stream', async () => {
    const { repository, reads } = repositoryKeeping(allocated('south'), allocated('North'));
    await expect(scopeWith(repository).mayRecord(southWorker, 'c-1')).resolves.toBe(true);
    expect(reads).toEqual([]);
  });

  it('Given a kept fold out of scope, Then the stream is read and decides (a re-allocation into the team is seen)', async () => {
    const { repository, reads } = repositoryKeeping(allocated('North'), allocated('South'));
    await expect(scopeWith(repository).mayRecord(southWorker, 'c-1')).resolves.toBe(true);
    expect(reads).toEqual(['c-1']);
  });

  it('Given no kept fold, Then the stream is read: out of scope there is refused', async () => {
    const { repository, reads } = repositoryKeeping(undefined, allocated('North'));
    await expect(scopeWith(repository).mayRecord(southWorker, 'c-1')).resolves.toBe(false);
    expect(reads).toEqual(['c-1']);
  });

  it('Given a role with every child in scope, Then it may record, and nothing is read', async () => {
    const { repository, reads } = repositoryKeeping(undefined, allocated('North'));
    await expect(scopeWith(repository).mayRecord(panel, 'c-1')).resolves.toBe(true);
    expect(reads).toEqual([]);
  });
});

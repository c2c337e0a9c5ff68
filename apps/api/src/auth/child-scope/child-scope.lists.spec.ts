/**
 * ChildScope's list filters (search results, drift rows, the drift report's summaries): a team-scoped
 * social worker sees only children allocated to their teams (compared as teamKey does), never an
 * unallocated one; every other user gets the list untouched, the same object.
 */
import type { AuthorityConfig } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import type { JourneyRepository } from '../../children/recording/journey.repository';
import type { UserDirectory } from '../../web/auth/user-directory';
import type { AuthenticatedUser } from '../authenticated-user';
import { ChildScope } from './child-scope';
import type { RefusalTrail } from './refusal-trail';
import { UserTeamScopes } from './user-team-scopes';

const southWorker = { id: 'sw.south', role: 'social_worker' } as AuthenticatedUser;
const panel = { id: 'pat', role: 'panel_member' } as AuthenticatedUser;

/** The users file gives sw.south the team South; the authority scopes social workers by team. */
function scope(): ChildScope {
  const users = { teamsOf: () => ['South'] } as unknown as UserDirectory;
  const authority = { socialWorkerScope: 'team', teams: ['North', 'South'] } as unknown as AuthorityConfig;
  return new ChildScope(
    new UserTeamScopes(users, authority),
    authority,
    {} as JourneyRepository,
    {} as RefusalTrail,
  );
}

describe('ChildScope.visible: list items by their child’s team', () => {
  const rows = [
    { childId: 'n1', team: 'North' },
    { childId: 's1', team: 'South' },
    { childId: 's2', team: ' south ' },
    { childId: 'u1', team: undefined },
  ];

  it('Given a team-scoped social worker in South, When a list is filtered, Then only South’s children are kept (another spelling of South included), not North’s nor an unallocated one', () => {
    const kept = scope().visible(southWorker, rows, (row) => row.team);
    expect(kept.map((row) => row.childId)).toEqual(['s1', 's2']);
  });

  it('Given a panel member, When the list is filtered, Then it is the same list object, untouched', () => {
    expect(scope().visible(panel, rows, (row) => row.team)).toBe(rows);
  });
});

describe('ChildScope.summaries: the read models’ children by their allocation today', () => {
  const summaries = [
    journey('north').registered('2024-01-01', { team: 'North' }).summary(),
    journey('south').registered('2024-01-01', { team: 'South' }).summary(),
    // Allocated to South until 1 June 2025, then to North.
    journey('moved')
      .registered('2024-01-01', { team: 'South' })
      .add('AllocationChanged', { effectiveDate: '2025-06-01', team: 'North', socialWorker: 'sw-2' })
      .summary(),
    // Registered (so first allocated) after the day asked about: no allocation that day.
    journey('later').registered('2025-09-01', { team: 'South' }).summary(),
  ];

  it('Given a team-scoped social worker in South, When the summaries are read on 1 May 2025, Then South’s children that day are kept', () => {
    const kept = scope().summaries(southWorker, summaries, '2025-05-01');
    expect([...kept].map((s) => s.childId)).toEqual(['south', 'moved']);
  });

  it('Given the same worker on 1 October 2025, When the summaries are read, Then the child moved to North is gone and the one allocated since to South is kept', () => {
    const kept = scope().summaries(southWorker, summaries, '2025-10-01');
    expect([...kept].map((s) => s.childId)).toEqual(['south', 'later']);
  });

  it('Given a panel member, When the summaries are read, Then they are the same object, untouched', () => {
    expect(scope().summaries(panel, summaries, '2025-05-01')).toBe(summaries);
  });
});

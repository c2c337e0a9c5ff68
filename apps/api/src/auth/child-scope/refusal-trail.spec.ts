import { ConflictException } from '@nestjs/common';
import type { AccessLogRecorder } from '../../audit/access-log.recorder';
import { UpnInUse } from '../../child-refs/upn-in-use';
import { ChildNotFound, ChildOutOfScope, ChildRefInUse } from '../../children/application-errors';
import type { AuthenticatedUser } from '../authenticated-user';
import { RefusalTrail, type RefusedRequest } from './refusal-trail';
import { ALL_CHILDREN, type TeamScope } from './team-scope';
import type { UserTeamScopes } from './user-team-scopes';

const worker = { id: 'sw.north', role: 'social_worker' } as AuthenticatedUser;
const request: RefusedRequest = {
  method: 'POST',
  headers: { 'x-correlation-id': 'corr-1' },
  routeOptions: { url: '/children/:id/reviews' },
};

/** A trail over a recorder that keeps what it is given, for a user whose scope is `scope`. */
function trailFor(scope: TeamScope) {
  const recorded: unknown[][] = [];
  const recorder = {
    record: (...args: unknown[]) => {
      recorded.push(args);
      return Promise.resolve();
    },
  } as unknown as AccessLogRecorder;
  const scopes = { of: () => scope } as unknown as UserTeamScopes;
  return { trail: new RefusalTrail(scopes, recorder), recorded };
}

const teamScoped: TeamScope = { all: false, teams: ['North'] };

describe('RefusalTrail.recordIfRefusal: which refusals made on the decided state go in the read-access trail', () => {
  it('Given a child out of scope, When recorded, Then one refused entry naming the child, the route and the scope rule', async () => {
    const { trail, recorded } = trailFor(teamScoped);
    await trail.recordIfRefusal(worker, new ChildOutOfScope('child-9'), request, 'child-9');
    expect(recorded).toEqual([
      [
        worker,
        {
          childId: 'child-9',
          view: 'refused',
          query: { method: 'POST', route: '/children/:id/reviews', rule: 'socialWorkerScope' },
        },
        'corr-1',
      ],
    ]);
  });

  it("Given a team-scoped worker, When a reference or UPN is in use, Then recorded against the error's child, else the route's", async () => {
    const { trail, recorded } = trailFor(teamScoped);
    await trail.recordIfRefusal(
      worker,
      new ChildRefInUse('REF1', 'childRef', 'new-child'),
      request,
      undefined,
    );
    await trail.recordIfRefusal(worker, new UpnInUse(), request, 'route-child');
    expect(recorded.map(([, read]) => read)).toEqual([
      expect.objectContaining({
        childId: 'new-child',
        query: expect.objectContaining({ rule: 'child-ref-in-use' }),
      }),
      expect.objectContaining({
        childId: 'route-child',
        query: expect.objectContaining({ rule: 'upn-in-use' }),
      }),
    ]);
  });

  it('Given a user who sees every child, When a reference is in use, Then nothing is recorded (it tells them nothing new)', async () => {
    const { trail, recorded } = trailFor(ALL_CHILDREN);
    await trail.recordIfRefusal(worker, new ChildRefInUse('REF1', 'childRef', 'new-child'), request, 'x');
    expect(recorded).toEqual([]);
  });

  it('Given any other error (an unknown child, a conflict), When recorded, Then nothing is recorded', async () => {
    const { trail, recorded } = trailFor(teamScoped);
    await trail.recordIfRefusal(worker, new ChildNotFound('child-9'), request, 'child-9');
    await trail.recordIfRefusal(worker, new ConflictException('other'), request, 'child-9');
    await trail.recordIfRefusal(worker, new ChildRefInUse('REF1'), request, undefined);
    expect(recorded).toEqual([]);
  });

  it('Given a correlation id that is not safe to store, When recorded, Then the entry has none', async () => {
    const { trail, recorded } = trailFor(teamScoped);
    const unsafe = { ...request, headers: { 'x-correlation-id': 'bad id with spaces' } };
    await trail.recordIfRefusal(worker, new ChildOutOfScope('child-9'), unsafe, 'child-9');
    expect(recorded[0][2]).toBeUndefined();
  });
});

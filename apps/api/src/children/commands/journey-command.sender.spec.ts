import type { CommandBus } from '@nestjs/cqrs';
import type { RefusalTrail, RefusedRequest } from '../../auth/child-scope/refusal-trail';
import { ALL_CHILDREN } from '../../auth/child-scope/team-scope';
import type { UserTeamScopes } from '../../auth/child-scope/user-team-scopes';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import type { Clock } from '../../infrastructure/clock';
import type { AllocationNames } from '../allocation/allocation-names';
import { ChildOutOfScope } from '../application-errors';
import { RequestHasher } from '../recording/idempotency';
import { JourneyCommandSender } from './journey-command.sender';
import type { RecordResult } from './record-journey.command';

const user = { id: 'sw.north', role: 'social_worker' } as AuthenticatedUser;
const request: RefusedRequest = {
  method: 'POST',
  headers: {},
  routeOptions: { url: '/children/:id/reviews' },
};
const review = { reviewDate: '2025-01-10' };
const ok: RecordResult = { childId: 'c1', revision: '3', globalPosition: '9', events: [] };

/** A sender over a command bus answering `outcome`, and the refusals its trail was asked about. */
function senderAnswering(outcome: () => Promise<RecordResult>) {
  const asked: { error: unknown; request: RefusedRequest; childId: string | undefined }[] = [];
  let recordedBeforeCallerHeard = false;
  const refusals = {
    recordIfRefusal: async (_: AuthenticatedUser, error: unknown, req: RefusedRequest, childId?: string) => {
      await Promise.resolve();
      asked.push({ error, request: req, childId });
      recordedBeforeCallerHeard = true;
    },
  } as unknown as RefusalTrail;
  const sender = new JourneyCommandSender(
    { execute: outcome } as unknown as CommandBus,
    { now: () => new Date('2025-01-10T10:00:00Z') } as unknown as Clock,
    {} as AllocationNames,
    { of: () => ALL_CHILDREN } as unknown as UserTeamScopes,
    new RequestHasher('secret'),
    refusals,
  );
  return { sender, asked, recordedFirst: () => recordedBeforeCallerHeard };
}

describe('JourneyCommandSender: a refusal made on the decided state goes in the trail before the caller hears of it', () => {
  it('Given the handler refuses the child as out of scope, When sent from an API route, Then the trail is asked first and the error reaches the caller unchanged', async () => {
    const refusal = new ChildOutOfScope('c1');
    const { sender, asked, recordedFirst } = senderAnswering(() => Promise.reject(refusal));
    let seenAtRejection: boolean | undefined;
    const sent = sender.send('RecordReview', 'c1', review as never, undefined as never, {
      user,
      correlationId: 'corr',
      request,
    });
    await expect(
      sent.catch((error: unknown) => {
        seenAtRejection = recordedFirst();
        throw error;
      }),
    ).rejects.toBe(refusal);
    expect(seenAtRejection).toBe(true);
    expect(asked).toEqual([{ error: refusal, request, childId: 'c1' }]);
  });

  it('Given the command is recorded, When sent, Then the trail is not asked', async () => {
    const { sender, asked } = senderAnswering(() => Promise.resolve(ok));
    await expect(
      sender.send('RecordReview', 'c1', review as never, undefined as never, {
        user,
        correlationId: 'c',
        request,
      }),
    ).resolves.toBe(ok);
    expect(asked).toEqual([]);
  });

  it('Given no HTTP request in the origin (the pages record theirs through the scope interceptor), When refused, Then the trail is not asked here', async () => {
    const refusal = new ChildOutOfScope('c1');
    const { sender, asked } = senderAnswering(() => Promise.reject(refusal));
    await expect(
      sender.send('RecordReview', 'c1', review as never, undefined as never, { user, correlationId: 'c' }),
    ).rejects.toBe(refusal);
    expect(asked).toEqual([]);
  });
});

describe('JourneyCommandSender: the command it sends', () => {
  it('Given a body that also names the path and token fields, When sent, Then the command holds the body in the order sent, then type, childId, now and recordedBy from the path, token and clock', async () => {
    let sentCommand: unknown;
    const { sender } = senderAnswering(() => Promise.resolve(ok));
    const bus = (
      sender as unknown as { commandBus: { execute(c: { command: unknown }): Promise<RecordResult> } }
    ).commandBus;
    bus.execute = (c) => {
      sentCommand = c.command;
      return Promise.resolve(ok);
    };
    const body = {
      childId: 'from-body',
      effectiveDate: '2025-01-10',
      recordedBy: 'forged',
      participation: 'PN1',
    };
    await sender.send('RecordReview', 'c1', body as never, undefined as never, { user, correlationId: 'c' });
    expect(Object.entries(sentCommand as object)).toEqual([
      ['childId', 'c1'],
      ['effectiveDate', '2025-01-10'],
      ['recordedBy', 'sw.north'],
      ['participation', 'PN1'],
      ['type', 'RecordReview'],
      ['now', new Date('2025-01-10T10:00:00Z')],
    ]);
    expect(body.childId).toBe('from-body'); // the body itself is left as sent
  });
});

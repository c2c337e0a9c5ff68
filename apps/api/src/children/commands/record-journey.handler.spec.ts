import { WrongExpectedRevision } from '@care-journey/event-store';
import { DomainRuleViolation, initialState, type JourneyCommand } from '@care-journey/journey';
import { ChildNotFound, RevisionConflict } from '../application-errors';
import type { JourneyRepository, LoadedJourney } from '../recording/journey.repository';
import { RecordJourneyCommand } from './record-journey.command';
import { RecordJourneyHandler } from './record-journey.handler';

const context = { now: '2024-01-10T10:00:00Z', recordedBy: 'alice', correlationId: 'c', causationId: 'k' };
const review: JourneyCommand = {
  type: 'RecordReview',
  childId: 'c1',
  effectiveDate: '2024-01-09',
  participation: 'PN1',
  now: context.now,
  recordedBy: 'alice',
};

jest.mock('@care-journey/journey', () => ({
  ...jest.requireActual('@care-journey/journey'),
  journeyDecider: { decide: jest.fn(() => [{ type: 'StatutoryReviewHeld', data: {} }]) },
}));

function fakeRepository(revisions: (bigint | undefined)[], appendOutcomes: ('ok' | 'clash')[]) {
  const loads: bigint[] = [];
  const repo = {
    load: jest.fn(async (): Promise<LoadedJourney> => {
      const revision = revisions.shift();
      if (revision !== undefined) loads.push(revision);
      return { state: initialState, revision, globalPosition: revision };
    }),
    append: jest.fn(async (_id: string, _events: unknown[], expected: bigint) => {
      if (appendOutcomes.shift() === 'clash')
        throw new WrongExpectedRevision('journey-c1', String(expected), expected + 1n);
      return {
        nextExpectedRevision: expected + 1n,
        globalPosition: 100n,
        events: [{ id: 'e1', type: 'StatutoryReviewHeld' }],
      };
    }),
  };
  return { repo, loads, handler: new RecordJourneyHandler(repo as unknown as JourneyRepository) };
}

describe('RecordJourneyHandler', () => {
  it('appends at the revision it read', async () => {
    const { repo, handler } = fakeRepository([3n], ['ok']);
    const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
    expect(repo.append).toHaveBeenCalledWith('c1', expect.any(Array), 3n, context);
    expect(result).toEqual({
      childId: 'c1',
      revision: '4',
      globalPosition: '100',
      events: [{ id: 'e1', type: 'StatutoryReviewHeld' }],
    });
  });

  it('re-reads and re-decides once after a clash', async () => {
    const { repo, handler } = fakeRepository([3n, 4n], ['clash', 'ok']);
    const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
    expect(repo.load).toHaveBeenCalledTimes(2);
    expect(repo.append).toHaveBeenLastCalledWith('c1', expect.any(Array), 4n, context);
    expect(result.revision).toBe('5');
  });

  it('gives up with a conflict naming the current revision after a second clash', async () => {
    const { handler } = fakeRepository([3n, 4n], ['clash', 'clash']);
    const error = await handler
      .execute(new RecordJourneyCommand(review, { kind: 'none' }, context))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflict);
    expect(error).toMatchObject({ expected: 4n, actual: 5n });
  });

  it('never re-decides for a client that asserted a revision with If-Match', async () => {
    const { repo, handler } = fakeRepository([3n], ['clash']);
    const error = await handler
      .execute(new RecordJourneyCommand(review, { kind: 'revision', revision: 3n }, context))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflict);
    expect(repo.load).toHaveBeenCalledTimes(1);
  });

  it('refuses a stale If-Match before deciding', async () => {
    const { repo, handler } = fakeRepository([5n], []);
    const error = await handler
      .execute(new RecordJourneyCommand(review, { kind: 'revision', revision: 3n }, context))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ expected: 3n, actual: 5n });
    expect(repo.append).not.toHaveBeenCalled();
  });

  it('404s a command for a child with no stream', async () => {
    const { handler } = fakeRepository([undefined], []);
    await expect(
      handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context)),
    ).rejects.toBeInstanceOf(ChildNotFound);
  });

  it('lets a domain rule violation through untouched', async () => {
    const { journeyDecider } = jest.requireMock('@care-journey/journey') as {
      journeyDecider: { decide: jest.Mock };
    };
    journeyDecider.decide.mockImplementationOnce(() => {
      throw new DomainRuleViolation('date-in-future', 'no');
    });
    const { repo, handler } = fakeRepository([3n], []);
    await expect(
      handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context)),
    ).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(repo.append).not.toHaveBeenCalled();
  });
});

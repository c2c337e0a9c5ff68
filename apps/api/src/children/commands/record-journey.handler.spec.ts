import { DuplicateEventIds, WrongExpectedRevision } from '@care-journey/event-store';
import {
  DomainRuleViolation,
  initialState,
  journeyDecider,
  journeyStateOf,
  type JourneyCommand,
  type JourneyEvent,
  type JourneyState,
} from '@care-journey/journey';
import type { Clock } from '../../infrastructure/clock';
import { ChildNotFound, ChildRefInUse, IdempotencyKeyReused, RevisionConflict } from '../application-errors';
import { legacyRequestHash, RequestHasher } from '../recording/idempotency';
import { NO_KEYED_OUTCOMES, outcomeKey, type KeyedOutcomes } from '../recording/keyed-outcomes';
import type { CachedJourney, JourneyRepository, LoadedJourney } from '../recording/journey.repository';
import { RecordJourneyCommand } from './record-journey.command';
import { recordJourneyHandler } from './testing/record-journey-handler';

const context = { now: '2024-01-10T10:00:00Z', recordedBy: 'alice', correlationId: 'c', causationId: 'k' };
/** The request's own instant: a decision on a fresh read is stamped with it again. */
const pinnedClock = { now: () => context.now } as Clock;
const review: JourneyCommand = {
  type: 'RecordReview',
  childId: 'c1',
  effectiveDate: '2024-01-09',
  participation: 'PN1',
  now: context.now,
  recordedBy: 'alice',
};

// The real decider judges every command (the domain is pure); only the repository is faked.
const registration = {
  childId: 'c1',
  effectiveDate: '2023-12-01',
  childRef: 'LA-1',
  name: 'Alex Example',
  dateOfBirth: '2015-01-01',
  sex: '2' as const,
  ethnicity: 'WBRI',
  upn: 'A123456789012',
  uasc: false,
  relinquishedAtBirth: false,
  team: 'North',
  socialWorker: 'alice',
};
const registered: JourneyEvent = { type: 'ChildRegistered', data: registration };
/** Child c1 registered, not yet in care: the real decider refuses a review. */
const NOT_IN_CARE: JourneyState = journeyStateOf([registered]);
/** Child c1 in care since 1 December 2023: the real decider records the review. */
const IN_CARE: JourneyState = journeyStateOf([
  registered,
  {
    type: 'PeriodOfCareStarted',
    data: {
      childId: 'c1',
      effectiveDate: '2023-12-01',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      placement: { placementType: 'U4', provider: 'PR1', inArea: true },
    },
  },
]);
const register: JourneyCommand = {
  type: 'RegisterChild',
  ...registration,
  effectiveDate: '2024-01-09',
  now: context.now,
  recordedBy: 'alice',
};

afterEach(() => jest.restoreAllMocks());

function fakeRepository(
  revisions: (bigint | undefined)[],
  appendOutcomes: ('ok' | 'clash' | 'twin')[],
  keyedAfter: KeyedOutcomes[] = [],
  /** The fold the repository kept (none: every command reads). */
  kept?: CachedJourney,
  /** How far the repository knows the stream after an append (default: the kept fold's revision). */
  knownAfterAppend?: bigint,
  /** The states successive reads of the stream give (default: in care). */
  states: JourneyState[] = [],
) {
  let known = kept?.revision;
  let keyed: KeyedOutcomes = NO_KEYED_OUTCOMES;
  const loads: bigint[] = [];
  const repo = {
    cached: jest.fn((): CachedJourney | undefined => kept),
    knownRevision: jest.fn((): bigint | undefined => known),
    load: jest.fn(async (): Promise<LoadedJourney> => {
      const revision = revisions.shift();
      keyed = keyedAfter.shift() ?? keyed;
      if (revision !== undefined) loads.push(revision);
      const state = revision === undefined ? initialState : (states.shift() ?? IN_CARE);
      return { state, revision, globalPosition: revision, outcomes: keyed };
    }),
    append: jest.fn(async (_id: string, _events: unknown[], expected: bigint) => {
      known = knownAfterAppend ?? known;
      const outcome = appendOutcomes.shift();
      if (outcome === 'clash') throw new WrongExpectedRevision('journey-c1', String(expected), expected + 1n);
      if (outcome === 'twin') throw new DuplicateEventIds('journey-c1', ['e1'], 'partial');
      return {
        nextExpectedRevision: expected + 1n,
        globalPosition: 100n,
        events: [{ id: 'e1', type: 'StatutoryReviewHeld' }],
      };
    }),
  };
  const handlerWith = (clock: Clock) => recordJourneyHandler(repo as unknown as JourneyRepository, { clock });
  return { repo, loads, handler: handlerWith(pinnedClock), handlerWith };
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

  it('Given a clash, When it decides again on the fresh read, Then that decision is stamped after the read, not with the request’s instant', async () => {
    const decide = jest.spyOn(journeyDecider, 'decide');
    const { repo, handlerWith } = fakeRepository([3n, 4n], ['clash', 'ok']);
    const instants = ['2024-01-10T10:00:01.000Z', '2024-01-10T10:00:02.000Z'];
    const clock = { now: jest.fn(() => instants.shift() as string) };
    await handlerWith(clock as Clock).execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
    // Each attempt stamps after its read: the second read comes before the second stamp.
    expect(repo.load.mock.invocationCallOrder[1]).toBeLessThan(clock.now.mock.invocationCallOrder[1]);
    const stamped = { ...context, now: '2024-01-10T10:00:02.000Z' };
    expect(repo.append).toHaveBeenLastCalledWith('c1', expect.any(Array), 4n, stamped);
    expect(decide).toHaveBeenLastCalledWith(
      expect.objectContaining({ now: '2024-01-10T10:00:02.000Z' }),
      expect.anything(),
    );
  });

  it('gives up with a conflict naming the current revision after a second clash', async () => {
    const { handler } = fakeRepository([3n, 4n], ['clash', 'clash']);
    const error = await handler
      .execute(new RecordJourneyCommand(review, { kind: 'none' }, context))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RevisionConflict);
    expect(error).toMatchObject({ expected: 4n, actual: 5n });
  });

  it('Given another child holds the reference, When a registration is appended, Then the 409 passes through unretried', async () => {
    const { repo, handler } = fakeRepository([undefined], []);
    repo.append.mockRejectedValueOnce(new ChildRefInUse('LA-1'));
    const error = await handler
      .execute(new RecordJourneyCommand(register, { kind: 'none' }, context))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChildRefInUse);
    expect(error).toMatchObject({
      response: { statusCode: 409, rule: 'child-ref-in-use', field: 'childRef' },
    });
    expect(repo.append).toHaveBeenCalledTimes(1);
    expect(repo.append).toHaveBeenCalledWith('c1', expect.any(Array), 'no_stream', context);
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
    const { repo, handler } = fakeRepository([3n], [], [], undefined, undefined, [NOT_IN_CARE]);
    await expect(
      handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context)),
    ).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(repo.append).not.toHaveBeenCalled();
  });

  describe('with an Idempotency-Key', () => {
    const keyed = { ...context, idempotency: { key: 'k-1', requestHash: 'h1' } };
    const recorded = (requestHash: string, recordedBy = 'alice'): KeyedOutcomes =>
      new Map([
        [
          outcomeKey(recordedBy, 'k-1'),
          {
            requestHash,
            events: [{ id: 'e0', type: 'StatutoryReviewHeld' }],
            revision: 2n,
            globalPosition: 40n,
          },
        ],
      ]);

    it('answers a key already recorded with its first outcome, deciding and appending nothing', async () => {
      const decide = jest.spyOn(journeyDecider, 'decide');
      const { repo, handler } = fakeRepository([3n], [], [recorded('h1')]);
      const result = await handler.execute(
        new RecordJourneyCommand(review, { kind: 'revision', revision: 1n }, keyed),
      );
      expect(result).toEqual({
        childId: 'c1',
        revision: '2',
        globalPosition: '40',
        events: [{ id: 'e0', type: 'StatutoryReviewHeld' }],
      });
      expect(decide).not.toHaveBeenCalled();
      expect(repo.append).not.toHaveBeenCalled();
    });

    it('refuses the key with another request (422 naming the header), recording nothing', async () => {
      const { repo, handler } = fakeRepository([3n], [], [recorded('h2')]);
      const error = await handler
        .execute(new RecordJourneyCommand(review, { kind: 'none' }, keyed))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdempotencyKeyReused);
      expect((error as IdempotencyKeyReused).getStatus()).toBe(422);
      expect((error as IdempotencyKeyReused).getResponse()).toMatchObject({
        rule: 'idempotency-key-reused',
        field: 'Idempotency-Key',
      });
      expect(repo.append).not.toHaveBeenCalled();
    });

    describe('across the change to keyed request hashes (session 11)', () => {
      const body = { effectiveDate: '2024-01-09', participation: 'PN1' };
      const hasher = new RequestHasher('the-server-secret-of-this-spec-0123456789');
      const retry = {
        ...context,
        idempotency: {
          key: 'k-1',
          requestHash: hasher.hash('RecordReview', 'c1', body),
          legacyRequestHash: () => legacyRequestHash('RecordReview', 'c1', body),
        },
      };

      it('Given an outcome stored with the old unkeyed hash, When the same request is sent again under its key, Then it is recognised: the first outcome, nothing appended', async () => {
        const { repo, handler } = fakeRepository(
          [3n],
          [],
          [recorded(legacyRequestHash('RecordReview', 'c1', body))],
        );
        const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, retry));
        expect(result.events).toEqual([{ id: 'e0', type: 'StatutoryReviewHeld' }]);
        expect(repo.append).not.toHaveBeenCalled();
      });

      it('Given an outcome stored with the old unkeyed hash of another body, Then the retry is refused as another request', async () => {
        const other = legacyRequestHash('RecordReview', 'c1', { ...body, participation: 'PN2' });
        const { repo, handler } = fakeRepository([3n], [], [recorded(other)]);
        const error = await handler
          .execute(new RecordJourneyCommand(review, { kind: 'none' }, retry))
          .catch((e: unknown) => e);
        expect((error as IdempotencyKeyReused).getResponse()).toMatchObject({
          rule: 'idempotency-key-reused',
        });
        expect(repo.append).not.toHaveBeenCalled();
      });

      it('Given an outcome hashed under another server secret, Then the retry is refused saying so (idempotency-key-unverifiable, naming the setting), nothing appended', async () => {
        const before = new RequestHasher('the-secret-before-it-was-rotated-0123456789');
        const { repo, handler } = fakeRepository(
          [3n],
          [],
          [recorded(before.hash('RecordReview', 'c1', body))],
        );
        const error = await handler
          .execute(new RecordJourneyCommand(review, { kind: 'none' }, retry))
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IdempotencyKeyReused);
        expect((error as IdempotencyKeyReused).getStatus()).toBe(422);
        const response = (error as IdempotencyKeyReused).getResponse() as { rule: string; message: string };
        expect(response.rule).toBe('idempotency-key-unverifiable');
        expect(response.message).toContain('CARE_JOURNEY_JWT_SECRET');
        expect(repo.append).not.toHaveBeenCalled();
      });
    });

    it("keys are per user: another user's same key is a new command", async () => {
      const { repo, handler } = fakeRepository([3n], ['ok'], [recorded('h1', 'bob')]);
      const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, keyed));
      expect(result.revision).toBe('4');
      expect(repo.append).toHaveBeenCalledTimes(1);
    });

    it('a new key is decided and appended as usual, with the key in the context', async () => {
      const { repo, handler } = fakeRepository([3n], ['ok']);
      await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, keyed));
      expect(repo.append).toHaveBeenCalledWith('c1', expect.any(Array), 3n, keyed);
    });

    it.each<['clash' | 'twin', string]>([
      ['clash', 'a revision clash'],
      ['twin', 'the same event ids already stored'],
    ])(
      'after %s (a concurrent duplicate won with If-Match), answers with what it recorded',
      async (outcome) => {
        const { repo, handler } = fakeRepository([3n, 4n], [outcome], [NO_KEYED_OUTCOMES, recorded('h1')]);
        const result = await handler.execute(
          new RecordJourneyCommand(review, { kind: 'revision', revision: 3n }, keyed),
        );
        expect(result.events).toEqual([{ id: 'e0', type: 'StatutoryReviewHeld' }]);
        expect(repo.append).toHaveBeenCalledTimes(1);
      },
    );

    it('without a twin on the re-read, a clash under If-Match is still a 409', async () => {
      const { handler } = fakeRepository([3n, 4n], ['clash']);
      await expect(
        handler.execute(new RecordJourneyCommand(review, { kind: 'revision', revision: 3n }, keyed)),
      ).rejects.toBeInstanceOf(RevisionConflict);
    });
  });
  describe('on the fold the repository kept (no read unless the answer needs one)', () => {
    const keptAt = (
      revision: bigint,
      outcomes: KeyedOutcomes = NO_KEYED_OUTCOMES,
      state: JourneyState = IN_CARE,
    ): CachedJourney => ({
      state,
      revision,
      globalPosition: revision,
      outcomes,
    });
    it('decides on the kept fold and appends at its revision without reading', async () => {
      const { repo, handler } = fakeRepository([], ['ok'], [], keptAt(3n));
      const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
      expect(repo.load).not.toHaveBeenCalled();
      expect(repo.append).toHaveBeenCalledWith('c1', expect.any(Array), 3n, context);
      expect(result.revision).toBe('4');
    });

    it('takes an If-Match equal to the kept revision without reading', async () => {
      const { repo, handler } = fakeRepository([], ['ok'], [], keptAt(3n));
      await handler.execute(new RecordJourneyCommand(review, { kind: 'revision', revision: 3n }, context));
      expect(repo.load).not.toHaveBeenCalled();
    });

    it('after a clash on the kept fold (stale), reads and decides again, and still has its one retry', async () => {
      const { repo, handler } = fakeRepository([5n, 6n], ['clash', 'clash', 'ok'], [], keptAt(3n));
      const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
      expect(repo.append.mock.calls.map((call) => call[2])).toEqual([3n, 5n, 6n]);
      expect(repo.load).toHaveBeenCalledTimes(2);
      expect(result.revision).toBe('7');
    });

    it('after a clash while this process itself wrote the child (its fold moved on), uses up the one retry', async () => {
      const { repo, handler } = fakeRepository([5n, 6n], ['clash', 'clash'], [], keptAt(3n), 4n);
      const error = await handler
        .execute(new RecordJourneyCommand(review, { kind: 'none' }, context))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ expected: 5n, actual: 6n });
      expect(repo.append.mock.calls.map((call) => call[2])).toEqual([3n, 5n]);
      expect(repo.load).toHaveBeenCalledTimes(1);
    });

    it('after a clash on the kept fold and two on fresh reads, answers 409 (bounded)', async () => {
      const { repo, handler } = fakeRepository([5n, 6n], ['clash', 'clash', 'clash'], [], keptAt(3n));
      const error = await handler
        .execute(new RecordJourneyCommand(review, { kind: 'none' }, context))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ expected: 6n, actual: 7n });
      expect(repo.append).toHaveBeenCalledTimes(3);
    });

    it('confirms a refusal on a fresh read: the fresh state may allow the command', async () => {
      // The kept fold is from before the start of care; the fresh read has it.
      const { repo, handler } = fakeRepository([5n], ['ok'], [], keptAt(3n, NO_KEYED_OUTCOMES, NOT_IN_CARE));
      const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
      expect(repo.load).toHaveBeenCalledTimes(1);
      expect(repo.append).toHaveBeenCalledWith('c1', expect.any(Array), 5n, context);
      expect(result.revision).toBe('6');
    });

    it('answers a refusal the fresh read confirms', async () => {
      const { repo, handler } = fakeRepository(
        [5n],
        [],
        [],
        keptAt(3n, NO_KEYED_OUTCOMES, NOT_IN_CARE),
        undefined,
        [NOT_IN_CARE],
      );
      await expect(
        handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context)),
      ).rejects.toBeInstanceOf(DomainRuleViolation);
      expect(repo.load).toHaveBeenCalledTimes(1);
      expect(repo.append).not.toHaveBeenCalled();
    });

    it('checks an If-Match other than the kept revision on a fresh read (another process may have written it)', async () => {
      const { repo, handler } = fakeRepository([5n], ['ok'], [], keptAt(3n));
      const result = await handler.execute(
        new RecordJourneyCommand(review, { kind: 'revision', revision: 5n }, context),
      );
      expect(repo.load).toHaveBeenCalledTimes(1);
      expect(result.revision).toBe('6');
      const stale = fakeRepository([5n], [], [], keptAt(3n));
      await expect(
        stale.handler.execute(new RecordJourneyCommand(review, { kind: 'revision', revision: 4n }, context)),
      ).rejects.toMatchObject({ expected: 4n, actual: 5n });
    });

    it('answers a decision that records nothing only after a fresh read (its answer names the revision)', async () => {
      // No command decides nothing today; the handler must still answer one that does. The only stub of the domain here.
      jest.spyOn(journeyDecider, 'decide').mockReturnValue([]);
      const { repo, handler } = fakeRepository([5n], [], [], keptAt(3n));
      const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, context));
      expect(repo.load).toHaveBeenCalledTimes(1);
      expect(result).toEqual({ childId: 'c1', revision: '5', globalPosition: '5', events: [] });
    });

    describe('with an Idempotency-Key', () => {
      const keyed = { ...context, idempotency: { key: 'k-1', requestHash: 'h1' } };
      const recorded = (requestHash: string): KeyedOutcomes =>
        new Map([
          [
            outcomeKey('alice', 'k-1'),
            {
              requestHash,
              events: [{ id: 'e0', type: 'StatutoryReviewHeld' }],
              revision: 2n,
              globalPosition: 40n,
            },
          ],
        ]);

      it('replays an outcome found in the kept fold without reading (stored events never change)', async () => {
        const { repo, handler } = fakeRepository([], [], [], keptAt(3n, recorded('h1')));
        const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, keyed));
        expect(result).toMatchObject({ revision: '2', events: [{ id: 'e0' }] });
        expect(repo.load).not.toHaveBeenCalled();
        expect(repo.append).not.toHaveBeenCalled();
      });

      it('refuses a reused key only after a fresh read', async () => {
        const { repo, handler } = fakeRepository([5n], [], [recorded('h2')], keptAt(3n, recorded('h2')));
        await expect(
          handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, keyed)),
        ).rejects.toBeInstanceOf(IdempotencyKeyReused);
        expect(repo.load).toHaveBeenCalledTimes(1);
        expect(repo.append).not.toHaveBeenCalled();
      });

      it('after a clash on the kept fold, finds what another process recorded under the key', async () => {
        const { repo, handler } = fakeRepository([5n], ['clash'], [recorded('h1')], keptAt(1n));
        const result = await handler.execute(new RecordJourneyCommand(review, { kind: 'none' }, keyed));
        expect(result).toMatchObject({ revision: '2', events: [{ id: 'e0' }] });
        expect(repo.append).toHaveBeenCalledTimes(1);
      });
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeStream, verifyChain } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  DomainRuleViolation,
  journeyDecider,
  journeyStream,
  type JourneyCommand,
} from '@care-journey/journey';
import type { IfMatch } from '../../http/if-match';
import { IdempotencyKeyReused, RevisionConflict } from '../application-errors';
import { EventEnvelopeFactory } from '../recording/event-envelope.factory';
import { RequestHasher } from '../recording/idempotency';
import { JourneyRepository } from '../recording/journey.repository';
import type { RecordingContext } from '../recording/recording-context';
import { RecordJourneyCommand, type RecordResult } from './record-journey.command';
import { commandsFor, META, registrationBody } from '../testing/journey-commands';

const HASHER = new RequestHasher('a-secret-for-the-multi-process-spec-0123456789');
import { recordJourneyHandler } from './testing/record-journey-handler';

const CHILD = 'c-two';
const command = commandsFor(CHILD);
const register = command('RegisterChild', registrationBody({ childRef: 'LA-2', dateOfBirth: '2015-01-10' }));
const startCare = command('StartPeriodOfCare', {
  effectiveDate: '2023-02-06',
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
});
const review = (effectiveDate: string) => command('RecordReview', { effectiveDate, participation: 'PN1' });

/** One API process: its own store connection, repository (and kept folds) and handler. */
interface Process {
  store: SqliteEventStore;
  repo: JourneyRepository;
  record(command: JourneyCommand, options?: { ifMatch?: IfMatch; key?: string }): Promise<RecordResult>;
}

const NO_IF_MATCH: IfMatch = { kind: 'none' };
let sequence = 0;
function openProcess(file: string): Process {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  const repo = new JourneyRepository(store, new EventEnvelopeFactory());
  const handler = recordJourneyHandler(repo);
  return {
    store,
    repo,
    record: (journeyCommand, { ifMatch = NO_IF_MATCH, key } = {}) => {
      sequence += 1;
      const context: RecordingContext = {
        ...META,
        correlationId: `c-${sequence}`,
        causationId: `k-${sequence}`,
        ...(key !== undefined && {
          idempotency: { key, requestHash: HASHER.hash(journeyCommand.type, CHILD, journeyCommand) },
        }),
      };
      return handler.execute(new RecordJourneyCommand(journeyCommand, ifMatch, context));
    },
  };
}

describe('RecordJourneyHandler: two processes on one SQLite file (A decides on a kept fold B made stale)', () => {
  let dir: string;
  let a: Process;
  let b: Process;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-two-'));
    const file = join(dir, 'events.db');
    a = openProcess(file);
    b = openProcess(file);
  });
  afterEach(async () => {
    await a.store.close();
    await b.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The stream as stored: one event per revision, the chain intact. */
  async function expectOneChain(length: number) {
    const events = (await readWholeStream(a.store, journeyStream(CHILD))) ?? [];
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length }, (_, i) => BigInt(i)));
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: length });
    return events;
  }

  /** A registers the child and starts care (its kept fold at revision 1); B reads it too. */
  async function inCareOnBoth() {
    await a.record(register);
    await a.record(startCare);
    await b.repo.load(CHILD);
    expect(a.repo.cached(CHILD)?.revision).toBe(1n);
  }

  it('Given B appended, When A records on its stale fold, Then it lands after B with an intact chain', async () => {
    await inCareOnBoth();
    expect((await b.record(review('2023-03-01'))).revision).toBe('2');
    const answer = await a.record(review('2023-04-01'));
    expect(answer.revision).toBe('3');
    const events = await expectOneChain(4);
    expect(events[3].id).toBe(answer.events[0].id);
    // A's fold is current again (it read B's event, then folded its own in).
    const fresh = new JourneyRepository(a.store, new EventEnvelopeFactory());
    expect(a.repo.cached(CHILD)).toStrictEqual(await fresh.load(CHILD));
  });

  it("Given A's fold is stale and B writes again between A's fresh read and its append, Then A still has its one retry", async () => {
    await inCareOnBoth();
    await b.record(review('2023-03-01')); // A's kept fold is now stale
    const append = a.store.appendToStream.bind(a.store);
    let appends = 0;
    jest.spyOn(a.store, 'appendToStream').mockImplementation(async (stream, events, options) => {
      appends += 1;
      if (appends === 2) await b.record(review('2023-03-02')); // genuine concurrency
      return append(stream, events, options);
    });
    const answer = await a.record(review('2023-04-01'));
    expect(appends).toBe(3); // on the kept fold (stale), on a fresh read (B again), the retry
    expect(answer.revision).toBe('4');
    await expectOneChain(5);
  });

  it("Given B started care after A's fold, When A records a review its fold would refuse, Then A confirms on a fresh read and records it", async () => {
    await a.record(register);
    await b.record(startCare);
    const stale = a.repo.cached(CHILD);
    expect(stale?.revision).toBe(0n);
    // What A's kept fold alone would answer: not in care on that date.
    expect(() => journeyDecider.decide(review('2023-03-01'), stale!.state)).toThrow(DomainRuleViolation);
    const answer = await a.record(review('2023-03-01'));
    expect(answer.revision).toBe('2');
    await expectOneChain(3);
  });

  it('Given a refusal the fresh state confirms, Then A answers it and records nothing', async () => {
    await inCareOnBoth();
    await b.record(review('2023-03-01'));
    // A's fold allows it; the store refuses the append; the fresh read refuses the command.
    await expect(a.record(review('2023-03-01'))).rejects.toMatchObject({
      rule: 'review-already-recorded-on-date',
    });
    // A's fold (now current) refuses it; the fresh read confirms.
    const reads = jest.spyOn(a.store, 'readStream');
    await expect(a.record(review('2023-03-01'))).rejects.toMatchObject({
      rule: 'review-already-recorded-on-date',
    });
    expect(reads).toHaveBeenCalledTimes(1);
    await expectOneChain(3);
  });

  it("Given If-Match with B's new revision, Then A records; with A's stale revision, Then 409 naming the current one", async () => {
    await inCareOnBoth();
    const byB = await b.record(review('2023-03-01'));
    const stale = await a
      .record(review('2023-04-01'), { ifMatch: { kind: 'revision', revision: 1n } })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(RevisionConflict);
    expect(stale).toMatchObject({ expected: 1n, actual: 2n });
    const answer = await a.record(review('2023-04-01'), {
      ifMatch: { kind: 'revision', revision: BigInt(byB.revision) },
    });
    expect(answer.revision).toBe('3');
    await expectOneChain(4);
  });

  it.each([
    ['right after the stale fold (the store finds the ids already stored there)', 0],
    ['with more events after it (the fresh read finds the key)', 1],
  ])(
    'Given B recorded a keyed command %s, When A gets its retry, Then A answers with what B recorded',
    async (_, later) => {
      await inCareOnBoth();
      const first = await b.record(review('2023-03-01'), { key: 'k-1' });
      for (let i = 0; i < later; i++) await b.record(review(`2023-05-0${i + 1}`));
      const retry = await a.record(review('2023-03-01'), { key: 'k-1' });
      expect(retry).toEqual(first);
      await expectOneChain(3 + later);
      // A's next command links to B's stored event, not to the copy A built for its retry.
      await a.record(review('2023-07-01'));
      await expectOneChain(4 + later);
      // And A now knows the key from the stream: another request under it is refused.
      await expect(a.record(review('2023-06-01'), { key: 'k-1' })).rejects.toBeInstanceOf(
        IdempotencyKeyReused,
      );
      await expectOneChain(4 + later);
    },
  );
});

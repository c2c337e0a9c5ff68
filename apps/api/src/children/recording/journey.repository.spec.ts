import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainEvents, readChainTip, readWholeStream, verifyChain } from '@care-journey/audit';
import { type EventStore } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { evolveAll, fromStoredEnvelope, journeyStream, type JourneyEvent } from '@care-journey/journey';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { JourneyRepository } from './journey.repository';
import { outcomeKey } from './keyed-outcomes';

const CHILD = 'c-cache';
const context = { now: '2025-06-30T10:00:00Z', recordedBy: 'sw', correlationId: 'c', causationId: 'k' };
const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId: CHILD,
    effectiveDate: '2024-05-01',
    childRef: 'LA-1',
    name: 'A Child',
    dateOfBirth: '2015-03-02',
    sex: '2',
    ethnicity: 'AOTH',
    homePostcode: 'LS8 3QQ',
    uasc: false,
    relinquishedAtBirth: false,
    team: 'North CLA',
    socialWorker: 'sw',
  },
} as JourneyEvent;
const review = (date: string): JourneyEvent => ({
  type: 'StatutoryReviewHeld',
  data: { childId: CHILD, effectiveDate: date, participation: 'PN1' },
});

/** The state a fresh fold of the stored stream gives: what every load must equal. */
async function refold(store: EventStore) {
  const events = (await readWholeStream(store, journeyStream(CHILD))) ?? [];
  return {
    state: evolveAll(events.map((event) => fromStoredEnvelope(event))),
    revision: events.at(-1)?.revision,
  };
}

describe('JourneyRepository (folds kept between commands, the store read every time)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let repo: JourneyRepository;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-repo-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    repo = new JourneyRepository(store, new EventEnvelopeFactory());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given commands in turn, Then each load equals a fresh fold and the chain verifies', async () => {
    expect((await repo.load(CHILD)).revision).toBeUndefined();
    await repo.append(CHILD, [registered], 'no_stream', context);
    for (const date of ['2024-06-01', '2024-07-01', '2024-08-01']) {
      const loaded = await repo.load(CHILD);
      expect(loaded).toMatchObject(await refold(store));
      await repo.append(CHILD, [review(date)], loaded.revision!, context);
    }
    expect(await repo.load(CHILD)).toMatchObject({ ...(await refold(store)), revision: 3n });
    expect(verifyChain((await readWholeStream(store, journeyStream(CHILD))) ?? [])).toMatchObject({
      ok: true,
      checked: 4,
    });
  });

  it('Given another writer appended since the last load, Then the next load folds it in', async () => {
    await repo.append(CHILD, [registered], 'no_stream', context);
    await repo.load(CHILD);
    const other = new JourneyRepository(store, new EventEnvelopeFactory());
    await other.append(CHILD, [review('2024-06-01')], 0n, context);
    const loaded = await repo.load(CHILD);
    expect(loaded).toMatchObject({ ...(await refold(store)), revision: 1n });
    expect(loaded.state.reviews).toHaveLength(1);
  });

  it('Given a stale revision, Then the append is refused and nothing forks the chain', async () => {
    await repo.append(CHILD, [registered], 'no_stream', context);
    await repo.load(CHILD);
    await repo.append(CHILD, [review('2024-06-01')], 0n, context);
    await expect(repo.append(CHILD, [review('2024-07-01')], 0n, context)).rejects.toThrow();
    const events = (await readWholeStream(store, journeyStream(CHILD))) ?? [];
    expect(events).toHaveLength(2);
    expect(verifyChain(events)).toMatchObject({ ok: true });
  });

  it('Given the stored event at the folded revision is not the one folded, Then it folds the stream again', async () => {
    // A second store at the same path stands in for a store replaced under the process (restore).
    await repo.append(CHILD, [registered], 'no_stream', context);
    await repo.load(CHILD);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'journey-repo-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    const moved = new JourneyRepository(store, new EventEnvelopeFactory());
    Object.assign(moved, { folds: (repo as unknown as { folds: unknown }).folds });
    const envelopes = new EventEnvelopeFactory().envelop([registered, review('2024-09-01')], context);
    const tip = await readChainTip(store, journeyStream(CHILD));
    await store.appendToStream(journeyStream(CHILD), chainEvents(tip, envelopes), {
      expectedRevision: 'no_stream',
    });
    const loaded = await moved.load(CHILD);
    expect(loaded).toMatchObject({ ...(await refold(store)), revision: 1n });
    expect(loaded.state.reviews).toHaveLength(1);
  });

  describe('keyed commands (Idempotency-Key)', () => {
    const keyed = (key: string, requestHash: string) => ({ ...context, idempotency: { key, requestHash } });
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

    it('Given a keyed append, Then every load (a cold one too) knows its outcome, ids are uuids and the chain verifies', async () => {
      await repo.append(CHILD, [registered], 'no_stream', context);
      const appended = await repo.append(
        CHILD,
        [review('2024-06-01'), review('2024-07-01')],
        0n,
        keyed('k-1', 'h1'),
      );
      const expected = {
        requestHash: 'h1',
        events: appended.events,
        revision: 2n,
        globalPosition: appended.globalPosition,
      };
      expect(appended.events.map((e) => e.id)).toEqual([
        expect.stringMatching(UUID),
        expect.stringMatching(UUID),
      ]);
      expect((await repo.load(CHILD)).outcomes.get(outcomeKey('sw', 'k-1'))).toEqual(expected);
      // A new process (nothing cached) reads it back from the events' metadata.
      const restarted = new JourneyRepository(store, new EventEnvelopeFactory());
      expect((await restarted.load(CHILD)).outcomes.get(outcomeKey('sw', 'k-1'))).toEqual(expected);
      // And a cached fold picks up keyed events appended by someone else since.
      await restarted.append(CHILD, [review('2024-08-01')], 2n, keyed('k-2', 'h2'));
      const warm = await repo.load(CHILD);
      expect([...warm.outcomes.keys()]).toEqual([outcomeKey('sw', 'k-1'), outcomeKey('sw', 'k-2')]);
      const events = (await readWholeStream(store, journeyStream(CHILD))) ?? [];
      expect(verifyChain(events)).toMatchObject({ ok: true, checked: 4 });
      expect(events[1].metadata).toMatchObject({ idempotency: { key: 'k-1', requestHash: 'h1' } });
    });

    it('Given the same keyed request appended twice at one revision, Then the store keeps one copy', async () => {
      await repo.append(CHILD, [registered], 'no_stream', context);
      const first = await repo.append(CHILD, [review('2024-06-01')], 0n, keyed('k-1', 'h1'));
      const other = new JourneyRepository(store, new EventEnvelopeFactory());
      const twin = await other.append(CHILD, [review('2024-06-01')], 0n, keyed('k-1', 'h1'));
      expect(twin).toEqual(first);
      expect((await readWholeStream(store, journeyStream(CHILD))) ?? []).toHaveLength(2);
    });
  });
});

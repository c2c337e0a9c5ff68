import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeStream } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefStream, journeyStream, type JourneyEvent } from '@care-journey/journey';
import { ChildRefRegistry } from '@care-journey/registrations';
import { ChildRefInUse } from '../application-errors';
import { EventEnvelopeFactory } from './event-envelope.factory';
import { JourneyRepository } from './journey.repository';

const context = { now: '2025-06-30T10:00:00Z', recordedBy: 'sw', correlationId: 'c', causationId: 'k' };
const registration = (childId: string, childRef: string): JourneyEvent =>
  ({
    type: 'ChildRegistered',
    data: {
      childId,
      effectiveDate: '2024-05-01',
      childRef,
      name: 'A Child',
      dateOfBirth: '2015-03-02',
      sex: '2',
      ethnicity: 'AOTH',
      uasc: false,
      relinquishedAtBirth: false,
      team: 'North CLA',
      socialWorker: 'sw',
    },
  }) as JourneyEvent;

describe('JourneyRepository: a registration reserves its 903 reference first', () => {
  let dir: string;
  let store: SqliteEventStore;
  let repo: JourneyRepository;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-repo-ref-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    repo = new JourneyRepository(store, new EventEnvelopeFactory());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a child registered as LA-1, When another child registers as la-1, Then ChildRefInUse and nothing is written', async () => {
    await repo.append('a', [registration('a', 'LA-1')], 'no_stream', context);
    const head = await store.headPosition();
    await expect(repo.append('b', [registration('b', 'la-1')], 'no_stream', context)).rejects.toThrow(
      ChildRefInUse,
    );
    expect(await store.headPosition()).toBe(head);
    expect(await readWholeStream(store, journeyStream('b'))).toBeUndefined();
  });

  it('Given a reservation whose registration never got written (a crash between), When the same child registers again, Then it is recorded', async () => {
    await new ChildRefRegistry(store).reserve('LA-2', 'c', { recordedAt: context.now, recordedBy: 'sw' });
    await repo.append('c', [registration('c', 'LA-2')], 'no_stream', context);
    expect(await readWholeStream(store, journeyStream('c'))).toHaveLength(1);
    expect(await readWholeStream(store, childRefStream('LA-2'))).toHaveLength(1);
  });

  it('Given a reference an admin released (its holder never became a child), When another child registers under it, Then it is recorded and the next one is refused', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-3', 'never-a-child', { recordedAt: '2025-06-01T10:00:00Z', recordedBy: 'sw' });
    await registry.release('LA-3', 'abandoned registration', {
      recordedAt: context.now,
      recordedBy: 'admin',
    });

    await repo.append('d', [registration('d', 'LA-3')], 'no_stream', context);

    expect(await readWholeStream(store, journeyStream('d'))).toHaveLength(1);
    expect(
      (await readWholeStream(store, childRefStream('LA-3')))?.map((event) => event.data.childId),
    ).toEqual(['never-a-child', 'never-a-child', 'd']);
    await expect(repo.append('e', [registration('e', 'LA-3')], 'no_stream', context)).rejects.toThrow(
      ChildRefInUse,
    );
  });

  it('Given a store written before reservations, When a new child takes an existing child’s reference, Then it is refused', async () => {
    // The old write path: the registration appended with no reservation.
    await store.appendToStream(
      journeyStream('old'),
      new EventEnvelopeFactory().envelop([registration('old', 'C100529')], context),
      { expectedRevision: 'no_stream' },
    );
    await expect(repo.append('new', [registration('new', 'C100529')], 'no_stream', context)).rejects.toThrow(
      ChildRefInUse,
    );
  });
});

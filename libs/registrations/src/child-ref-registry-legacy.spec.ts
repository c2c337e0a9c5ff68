import type { NewEvent } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  CHILD_REF_RESERVED,
  CHILD_REFS_MIGRATED,
  CHILD_REFS_MIGRATED_STREAM,
  childRefStream,
  journeyStream,
} from '@care-journey/journey';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { ChildRefRegistry } from './child-ref-registry';
import { readLegacyHolders, registrationsBeforeReservations } from './child-ref-registry-legacy';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };
const migrating = { recordedAt: '2025-03-01T07:00:00.000Z', recordedBy: 'ops' };

const registered = (childId: string, childRef: string): NewEvent => ({
  id: `${childId}-registered`,
  type: 'ChildRegistered',
  data: { childId, childRef, effectiveDate: '2024-01-01' },
  metadata: { ...recording, schemaVersion: 1 },
});

describe('ChildRefRegistry on a store written before reservations', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-child-ref-legacy-', (opened) => (store = opened));

  /** The old write path: a registration with no reservation. */
  const registerWithoutReservation = (childId: string, childRef: string) =>
    store.appendToStream(journeyStream(childId), [registered(childId, childRef)], {
      expectedRevision: 'no_stream',
    });
  const streamOf = (stream: string) => eventsOf(store, stream);

  it('Given registrations before and after the log’s first reservation, When the legacy holders are read, Then only those before it count (every writer since reserves)', async () => {
    await registerWithoutReservation('old-1', 'C1');
    await registerWithoutReservation('old-2', 'c1'); // a reference two old children share
    await new ChildRefRegistry(store).reserve('C2', 'new-1', recording);
    await registerWithoutReservation('after-first-reservation', 'C3');

    expect([...(await readLegacyHolders(store))]).toEqual([['C1', 'old-1']]);
  });

  it('Given many old registrations, When they are read, Then the read lets the event loop turn while it goes (an API keeps serving)', async () => {
    for (let batch = 0; batch < 5; batch++)
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          registerWithoutReservation(`old-${batch}-${i}`, `R${batch}-${i}`),
        ),
      );
    let readWhenTheLoopTurned: number | undefined;
    let read = 0;
    setImmediate(() => (readWhenTheLoopTurned = read));
    for await (const _registration of registrationsBeforeReservations(store)) read += 1;
    expect(read).toBe(2_500);
    expect(readWhenTheLoopTurned).toBeLessThan(2_500);
  });

  it('Given old children, When the store is migrated, Then each holds its reference in a reservation (a shared one stays with the first), a marker ends it, and no process reads registrations again', async () => {
    await registerWithoutReservation('old-1', 'C1');
    await registerWithoutReservation('old-2', 'c1');
    await registerWithoutReservation('old-3', 'C3');

    const outcome = await new ChildRefRegistry(store).migrate(migrating);

    expect(outcome).toEqual({
      alreadyMigrated: false,
      registrationsWithoutReservation: 3,
      reserved: 2,
      heldByAnotherChild: 1,
    });
    expect((await streamOf(childRefStream('C1'))).map((event) => [event.type, event.data.childId])).toEqual([
      [CHILD_REF_RESERVED, 'old-1'],
    ]);
    expect((await streamOf(childRefStream('C3')))[0].metadata).toMatchObject(migrating);
    expect(await streamOf(CHILD_REFS_MIGRATED_STREAM)).toMatchObject([
      {
        type: CHILD_REFS_MIGRATED,
        data: { registrationsWithoutReservation: 3, reserved: 2, heldByAnotherChild: 1 },
      },
    ]);
    expect((await readLegacyHolders(store)).size).toBe(0);
    // The rule holds through the reservations now.
    const registry = new ChildRefRegistry(store);
    expect(await registry.reserve('c3', 'new-child', recording)).toBe(false);
    expect(await registry.reserve('C3', 'old-3', recording)).toBe(true);
  });

  it('Given a migrated store, When it is migrated again, Then nothing is read or written', async () => {
    await registerWithoutReservation('old-1', 'C1');
    await new ChildRefRegistry(store).migrate(migrating);
    const head = await store.headPosition();
    expect(await new ChildRefRegistry(store).migrate(migrating)).toMatchObject({ alreadyMigrated: true });
    expect(await store.headPosition()).toBe(head);
  });

  it('Given a migration that stopped half-way (some reservations, no marker), When it runs again, Then it finishes without a second reservation for anyone', async () => {
    await registerWithoutReservation('old-1', 'C1');
    await registerWithoutReservation('old-2', 'C2');
    await new ChildRefRegistry(store).reserve('C1', 'old-1', migrating); // written before the crash

    const outcome = await new ChildRefRegistry(store).migrate(migrating);

    expect(outcome).toMatchObject({ registrationsWithoutReservation: 2, reserved: 2, heldByAnotherChild: 0 });
    expect(await streamOf(childRefStream('C1'))).toHaveLength(1);
    expect(await streamOf(childRefStream('C2'))).toHaveLength(1);
  });
});

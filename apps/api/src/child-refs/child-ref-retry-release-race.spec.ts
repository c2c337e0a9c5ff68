import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWholeStream } from '@care-journey/audit';
import { type AppendOptions, type EventStore, type NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefStream, journeyStream, type JourneyEvent } from '@care-journey/journey';
import { ChildRefRegistry } from '@care-journey/registrations';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ChildRefInUse } from '../children/application-errors';
import { EventEnvelopeFactory } from '../children/recording/event-envelope.factory';
import { JourneyRepository } from '../children/recording/journey.repository';
import { Clock } from '../infrastructure/clock';
import { ChildRefsController } from './child-refs.controller';

const REF = 'LA-RACE';
const context = { now: '2025-06-30T10:00:00Z', recordedBy: 'sw', correlationId: 'c', causationId: 'k' };
const admin: AuthenticatedUser = { id: 'admin-1', name: 'Admin', role: 'admin' };

const registration = (childId: string): JourneyEvent =>
  ({
    type: 'ChildRegistered',
    data: {
      childId,
      effectiveDate: '2024-05-01',
      childRef: REF,
      name: `Child ${childId}`,
      dateOfBirth: '2015-03-02',
      sex: '2',
      ethnicity: 'AOTH',
      uasc: false,
      relinquishedAtBirth: false,
      team: 'North CLA',
      socialWorker: 'sw',
    },
  }) as JourneyEvent;

/**
 * The store, with one append held back until the spec lets it go: a request stalled between
 * reading the store and writing to it (a slow disk, a paused process), so other requests run in
 * that window in a chosen order.
 */
class StallingStore implements EventStore {
  private held: { matches: (stream: string, events: NewEvent[]) => boolean; go: Promise<void> } | undefined;
  private arrived: (() => void) | undefined;

  constructor(private readonly inner: EventStore) {}

  /** The next append matching `matches` waits for `go()`; `reached` resolves when it is waiting. */
  stall(matches: (stream: string, events: NewEvent[]) => boolean): { reached: Promise<void>; go(): void } {
    let go!: () => void;
    const released = new Promise<void>((resolve) => (go = resolve));
    const reached = new Promise<void>((resolve) => (this.arrived = resolve));
    this.held = { matches, go: released };
    return { reached, go };
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions) {
    const held = this.held;
    if (held?.matches(stream, events)) {
      this.held = undefined;
      this.arrived?.();
      await held.go;
    }
    return this.inner.appendToStream(stream, events, options);
  }
  readStream: EventStore['readStream'] = (stream, options) => this.inner.readStream(stream, options);
  readAll: EventStore['readAll'] = (options) => this.inner.readAll(options);
  subscribeToAll: EventStore['subscribeToAll'] = (options, handlers) =>
    this.inner.subscribeToAll(options, handlers);
  eventsAt: EventStore['eventsAt'] = (position) => this.inner.eventsAt(position);
  headPosition = () => this.inner.headPosition();
  close = () => this.inner.close();
}

const clock = { now: () => '2025-06-30T10:05:00Z' } as Clock;
const releaseBody = { reason: 'registration abandoned after a crash; no such child' };

describe('a registration retried while an admin releases its 903 reference (the retry/release race)', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let store: StallingStore;
  let repo: JourneyRepository;
  let adminRoute: ChildRefsController;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'child-ref-race-'));
    sqlite = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    store = new StallingStore(sqlite);
    repo = new JourneyRepository(store, new EventEnvelopeFactory());
    adminRoute = new ChildRefsController(store, clock);
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const holders = async () =>
    (await readWholeStream(sqlite, childRefStream(REF)))?.map(
      (event) => `${event.type} ${String(event.data.childId)}`,
    );
  const registered = async (childId: string) =>
    (await readWholeStream(sqlite, journeyStream(childId)))?.map((event) => event.data.childRef);

  /** Child a's first registration wrote its reservation, then crashed before the child. */
  const crashedAfterReservation = () =>
    new ChildRefRegistry(sqlite).reserve(REF, 'a', { recordedAt: '2025-06-30T09:00:00Z', recordedBy: 'sw' });

  it("Given a's retry found its reservation and stalled before writing the child, When an admin releases the reference and b registers under it, Then a's late write is refused: one child holds the reference", async () => {
    await crashedAfterReservation();
    const stalled = store.stall((stream) => stream === journeyStream('a'));
    const retry = repo.append('a', [registration('a')], 'no_stream', context);
    await stalled.reached;

    await adminRoute.release(REF, releaseBody, admin);
    await repo.append('b', [registration('b')], 'no_stream', { ...context, now: '2025-06-30T10:06:00Z' });
    stalled.go();

    await expect(retry).rejects.toThrow(ChildRefInUse);
    expect(await registered('a')).toBeUndefined();
    expect(await registered('b')).toEqual([REF]);
    expect(await holders()).toEqual(['ChildRefReserved a', 'ChildRefReleased a', 'ChildRefReserved b']);
  });

  it("Given a's retry stalled, When an admin releases the reference and nobody else takes it, Then a's retry reserves it again and registers a", async () => {
    await crashedAfterReservation();
    const stalled = store.stall((stream) => stream === journeyStream('a'));
    const retry = repo.append('a', [registration('a')], 'no_stream', context);
    await stalled.reached;

    await adminRoute.release(REF, releaseBody, admin);
    stalled.go();

    await retry;
    expect(await registered('a')).toEqual([REF]);
    expect(await holders()).toEqual(['ChildRefReserved a', 'ChildRefReleased a', 'ChildRefReserved a']);
  });

  it("Given an admin's release found a without a journey and stalled before writing, When a's retry registers a meanwhile, Then the release is refused (child-ref-holder-registered) and the reference stays a's", async () => {
    await crashedAfterReservation();
    const stalled = store.stall(
      (stream, events) => stream === childRefStream(REF) && events[0].type === 'ChildRefReleased',
    );
    const release = adminRoute.release(REF, releaseBody, admin);
    await stalled.reached;

    await repo.append('a', [registration('a')], 'no_stream', context);
    stalled.go();

    await expect(release).rejects.toMatchObject({
      response: expect.objectContaining({ rule: 'child-ref-holder-registered', field: 'childRef' }),
    });
    expect(await holders()).toEqual(['ChildRefReserved a']);
    expect(await registered('a')).toEqual([REF]);
  });
});

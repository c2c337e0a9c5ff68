/**
 * An event the projector can never apply (review M3): it is never skipped, the retries wait ever
 * longer up to a cap, the attempts are counted, the log says it at the 1st, 2nd, 4th … attempt,
 * and `failing` names the event. A real SQLite log and read-model file; the clock and the retry
 * timer are the spec's own, so no wait depends on the machine's speed.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { journey } from '../testing/journey-builder';
import { appendEvents, eventually, tempDir } from '../testing/log-fixtures';
import { Projector } from './projector';
import { ReadModelStore } from './read-model-store';
import { WITHHELD_MESSAGE } from './stuck-event';

interface Retry {
  run: () => void;
  delayMs: number;
  cancelled: boolean;
}

describe('projector: an event that can never be applied', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readModels: ReadModelStore;
  let projector: Projector;
  let retries: Retry[];
  let logged: string[];
  let clock: Date;

  const start = (options: { batchSize?: number; firstMs?: number; maxMs?: number } = {}): void => {
    projector = new Projector(store, readModels, {
      batchSize: options.batchSize ?? 500,
      restartDelayMs: options.firstMs ?? 1_000,
      maxRestartDelayMs: options.maxMs ?? 4_000,
      log: (line) => logged.push(line),
      now: () => clock,
      scheduleRetry: (run, delayMs) => {
        const retry: Retry = { run, delayMs, cancelled: false };
        retries.push(retry);
        return () => (retry.cancelled = true);
      },
    });
    projector.start();
  };
  /** Moves the clock on by the wait, runs the retry, and waits until it failed again (or applied). */
  const retryNow = async (settled: () => boolean): Promise<void> => {
    const retry = retries[retries.length - 1];
    clock = new Date(clock.getTime() + retry.delayMs);
    retry.run();
    await eventually(settled);
  };
  const failures = (): string[] => logged.filter((line) => line.startsWith('projection failed'));

  beforeEach(() => {
    temp = tempDir('cj-stuck-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    readModels = new ReadModelStore(join(temp.dir, 'read-models.db'));
    retries = [];
    logged = [];
    clock = new Date('2026-11-28T02:00:00.000Z');
  });

  afterEach(async () => {
    await projector.stop();
    readModels.close();
    await store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  it('Given an event a newer build wrote between two readable ones, When the projector meets it again and again, Then the checkpoint stays before it, the waits double up to the cap, the attempts are counted, the log thins out, and the event is named', async () => {
    const first = await appendEvents(store, 'a', journey('a').registered('2024-01-01').events);
    const poison = await store.appendToStream(
      journeyStream('a'),
      [
        {
          id: 'from-a-newer-build',
          type: 'StatutoryReviewHeld',
          data: { date: '2024-03-01' },
          metadata: { recordedAt: '2024-03-01T09:00:00.000Z', recordedBy: 'newer', schemaVersion: 99 },
        },
      ],
      { expectedRevision: 'any' },
    );
    await appendEvents(store, 'b', journey('b').registered('2024-02-01').events);

    start();
    await eventually(() => retries.length === 1);
    // The first batch held all three events: none applied; the error names the event.
    expect(readModels.checkpoint()).toBeUndefined();
    expect(projector.failing?.event?.id).toBe('from-a-newer-build');

    // The retry applies them one at a time: the event before it reaches the read models.
    await retryNow(() => retries.length === 2);
    expect(readModels.checkpoint()).toBe(first.globalPosition);
    expect(projector.state).toBe('failed');
    expect(projector.failing).toEqual({
      attempts: 1,
      since: '2026-11-28T02:00:01.000Z',
      lastAttemptAt: '2026-11-28T02:00:01.000Z',
      nextAttemptAt: '2026-11-28T02:00:02.000Z',
      event: {
        id: 'from-a-newer-build',
        type: 'StatutoryReviewHeld',
        streamId: 'journey-a',
        revision: '1',
        globalPosition: poison.globalPosition.toString(),
      },
      error: {
        name: 'UnreadableEventSchema',
        message: expect.stringContaining('metadata.schemaVersion 99 is newer than this code knows'),
        detail: expect.stringContaining('UnreadableEventSchema: Event StatutoryReviewHeld'),
        // Why and which versions, for health's reason newer-event-schema (ops review s12 F14).
        schema: {
          reason: 'newer',
          field: 'metadata.schemaVersion',
          dataType: 'StatutoryReviewHeld',
          version: 99,
          readable: 1,
        },
      },
    });

    for (let retry = 3; retry <= 6; retry++)
      await retryNow(() => retries.length === retry && projector.state === 'failed');

    expect(retries.map((r) => r.delayMs)).toEqual([1_000, 1_000, 2_000, 4_000, 4_000, 4_000]);
    expect(projector.failing).toMatchObject({
      attempts: 5,
      since: '2026-11-28T02:00:01.000Z',
      lastAttemptAt: '2026-11-28T02:00:12.000Z',
      nextAttemptAt: '2026-11-28T02:00:16.000Z',
      event: { id: 'from-a-newer-build' },
    });
    // Attempts 1, 2 and 4 of the run at the event are logged, 3 and 5 are not (and the first batch's 1).
    expect(failures()).toHaveLength(4);
    expect(failures()[3]).toContain('attempt 4, failing since 2026-11-28T02:00:01.000Z');
    expect(failures()[3]).toContain(
      `event from-a-newer-build (StatutoryReviewHeld, stream journey-a, position ${poison.globalPosition})`,
    );
    // Nothing after it was applied: child b's registration waits behind it.
    expect(readModels.checkpoint()).toBe(first.globalPosition);
  });

  it('Given a batch of several fails without saying which event, When it is retried, Then the events are applied one at a time up to the one that fails, which is named; and once it applies, the failure is cleared and logged', async () => {
    const before = await appendEvents(store, 'a', journey('a').registered('2024-01-01').events);
    const bad = await appendEvents(store, 'b', journey('b').registered('2024-02-01').events);
    const last = await appendEvents(store, 'c', journey('c').registered('2024-03-01').events);
    const badId = (await readModelsEventId(store, bad.globalPosition)) ?? 'missing';
    let broken = true;
    const apply = ReadModelStore.prototype.applyBatch;
    jest.spyOn(ReadModelStore.prototype, 'applyBatch').mockImplementation(function (
      this: ReadModelStore,
      ...args
    ) {
      // A rule that throws on one event (a bug), with a message that could hold case data.
      if (broken && args[1].some((event) => event.id === badId)) throw new TypeError('cannot fold Jane Doe');
      return apply.apply(this, args);
    });

    start();
    await eventually(() => retries.length === 1);
    expect(projector.failing?.event).toBeUndefined(); // three events in the batch: not known which
    expect(projector.failing?.error).toEqual({
      name: 'TypeError',
      message: WITHHELD_MESSAGE,
      detail: 'TypeError: cannot fold Jane Doe',
    });

    await retryNow(() => retries.length === 2);
    // The event before it applied on its own (progress resets the count); the bad one is named.
    expect(readModels.checkpoint()).toBe(before.globalPosition);
    expect(projector.failing).toMatchObject({
      attempts: 1,
      event: {
        id: badId,
        type: 'ChildRegistered',
        streamId: 'journey-b',
        globalPosition: bad.globalPosition.toString(),
      },
    });

    broken = false; // the fixed build
    await retryNow(() => readModels.checkpoint() === last.globalPosition);
    expect(projector.failing).toBeUndefined();
    expect(projector.state).toBe('running');
    expect(logged.some((line) => line.startsWith('projection moving again after 1 failed attempt(s)'))).toBe(
      true,
    );
  });

  it('Given a retry is waiting, When the projector is stopped, Then the retry is cancelled', async () => {
    await appendEvents(store, 'a', journey('a').registered('2024-01-01').events);
    jest.spyOn(ReadModelStore.prototype, 'applyBatch').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    start();
    await eventually(() => retries.length === 1);
    await projector.stop();
    expect(retries[0].cancelled).toBe(true);
    expect(projector.state).toBe('stopped');
  });
});

async function readModelsEventId(store: SqliteEventStore, position: bigint): Promise<string | undefined> {
  for await (const event of store.readAll({ fromPosition: position - 1n, maxCount: 1 })) return event.id;
  return undefined;
}

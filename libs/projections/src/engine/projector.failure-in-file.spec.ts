/**
 * The failure the projector keeps retrying is kept in the read-model file it writes, so an engine
 * that only reads the file (the API in worker mode, beside apps/projector) reports the stuck event
 * as the projector's own process does, and stops reporting it once the projector moves on. A real
 * SQLite log and read-model file; the retry timer is the spec's own.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journey } from '../testing/journey-builder';
import { appendEvents, eventually, tempDir } from '../testing/log-fixtures';
import { ProjectionEngine } from './projection-engine';
import { Projector } from './projector';
import { ReadModelStore } from './read-model-store';

describe('projector: its failure, kept in the read-model file for a reader in worker mode', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readModels: ReadModelStore;
  let reader: ProjectionEngine;
  let projector: Projector | undefined;
  let retries: (() => void)[];
  const file = () => join(temp.dir, 'read-models.db');

  const start = (): Projector => {
    projector = new Projector(store, readModels, {
      batchSize: 500,
      scheduleRetry: (run) => {
        retries.push(run);
        return () => undefined;
      },
    });
    projector.start();
    return projector;
  };

  beforeEach(() => {
    temp = tempDir('cj-failure-file-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    readModels = new ReadModelStore(file());
    reader = new ProjectionEngine(store, { file: file(), mode: 'worker', batchSize: 500 });
    retries = [];
  });

  afterEach(async () => {
    await projector?.stop();
    await reader.close();
    readModels.close();
    await store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  /** Child b's registration cannot be applied (a bug in a rule) while `broken` says so. */
  const breakChildB = (broken: () => boolean): void => {
    const apply = ReadModelStore.prototype.applyBatch;
    jest.spyOn(ReadModelStore.prototype, 'applyBatch').mockImplementation(function (
      this: ReadModelStore,
      ...args
    ) {
      if (broken() && args[1].some((event) => event.streamId === 'journey-b'))
        throw new TypeError('cannot fold');
      return apply.apply(this, args);
    });
  };

  it('Given the projector stuck on an event, When a worker-mode engine reads the file, Then its health names the same event, attempts and times; once the event applies, no failure', async () => {
    await appendEvents(store, 'a', journey('a').registered('2024-01-01').events);
    const bad = await appendEvents(store, 'b', journey('b').registered('2024-02-01').events);
    let broken = true;
    breakChildB(() => broken);
    const running = start();
    await eventually(() => retries.length === 1);
    retries[0](); // one at a time: a applies, b is named
    await eventually(() => running.failing?.event !== undefined);

    const lag = await reader.lag();
    expect(lag.projector).toBe('worker');
    expect(lag.failure).toEqual(running.failing);
    expect(lag.failure?.event).toMatchObject({
      streamId: 'journey-b',
      globalPosition: bad.globalPosition.toString(),
    });

    broken = false;
    retries[1]();
    await eventually(() => readModels.checkpoint() === bad.globalPosition);
    expect((await reader.lag()).failure).toBeUndefined();
  });

  it('Given a projector stopped while stuck, When the next one applies a batch, Then the record it left is cleared', async () => {
    await appendEvents(store, 'b', journey('b').registered('2024-02-01').events);
    let broken = true;
    breakChildB(() => broken);
    const first = start();
    await eventually(() => first.failing !== undefined);
    await first.stop();
    expect((await reader.lag()).failure).toMatchObject({ attempts: 1, error: { name: 'TypeError' } });

    broken = false;
    const next = start();
    await eventually(() => readModels.checkpoint() !== undefined);
    expect(next.failing).toBeUndefined();
    expect((await reader.lag()).failure).toBeUndefined();
  });
});

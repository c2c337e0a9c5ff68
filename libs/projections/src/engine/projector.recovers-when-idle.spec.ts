/**
 * A failure with no event at fault (the store unreachable at start-up) ends when the next attempt
 * succeeds, even on an idle log where that attempt has nothing to apply: catching up with the log
 * counts. Before session 20 the failure stayed until the next event applied, so health said
 * `failed` for a projector that was healthy and caught up. A real SQLite log and read-model file.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journey } from '../testing/journey-builder';
import { appendEvents, eventually, tempDir } from '../testing/log-fixtures';
import { ProjectionEngine } from './projection-engine';
import { Projector } from './projector';
import { ReadModelStore } from './read-model-store';

describe('projector: a retry that catches up with nothing to apply ends the failure', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readModels: ReadModelStore;
  let reader: ProjectionEngine;
  let projector: Projector | undefined;
  let retries: (() => void)[];
  let logs: string[];

  beforeEach(() => {
    temp = tempDir('cj-idle-recovery-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    readModels = new ReadModelStore(join(temp.dir, 'read-models.db'));
    reader = new ProjectionEngine(store, {
      file: join(temp.dir, 'read-models.db'),
      mode: 'worker',
      batchSize: 500,
    });
    retries = [];
    logs = [];
  });

  afterEach(async () => {
    await projector?.stop();
    await reader.close();
    readModels.close();
    await store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  const start = (): Projector => {
    projector = new Projector(store, readModels, {
      batchSize: 500,
      log: (message) => logs.push(message),
      scheduleRetry: (run) => {
        retries.push(run);
        return () => undefined;
      },
    });
    projector.start();
    return projector;
  };

  it.each([
    ['an empty log', 0],
    ['a log already projected', 1],
  ])(
    'Given %s and a store whose first subscribe fails, When the retry subscribes and finds nothing new, Then no failure is kept, in the projector or in the file',
    async (_log, children) => {
      for (let i = 0; i < children; i++) {
        await appendEvents(store, `c${i}`, journey(`c${i}`).registered('2024-01-01').events);
        const earlier = start();
        await eventually(() => readModels.checkpoint() !== undefined);
        await earlier.stop();
      }
      const checkpoint = readModels.checkpoint();
      const subscribe = store.subscribeToAll.bind(store);
      jest
        .spyOn(store, 'subscribeToAll')
        .mockImplementationOnce(() => {
          throw new Error('event store unreachable');
        })
        .mockImplementation(subscribe);

      const running = start();
      await eventually(() => retries.length === 1);
      expect(running.failing).toMatchObject({
        attempts: 1,
        error: { detail: expect.stringMatching(/event store unreachable/) },
      });
      expect((await reader.lag()).failure).toMatchObject({ attempts: 1 });
      const since = running.failing?.since;

      retries[0]();
      await eventually(() => running.failing === undefined);
      expect(running.state).toBe('running');
      expect(readModels.checkpoint()).toBe(checkpoint);
      expect((await reader.lag()).failure).toBeUndefined();
      expect(logs).toContain(
        `projection moving again after 1 failed attempt(s) since ${since} (caught up with the log, nothing left to apply)`,
      );
    },
  );
});

/**
 * /health/projections after a start-up failure on an idle log (session 20): the store is
 * unreachable at the first subscribe, the retry subscribes and finds nothing new to apply. That
 * attempt succeeded, so health says `running` and 200 again, inline and in worker mode (the thread's
 * case is in thread/projector-thread.spec.ts). Real SQLite files; only the first subscribe fails.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { ProjectionEngine } from '@care-journey/projections';
import { eventually, tempDir } from '../../../../libs/projections/src/testing/log-fixtures';
import { projectionHealthStatus } from '../health/projection-health-status';
import { EngineProjection } from './live-projection';
import { registrationInCare } from './testing/registration-in-care';

describe('health after a start-up failure, once the retry catches up on an idle log', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  const closers: (() => Promise<void>)[] = [];
  const file = () => join(temp.dir, 'read-models.db');

  beforeEach(async () => {
    temp = tempDir('cj-idle-health-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    await store.appendToStream(journeyStream('c1'), registrationInCare('c1'), {
      expectedRevision: 'no_stream',
    });
    // An earlier run projected the log: nothing is left to apply after the restart.
    const earlier = new ProjectionEngine(store, { file: file(), mode: 'inline', batchSize: 100 });
    earlier.start();
    await eventually(async () => (await earlier.lag()).checkpoint === '2');
    await earlier.close();
  });

  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    await store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  /** The projecting engine, on a store whose first subscribe fails; resolves once the retry has subscribed. */
  const projectingAfterAFailure = async (): Promise<ProjectionEngine> => {
    const subscribe = store.subscribeToAll.bind(store);
    const subscribes = jest
      .spyOn(store, 'subscribeToAll')
      .mockImplementationOnce(() => {
        throw new Error('event store unreachable');
      })
      .mockImplementation(subscribe);
    const engine = new ProjectionEngine(store, {
      file: file(),
      mode: 'inline',
      batchSize: 100,
      restartDelayMs: 20,
      log: () => undefined,
    });
    closers.push(() => engine.close());
    engine.start();
    await eventually(() => subscribes.mock.calls.length === 2);
    return engine;
  };

  it('inline: running and 200 once the retry has caught up, the failure gone', async () => {
    const projection = new EngineProjection(await projectingAfterAFailure(), 'inline');
    await eventually(async () => (await projection.lag()).failure === undefined);
    const lag = await projection.lag();
    expect(lag).toMatchObject({ projector: 'running', checkpoint: '2', head: '2', lag: '0' });
    expect(projectionHealthStatus(lag)).toBe(200);
  });

  it('worker: running and 200 from the next heartbeat once the retry has caught up, no failure left in the file', async () => {
    const worker = await projectingAfterAFailure();
    const reader = new ProjectionEngine(store, { file: file(), mode: 'worker', batchSize: 100 });
    closers.push(() => reader.close());
    const projection = new EngineProjection(reader, 'worker');
    await eventually(async () => {
      worker.writeHeartbeat(5_000); // as apps/projector's timer does
      return (await projection.lag()).projector === 'running';
    });
    const lag = await projection.lag();
    expect(lag).toMatchObject({ projector: 'running', checkpoint: '2', head: '2', lag: '0' });
    expect(lag.failure).toBeUndefined();
    expect(projectionHealthStatus(lag)).toBe(200);
  });
});

/**
 * The rebuild behind the served read models is read from the read-model file, so a process that
 * did not run it (an API while `care-journey rebuild` runs in another process) reports it.
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendEvents, eventually, sampleCohort, tempDir } from '../testing/log-fixtures';
import { ProjectionEngine } from './projection-engine';
import { ReadModelStore } from './read-model-store';
import type { RebuildProcess } from './rebuild-record';

describe('the rebuild record in the read-model file', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readModelFile: string;
  const engines: ProjectionEngine[] = [];

  const engine = (process: RebuildProcess, mode: 'inline' | 'worker' = 'worker'): ProjectionEngine => {
    const e = new ProjectionEngine(store, {
      file: readModelFile,
      mode,
      batchSize: 50,
      rebuildThreads: 1,
      restartDelayMs: 20,
      process,
    });
    engines.push(e);
    return e;
  };

  beforeEach(async () => {
    temp = tempDir('cj-rebuild-record-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    readModelFile = join(temp.dir, 'read-models.db');
    const [a, b] = sampleCohort(2);
    await appendEvents(store, a.childId, a.events);
    await appendEvents(store, b.childId, b.events);
  });

  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    await store.close();
    temp.remove();
  });

  it('Given read models projected live from position 0, Then no rebuild is reported', async () => {
    const api = engine('api', 'inline');
    api.start();
    const head = await store.headPosition();
    await eventually(() => api.checkpoint() === head);
    const lag = await api.lag();
    expect(lag.rebuild).toBeUndefined();
    expect(lag.rebuilding).toBeUndefined();
    expect(api.rebuildStatus()).toBeUndefined();
  });

  it('Given the API rebuilt, When the CLI rebuilds the same file, Then the API reports the CLI’s rebuild', async () => {
    const api = engine('api', 'inline');
    api.start();
    const byApi = await api.rebuildAndWait();
    expect((await api.lag()).rebuild).toEqual(byApi);
    expect(byApi.by).toEqual({ process: 'api', pid: process.pid });

    const cli = engine('cli');
    const byCli = await cli.rebuildAndWait();

    const lag = await api.lag();
    const head = await store.headPosition();
    expect(lag.generation).toBe(byCli.generation);
    expect(lag.rebuild).toEqual(byCli);
    expect(lag.rebuild).toMatchObject({
      state: 'done',
      generation: byApi.generation + 1,
      by: { process: 'cli', pid: process.pid },
      eventsDone: Number(head),
      position: String(head),
    });
    expect(lag.rebuild?.durationSeconds).toEqual(expect.any(Number));
    expect(lag.rebuild?.finishedAt).toEqual(expect.any(String));
    expect(lag.rebuilding).toBeUndefined();
    // GET /admin/rebuild's source says the same: this process's rebuild is not the latest.
    expect(api.rebuildStatus()).toEqual(byCli);
  });

  it('Given the CLI rebuilt before the API started, When the API opens the file, Then it reports that rebuild', async () => {
    const byCli = await engine('cli').rebuildAndWait();
    const api = engine('api', 'inline');
    api.start();
    expect((await api.lag()).rebuild).toEqual(byCli);
    expect(api.rebuildStatus()).toEqual(byCli);
  });

  it('Given a generation is discarded, Then its record goes with it', async () => {
    await engine('cli').rebuildAndWait();
    const readModels = new ReadModelStore(readModelFile);
    try {
      const next = readModels.createGeneration();
      readModels.switchTo(next); // switched without a rebuild (as a file written before records)
      expect(readModels.servedRebuild()).toBeUndefined();
    } finally {
      readModels.close();
    }
  });
});

import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { ProjectionEngine } from '../engine/projection-engine';
import { Projector } from '../engine/projector';
import { ReadModelStore } from '../engine/read-model-store';
import { tempDir } from './log-fixtures';

/** One test's real SQLite log and read-model file, the projector on them, and a reader of the file. */
export interface ProjectorRig {
  store: SqliteEventStore;
  /** The read models the projector writes. */
  readModels: ReadModelStore;
  /** An engine in worker mode reading the same file, as the API beside apps/projector does. */
  reader: ProjectionEngine;
  /** The retries the projector scheduled, oldest first: the spec runs them (no timer). */
  retries: (() => void)[];
  /** What the projector logged. */
  logs: string[];
  /** Starts a projector on the log and read models (the last one started is stopped after the test). */
  start(): Projector;
}

/**
 * Call in a describe block: a fresh rig for each test (`prefix` names its temp folder), all of it
 * stopped, closed and deleted after the test, and every jest spy restored.
 */
export function useProjectorRig(prefix: string): ProjectorRig {
  let temp: ReturnType<typeof tempDir>;
  let projector: Projector | undefined;
  const rig = { retries: [], logs: [] } as unknown as ProjectorRig;
  rig.start = () => {
    projector = new Projector(rig.store, rig.readModels, {
      batchSize: 500,
      log: (message) => rig.logs.push(message),
      scheduleRetry: (run) => {
        rig.retries.push(run);
        return () => undefined;
      },
    });
    projector.start();
    return projector;
  };

  beforeEach(() => {
    temp = tempDir(prefix);
    const file = join(temp.dir, 'read-models.db');
    rig.store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    rig.readModels = new ReadModelStore(file);
    rig.reader = new ProjectionEngine(rig.store, { file, mode: 'worker', batchSize: 500 });
    rig.retries = [];
    rig.logs = [];
    projector = undefined;
  });

  afterEach(async () => {
    await projector?.stop();
    await rig.reader.close();
    rig.readModels.close();
    await rig.store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  return rig;
}

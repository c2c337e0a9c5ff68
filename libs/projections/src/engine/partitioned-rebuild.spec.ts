/**
 * A rebuild split across threads writes exactly what one thread writes: the same change log rows
 * at the same positions, the same summaries and checkpoint. Real files; the threads run the
 * TypeScript sources (startWorkerBeside).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lastValueFrom, toArray } from 'rxjs';
import { startWorkerBeside, type EventStore } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journey } from '../testing/journey-builder';
import { appendEvents, appendInterleaved, sampleCohort, tempDir } from '../testing/log-fixtures';
import { partitionOf } from '@care-journey/event-store/sqlite';
import { partitionPlan } from './partitioned-rebuild';
import { ReadModelStore } from './read-model-store';
import { rebuildReadModels, type RebuildOptions, type RebuildProgress } from './rebuild';

/** Every row of every table of the served generation, in key order (updated_at aside). */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const generation = Number(
      (db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).get() as { value: string }).value,
    );
    const rows = (sql: string): unknown[] => db.prepare(sql).raw(true).all();
    return {
      // With its log tie (log-tie.ts): the split rebuild's checkpoint is tied to the event there too.
      checkpoint: rows(
        `SELECT position, event_position, event_id FROM checkpoints WHERE generation = ${generation}`,
      ),
      summaries: rows(`SELECT * FROM child_summaries_g${generation} ORDER BY child_id`),
      changes: rows(`SELECT * FROM child_changes_g${generation} ORDER BY position, idx`),
      // Which tables (generation numbers aside: a rebuild after a failed one is one generation later).
      tables: rows(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).map((row) =>
        String((row as string[])[0]).replace(/_g\d+$/, '_g'),
      ),
    };
  } finally {
    db.close();
  }
}

describe('partitioned rebuild', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let files = 0;

  const rebuild = async (options: Partial<RebuildOptions>, file?: string): Promise<RebuildProgress[]> => {
    const readModels = new ReadModelStore(file ?? join(temp.dir, `read-models-${files++}.db`));
    try {
      return await lastValueFrom(
        rebuildReadModels(store, readModels, { batchSize: 1000, minEventsPerThread: 1, ...options }).pipe(
          toArray(),
        ),
      );
    } finally {
      readModels.close();
    }
  };
  const rebuiltFile = async (options: Partial<RebuildOptions>): Promise<string> => {
    const file = join(temp.dir, `read-models-${files++}.db`);
    await rebuild(options, file);
    return file;
  };

  beforeAll(async () => {
    temp = tempDir('cj-partitioned-rebuild-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db') });
    // Interleaved: every child's events straddle batches of any size here. Some retract an entry
    // (a refold, which reads the child's stream from the store).
    await appendInterleaved(store, sampleCohort(40));
    // One long journey, then more for a child seen at the start of the log.
    const late = journey('late0').registered('2019-02-01', { dateOfBirth: '2012-05-05' });
    late.startCare('2019-03-01', 'C2').review('2019-03-20').move('2019-06-01').review('2019-09-20');
    await appendEvents(store, late.childId, late.events);
    const child0 = sampleCohort(1)[0];
    const more = journey(child0.childId);
    more.events.length = 0;
    more.review('2025-06-01');
    await appendEvents(store, child0.childId, more.events);
  }, 60_000);

  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('splits the children between the threads', () => {
    const ids = sampleCohort(40).map((b) => `journey-${b.childId}`);
    expect(new Set(ids.map((id) => partitionOf(id, 2))).size).toBe(2);
  });

  it.each([1000, 7])(
    'equals the single-threaded rebuild, row for row (batch %i)',
    async (batchSize) => {
      // Batches of exactly batchSize (no read-ahead, rebuild-batch.spec.ts): children straddle them.
      const single = dump(await rebuiltFile({ batchSize, threads: 1, readAhead: 0 }));
      expect(single.changes.length).toBeGreaterThan(100);
      for (const threads of [2, 3])
        expect(dump(await rebuiltFile({ batchSize, threads, readAhead: 0 }))).toEqual(single);
    },
    60_000,
  );

  it('reports progress up to the head and every event once, then switches', async () => {
    const head = await store.headPosition();
    const progress = await rebuild({ threads: 2, batchSize: 10 });
    const running = progress.filter((p) => p.state === 'running');
    expect(running.length).toBeGreaterThan(2);
    const positions = running.map((p) => BigInt(p.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const done = progress[progress.length - 1];
    expect(done.state).toBe('done');
    expect(done.position).toBe(head?.toString());
    let count = 0;
    for await (const event of store.readAll()) if (event) count++;
    expect(done.eventsDone).toBe(count);
    // Every report says the rebuild ran split, from the first on.
    expect(new Set(progress.map((p) => p.threads))).toEqual(new Set([2]));
  }, 60_000);

  it('checkpoints the WAL less often while it writes, and as before once done', async () => {
    const readModels = new ReadModelStore(join(temp.dir, `read-models-${files++}.db`));
    try {
      const before = readModels.walCheckpointEvery(1000);
      readModels.walCheckpointEvery(before);
      await lastValueFrom(
        rebuildReadModels(store, readModels, { batchSize: 1000, threads: 2, minEventsPerThread: 1 }),
      );
      expect(readModels.walCheckpointEvery(before)).toBe(before);
    } finally {
      readModels.close();
    }
  }, 60_000);

  it('stays on one thread for a small log, an in-memory read model or one thread asked', () => {
    const readModels = new ReadModelStore(':memory:');
    const file = new ReadModelStore(join(temp.dir, 'plan.db'));
    try {
      const head = 1_000n;
      const plan = (models: ReadModelStore, threads: number, minEventsPerThread?: number) =>
        partitionPlan(store, models, 2, head, { threads, batchSize: 100, minEventsPerThread });
      expect(plan(file, 2, 1)).toMatchObject({ threads: 2, upTo: head, generation: 2 });
      expect(plan(file, 2)).toBeUndefined();
      expect(plan(file, 1, 1)).toBeUndefined();
      expect(plan(readModels, 2, 1)).toBeUndefined();
    } finally {
      readModels.close();
      file.close();
    }
  });

  it('asks the event store for its capabilities, never for its class', () => {
    const file = new ReadModelStore(join(temp.dir, 'plan-capability.db'));
    try {
      // Given a store that is no SqliteEventStore, with and without the two capabilities
      const port: EventStore = {
        appendToStream: (...args) => store.appendToStream(...args),
        readStream: (...args) => store.readStream(...args),
        readAll: (...args) => store.readAll(...args),
        subscribeToAll: (...args) => store.subscribeToAll(...args),
        eventsAt: (position) => store.eventsAt(position),
        headPosition: () => store.headPosition(),
        close: async () => undefined,
      };
      const capable: EventStore = {
        ...port,
        sharedConfig: () => store.sharedConfig(),
        readPartition: (range, pageSize) => store.readPartition(range, pageSize),
      };
      const plan = (eventStore: EventStore) =>
        partitionPlan(eventStore, file, 2, 1_000n, { threads: 2, batchSize: 100, minEventsPerThread: 1 });
      // Then the rebuild is split for the capable one only, each thread told how to open the store
      expect(plan(capable)).toMatchObject({ eventStore: { kind: 'sqlite', file: store.file } });
      expect(plan(port)).toBeUndefined();
      expect(plan({ ...capable, sharedConfig: () => undefined })).toBeUndefined();
    } finally {
      file.close();
    }
  });

  it('a failing thread fails the rebuild, the served generation stays, and a rebuild then completes', async () => {
    const file = await rebuiltFile({ threads: 1 });
    const before = dump(file);
    // A row no thread can parse: the partition that owns it fails.
    const raw = new Database(store.file);
    const victim = raw
      .prepare(`SELECT global_position, data FROM events ORDER BY global_position LIMIT 1 OFFSET 50`)
      .get() as {
      global_position: number;
      data: string;
    };
    raw.prepare(`UPDATE events SET data = '{' WHERE global_position = ?`).run(victim.global_position);
    try {
      await expect(rebuild({ threads: 2 }, file)).rejects.toThrow(/Rebuild partition \d/);
    } finally {
      raw
        .prepare(`UPDATE events SET data = ? WHERE global_position = ?`)
        .run(victim.data, victim.global_position);
      raw.close();
    }
    expect(dump(file)).toEqual(before);
    await rebuild({ threads: 2 }, file);
    expect(dump(file)).toEqual(before);
  }, 60_000);

  it('stopped abruptly mid-way, leaves the served generation as it was; the next rebuild completes', async () => {
    const file = await rebuiltFile({ threads: 1 });
    const before = dump(file);
    const thread = startWorkerBeside(join(__dirname, 'testing'), 'rebuild-thread.worker', {
      eventsFile: store.file,
      readModelFile: file,
      batchSize: 5,
    });
    const stoppedAt = await new Promise<RebuildProgress>((resolve, reject) => {
      thread.on('message', (progress: RebuildProgress) => {
        if (progress.state === 'running' && progress.eventsDone > 0)
          void thread.terminate().then(() => resolve(progress));
      });
      thread.on('error', reject);
    });
    expect(stoppedAt.eventsDone).toBeGreaterThan(0);
    const raw = new Database(file, { readonly: true });
    const unfinished = raw.prepare(`SELECT generation, position FROM checkpoints ORDER BY generation`).all();
    raw.close();
    // The abandoned generation is there, never checkpointed, and not served.
    expect(unfinished).toEqual([
      { generation: 2, position: before.checkpoint.flat()[0] },
      { generation: 3, position: null },
    ]);
    // What is served is as it was (the leftover tables aside, dropped by the next rebuild).
    const { tables, ...served } = dump(file);
    expect(tables).toHaveLength(before.tables.length + 2);
    expect({ ...served, tables: before.tables }).toEqual(before);
    const progress = await rebuild({ threads: 2 }, file);
    expect(progress[progress.length - 1].state).toBe('done');
    expect(dump(file)).toEqual(before);
  }, 60_000);
});

/**
 * A rebuild of a log whose children's events are mixed in time (an authority's log, written over
 * years) reads ahead so each child is read back from its row once for several events, and writes
 * exactly what batches of `batchSize` write: the same summaries, change log and checkpoint, on
 * one thread and split. Real files.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lastValueFrom, toArray } from 'rxjs';
import type { RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendInterleaved, sampleCohort, tempDir } from '../testing/log-fixtures';
import { ReadModelStore } from './read-model-store';
import { rebuildReadModels, type RebuildOptions, type RebuildProgress } from './rebuild';
import { EVENTS_PER_CHILD, RebuildBatch } from './rebuild-batch';

/** Every row of the served generation's tables and its checkpoint, in key order. */
function dump(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const { value } = db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).get() as {
      value: string;
    };
    const rows = (sql: string): unknown[] => db.prepare(sql).raw(true).all();
    return {
      checkpoint: rows(
        `SELECT position, event_position, event_id FROM checkpoints WHERE generation = ${value}`,
      ),
      summaries: rows(`SELECT * FROM child_summaries_g${value} ORDER BY child_id`),
      changes: rows(`SELECT * FROM child_changes_g${value} ORDER BY position, idx`),
    };
  } finally {
    db.close();
  }
}

const event = (childId: string, position: number): RecordedEvent =>
  ({ streamId: `journey-${childId}`, globalPosition: BigInt(position) }) as RecordedEvent;

/** How many events each batch held when `log` (child ids in log order) is read. */
function batchSizes(log: readonly string[], batchSize: number, readAhead: number): number[] {
  const reading = new RebuildBatch(batchSize, readAhead);
  const sizes: number[] = [];
  log.forEach((childId, i) => {
    reading.add(event(childId, i));
    if (reading.full) sizes.push(reading.take().length);
  });
  if (reading.events.length > 0) sizes.push(reading.take().length);
  return sizes;
}

describe('a rebuild batch reads ahead when the log interleaves more children than are kept', () => {
  const childByChild = Array.from({ length: 4_000 }, (_, i) => `c${Math.floor(i / 5)}`);
  const fewChildren = Array.from({ length: 4_000 }, (_, i) => `c${i % 200}`);
  const manyChildren = Array.from({ length: 8_000 }, (_, i) => `c${i % 400}`);
  const all = (size: number, count: number): number[] => Array.from({ length: count }, () => size);

  it('Given a log written child by child, When it is read, Then its batches are batchSize events', () => {
    expect(batchSizes(childByChild, 500, 10_000)).toEqual(all(500, 8));
  });

  it('Given 200 children round robin (all kept between batches), When it is read, Then its batches are batchSize events', () => {
    expect(batchSizes(fewChildren, 500, 10_000)).toEqual(all(500, 8));
  });

  it('Given 400 children round robin, When it is read, Then a batch reads on until each child has several events', () => {
    expect(batchSizes(manyChildren, 500, 10_000)).toEqual(all(400 * EVENTS_PER_CHILD, 2).concat([1_600]));
  });

  it('Given 400 children round robin and a smaller read-ahead, When it is read, Then no batch passes it', () => {
    expect(batchSizes(manyChildren, 500, 1_000)).toEqual(all(1_000, 8));
  });

  it('Given a read-ahead at or below batchSize, When it is read, Then batches are batchSize events', () => {
    expect(batchSizes(manyChildren, 500, 0)).toEqual(all(500, 16));
  });
});

describe('rebuilding an interleaved log with read-ahead', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let files = 0;

  const rebuild = async (options: Partial<RebuildOptions>): Promise<{ file: string; batches: number }> => {
    const file = join(temp.dir, `read-models-${files++}.db`);
    const readModels = new ReadModelStore(file);
    let progress: RebuildProgress[];
    try {
      progress = await lastValueFrom(
        rebuildReadModels(store, readModels, { batchSize: 280, minEventsPerThread: 1, ...options }).pipe(
          toArray(),
        ),
      );
    } finally {
      readModels.close();
    }
    expect(progress[progress.length - 1].state).toBe('done');
    // A report per batch applied, and one as each phase starts.
    return { file, batches: progress.filter((p) => p.state === 'running').length };
  };

  beforeAll(async () => {
    temp = tempDir('cj-rebuild-batch-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db') });
    // More children than a rebuild keeps (REBUILD_CHILDREN), one event each in turn: a batch of
    // 280 reads most of its children back from their rows. Some retract an entry (a refold).
    await appendInterleaved(store, sampleCohort(300));
  }, 120_000);

  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('Given 300 children interleaved, When rebuilt with read-ahead on one thread, Then it writes what batches of 280 write, in fewer batches', async () => {
    const plain = await rebuild({ threads: 1, readAhead: 0 });
    const ahead = await rebuild({ threads: 1 });
    const expected = dump(plain.file);
    expect(expected.changes.length).toBeGreaterThan(500);
    expect(expected.summaries).toHaveLength(300);
    expect(dump(ahead.file)).toEqual(expected);
    expect(ahead.batches).toBeLessThan(plain.batches);
  }, 120_000);

  it('Given 300 children interleaved, When rebuilt split on two threads with read-ahead, Then it writes what one thread without it writes', async () => {
    const expected = dump((await rebuild({ threads: 1, readAhead: 0 })).file);
    expect(dump((await rebuild({ threads: 2 })).file)).toEqual(expected);
    expect(dump((await rebuild({ threads: 2, batchSize: 20 })).file)).toEqual(expected);
  }, 120_000);
});

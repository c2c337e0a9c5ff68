/**
 * A rebuild writes exactly the read models the live projector writes from the same log: every
 * summary row (so every measure read from it), every change-log row and the checkpoint, on one
 * thread and split. The cohort is varied (random journeys with entries recorded late, corrections,
 * second periods of care, adoption; the sample cohort's temporary stays and retractions), its
 * children interleaved event by event. The live projector takes the log in small batches, so
 * children are kept between batches and refolds read their streams back. Real files.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lastValueFrom, toArray } from 'rxjs';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendInterleaved, eventually, sampleCohort, tempDir } from '../testing/log-fixtures';
import { randomJourneys } from '../testing/random-journeys';
import { ProjectionEngine } from './projection-engine';
import { ReadModelStore } from './read-model-store';
import { rebuildReadModels } from './rebuild';

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

describe('a rebuild writes what the live projector writes', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let live: Record<string, unknown[]>;
  let files = 0;

  const rebuilt = async (threads: number, batchSize: number): Promise<Record<string, unknown[]>> => {
    const file = join(temp.dir, `rebuilt-${files++}.db`);
    const readModels = new ReadModelStore(file);
    try {
      const progress = await lastValueFrom(
        rebuildReadModels(store, readModels, { batchSize, threads, minEventsPerThread: 1 }).pipe(toArray()),
      );
      expect(progress.at(-1)).toMatchObject({ state: 'done', threads });
    } finally {
      readModels.close();
    }
    return dump(file);
  };

  beforeAll(async () => {
    temp = tempDir('cj-rebuild-live-');
    // Durability is not what this proves: NORMAL spares ~650 fsyncs (review s18-diff 4: the file took 18 s).
    store = new SqliteEventStore({
      file: join(temp.dir, 'events.db'),
      pollIntervalMs: 5,
      synchronous: 'NORMAL',
    });
    await appendInterleaved(store, [...randomJourneys(24, 24, 18), ...sampleCohort(12)]);
    const file = join(temp.dir, 'live.db');
    const engine = new ProjectionEngine(store, { file, mode: 'inline', batchSize: 7, restartDelayMs: 20 });
    try {
      engine.start();
      const head = await store.headPosition();
      await eventually(() => (engine.checkpoint() ?? -1n) >= (head ?? 0n), 60_000);
    } finally {
      await engine.close();
    }
    live = dump(file);
  }, 120_000);

  afterAll(async () => {
    await store.close();
    temp.remove();
  });

  it('Given the live read models of a varied cohort, Then they hold every child and many changes', () => {
    expect(live.summaries).toHaveLength(36);
    expect(live.changes.length).toBeGreaterThan(400);
    // Corrections and late entries made the feed withdraw and close what it had sent.
    const kinds = live.changes.map((row) => (JSON.parse((row as string[])[4]) as { kind: string }).kind);
    expect(kinds).toEqual(expect.arrayContaining(['change.withdrawn', 'flag.closed', 'flag.opened']));
  });

  it('Given the same log, When rebuilt on one thread, Then every row is the live one', async () => {
    expect(await rebuilt(1, 50)).toEqual(live);
  }, 60_000);

  it('Given the same log, When rebuilt split on two threads, Then every row is the live one', async () => {
    expect(await rebuilt(2, 13)).toEqual(live);
  }, 60_000);
});

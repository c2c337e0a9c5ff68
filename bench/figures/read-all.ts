import { SqliteEventStore } from '@care-journey/event-store';
import type { BenchOptions, Measurement } from '../support/measurement';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import { sampleBatch } from '../support/sample-events';
import { TempDb } from '../support/temp-db';

const BATCH = 1000;

/** Replays the whole log, parsing every event's data and metadata (what a projection rebuild does). */
export function readAll(options: BenchOptions): Measurement {
  const events = options.quick ? 100_000 : 1_000_000;
  const temp = new TempDb();
  return {
    name: 'read all + JSON.parse',
    events,
    async setup() {
      // Filled once, with synchronous=NORMAL: only the reads are timed.
      const db = openRaw(temp.file, 'NORMAL');
      const insertBatch = rawBatchInserter(db);
      for (let b = 0; b < events / BATCH; b++) insertBatch(`child-${b}`, 0, sampleBatch(b * BATCH, BATCH));
      db.close();
    },
    async ours() {
      const store = new SqliteEventStore({ file: temp.file });
      let count = 0;
      for await (const event of store.readAll()) if (event.data) count += 1;
      await store.close();
      if (count !== events) throw new Error(`read ${count} events, expected ${events}`);
    },
    async baseline() {
      const db = openRaw(temp.file);
      const rows = db.prepare('SELECT global_position, stream_id, revision, id, type, data, metadata FROM events ORDER BY global_position').raw(true);
      let count = 0;
      for (const row of rows.iterate() as IterableIterator<unknown[]>) {
        const data = JSON.parse(row[5] as string) as unknown;
        JSON.parse(row[6] as string);
        if (data) count += 1;
      }
      db.close();
      if (count !== events) throw new Error(`read ${count} events, expected ${events}`);
    },
    async teardown() {
      temp.remove();
    },
  };
}

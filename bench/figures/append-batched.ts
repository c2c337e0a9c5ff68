import { SqliteEventStore } from '@care-journey/event-store';
import type { BenchOptions, Measurement } from '../support/measurement';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import { sampleBatch } from '../support/sample-events';
import { TempDb } from '../support/temp-db';

const BATCH = 1000;

/** Appends in batches of 1000 events per call, one new stream per batch. */
export function appendBatched(options: BenchOptions): Measurement {
  const events = options.quick ? 100_000 : 1_000_000;
  const batches = events / BATCH;
  const temps: TempDb[] = [];
  const temp = () => {
    const t = new TempDb();
    temps.push(t);
    return t.file;
  };
  return {
    name: `append, ${BATCH} events per call`,
    events,
    async ours() {
      const store = new SqliteEventStore({ file: temp() });
      for (let b = 0; b < batches; b++) {
        await store.appendToStream(`child-${b}`, sampleBatch(b * BATCH, BATCH), { expectedRevision: 'no_stream' });
      }
      await store.close();
    },
    async baseline() {
      const db = openRaw(temp());
      const insertBatch = rawBatchInserter(db);
      for (let b = 0; b < batches; b++) insertBatch(`child-${b}`, 0, sampleBatch(b * BATCH, BATCH));
      db.close();
    },
    async teardown() {
      for (const t of temps) t.remove();
    },
  };
}

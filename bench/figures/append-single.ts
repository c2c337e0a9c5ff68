import { SqliteEventStore } from '@care-journey/event-store';
import type { BenchOptions, Measurement } from '../support/measurement';
import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import { sampleEvent } from '../support/sample-events';
import { TempDb } from '../support/temp-db';

const PER_STREAM = 100;

/** One event per append (one transaction, one fsync each with synchronous=FULL). */
export function appendSingle(options: BenchOptions): Measurement {
  const events = options.quick ? 5_000 : 20_000;
  const temps: TempDb[] = [];
  const temp = () => {
    const t = new TempDb();
    temps.push(t);
    return t.file;
  };
  return {
    name: 'append, 1 event per call',
    events,
    note: `fsync-bound (synchronous=FULL): ${events} events, not the full count; both sides pay one commit per event`,
    async ours() {
      const store = new SqliteEventStore({ file: temp() });
      for (let n = 0; n < events; n++) {
        const revision = n % PER_STREAM;
        await store.appendToStream(`child-${Math.floor(n / PER_STREAM)}`, [sampleEvent(n)], {
          expectedRevision: revision === 0 ? 'no_stream' : BigInt(revision - 1),
        });
      }
      await store.close();
    },
    async baseline() {
      const db = openRaw(temp());
      const insert = rawBatchInserter(db);
      for (let n = 0; n < events; n++) insert(`child-${Math.floor(n / PER_STREAM)}`, n % PER_STREAM, [sampleEvent(n)]);
      db.close();
    },
    async teardown() {
      for (const t of temps) t.remove();
    },
  };
}

import Database from 'better-sqlite3';
import type { NewEvent } from '@care-journey/event-store';

/**
 * The baseline: plain better-sqlite3 on a table equivalent to the adapter's (same columns,
 * same indexes, WAL, same synchronous mode), without any of the adapter's checks. Keep it in
 * step with libs/event-store's sqlite-schema.ts: ids unique per stream, `(stream_id, id)`.
 */
export function openRaw(file: string, synchronous: 'FULL' | 'NORMAL' | 'OFF' = 'FULL'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      global_position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL, revision INTEGER NOT NULL, id TEXT NOT NULL,
      type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL);
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_id ON events (stream_id, id);`);
  return db;
}

/** Returns a function inserting a batch in one transaction (nested in an outer one, a savepoint). */
export function rawBatchInserter(
  db: Database.Database,
): (stream: string, firstRevision: number, events: readonly NewEvent[]) => void {
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return db.transaction((stream: string, firstRevision: number, events: readonly NewEvent[]) => {
    let revision = firstRevision;
    for (const e of events)
      insert.run(stream, revision++, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
  });
}

export type StoredRow = [number, string, number, string, string, string, string];

/** Every row of a seed file, as stored (strings), in log order; closes the file at the end. */
export function* storedRows(file: string): Generator<StoredRow> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(
        'SELECT global_position, stream_id, revision, id, type, data, metadata FROM events ORDER BY global_position',
      )
      .raw(true);
    yield* rows.iterate() as IterableIterator<StoredRow>;
  } finally {
    db.close();
  }
}

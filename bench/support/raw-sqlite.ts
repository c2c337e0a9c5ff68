import Database from 'better-sqlite3';
import type { NewEvent } from '@care-journey/event-store';

/**
 * The baseline: plain better-sqlite3 on a table equivalent to the adapter's (same columns,
 * same indexes, WAL, same synchronous mode), without any of the adapter's checks.
 */
export function openRaw(file: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      global_position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL, revision INTEGER NOT NULL, id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL);
    CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);`);
  return db;
}

/** Returns a function inserting a batch in one transaction. */
export function rawBatchInserter(db: Database.Database): (stream: string, firstRevision: number, events: NewEvent[]) => void {
  const insert = db.prepare('INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  return db.transaction((stream: string, firstRevision: number, events: NewEvent[]) => {
    let revision = firstRevision;
    for (const e of events) insert.run(stream, revision++, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
  });
}

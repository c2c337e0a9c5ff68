import type Database from 'better-sqlite3';

/**
 * One table is the whole log. `global_position` is an INTEGER PRIMARY KEY, i.e. the rowid:
 * strictly increasing, and cheap to read the head of (MAX(rowid) is one b-tree descent).
 * No AUTOINCREMENT: we never delete, and a rolled-back append leaves no gap anyone has seen.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  id              TEXT    NOT NULL UNIQUE,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
`;

export type SynchronousMode = 'FULL' | 'NORMAL';

export function applyPragmas(db: Database.Database, synchronous: SynchronousMode): void {
  // WAL: readers never block the writer, and a crash mid-append leaves the last commit intact.
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL on every commit, so an acknowledged append survives power loss.
  // NORMAL is only safe against process crashes (the OS may lose the last commits on power loss).
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = OFF');
}

export function createSchema(db: Database.Database): void {
  db.exec(DDL);
}

import type Database from 'better-sqlite3';

/**
 * One table is the whole log. `global_position` is an INTEGER PRIMARY KEY, i.e. the rowid:
 * strictly increasing, and cheap to read the head of (MAX(rowid) is one b-tree descent).
 * No AUTOINCREMENT: we never delete, and a rolled-back append leaves no gap anyone has seen.
 *
 * An event id is unique within its stream (`events_stream_id`), EventStoreDB's own idempotency
 * scope. Not across the log: a global index on random ids puts every appended row on a random
 * leaf page of its own once the index outgrows a transaction, so appends scaled superlinearly
 * (bench/README, findings 20 and 25); keyed by stream first, a stream's ids share a few pages.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  id              TEXT    NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
`;

/** The per-stream id index; left out of files that already keep ids unique across the log. */
const STREAM_ID_INDEX = 'CREATE UNIQUE INDEX IF NOT EXISTS events_stream_id ON events (stream_id, id)';

export type SynchronousMode = 'FULL' | 'NORMAL';

export function applyPragmas(db: Database.Database, synchronous: SynchronousMode): void {
  // WAL: readers never block the writer, and a crash mid-append leaves the last commit intact.
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL on every commit, so an acknowledged append survives power loss.
  // NORMAL is only safe against process crashes (the OS may lose the last commits on power loss).
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = OFF');
}

/**
 * Creates the log in a new file. A file made before ids were scoped to the stream (`id … UNIQUE`,
 * SQLite's `sqlite_autoindex_events_1`) is left as it is: that index already makes ids unique in
 * each stream, answers the per-stream look-ups as cheaply, and a third index would only slow its
 * appends (measured: ~0.2 KB more written per row) and take a write lock at open to build (~2 s at
 * 1M events), with the global index's cost left in place. Such a file stays stricter.
 */
export function createSchema(db: Database.Database): void {
  db.exec(DDL);
  if (!idsUniqueAcrossLog(db)) db.exec(STREAM_ID_INDEX);
}

/** True for a file made by an earlier version: a unique index on `id` alone (the inline `UNIQUE`). */
export function idsUniqueAcrossLog(db: Database.Database): boolean {
  const indexes = db
    .prepare('SELECT name, "unique" AS isUnique FROM pragma_index_list(\'events\')')
    .all() as {
    name: string;
    isUnique: number;
  }[];
  return indexes.some(({ name, isUnique }) => {
    if (isUnique !== 1) return false;
    const columns = db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(name) as (
      string | null
    )[];
    return columns.length === 1 && columns[0] === 'id';
  });
}

import Database from 'better-sqlite3';
import {
  byRevision,
  byStream,
  inGroups,
  insertRows,
  timeCalls,
  type InsertRow,
} from '../support/cohort-rows';
import { TempDb } from '../support/temp-db';
import type { ChildAppendRun } from './child-append';

/**
 * A probe for the next step of issue #9's scaling, not a figure (`scale-process
 * insert-children-stream-key <seed>`; not in `--scale`). The child-shaped raw insert (child-append.ts)
 * scales superlinearly in SQLite itself: both unique indexes are keyed by the random `stream_id`,
 * so each commit of a round (one event of each of 1,000 children) dirties a leaf per child in each
 * index, and the pages written per event grow with the file until every child has leaves of its own.
 *
 * The shape probed here keys both indexes by a compact `stream_key` instead: the global position of
 * the stream's first event, computed in the INSERT itself (the event store's columns, so its callers would pass the same values).
 * Streams started together then share leaves, and every entry is a few bytes. The stream id maps to
 * its key through a partial index written once per stream. The same uniqueness holds: a revision or
 * an id at most once per stream (the key is unique per stream, and a stream id has one first event).
 */
const DDL = `
CREATE TABLE events (
  global_position INTEGER PRIMARY KEY,
  stream_id  TEXT    NOT NULL,
  stream_key INTEGER NOT NULL,
  revision   INTEGER NOT NULL,
  id         TEXT    NOT NULL,
  type       TEXT    NOT NULL,
  data       TEXT    NOT NULL,
  metadata   TEXT    NOT NULL
);
CREATE UNIQUE INDEX events_stream_first ON events (stream_id) WHERE revision = 0;
CREATE UNIQUE INDEX events_key_first ON events (stream_key) WHERE revision = 0;
CREATE UNIQUE INDEX events_key_revision ON events (stream_key, revision);
CREATE UNIQUE INDEX events_key_id ON events (stream_key, id);
`;

/**
 * A stream's first event takes the next position as its key; a later one its stream's key (none if
 * the stream has no first event: NOT NULL refuses the row).
 */
const INSERT = `
INSERT INTO events (stream_id, stream_key, revision, id, type, data, metadata)
VALUES (@stream,
  CASE WHEN @revision = 0
    THEN (SELECT coalesce(MAX(global_position), 0) + 1 FROM events)
    ELSE (SELECT stream_key FROM events WHERE stream_id = @stream AND revision = 0)
  END,
  @revision, @id, @type, @data, @metadata)`;

/** A new file with the stream-keyed schema (WAL, `synchronous`), and its insert of one row. */
export function openStreamKeyed(
  file: string,
  synchronous: 'FULL' | 'OFF' = 'FULL',
): { db: Database.Database; insert: (row: InsertRow) => void } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(DDL);
  const statement = db.prepare(INSERT);
  return {
    db,
    insert: ([stream, revision, id, type, data, metadata]) =>
      void statement.run({ stream, revision, id, type, data, metadata }),
  };
}

/**
 * The child-shaped raw insert (child-append.ts's `rawChildInsert`: the same rows, windows of 1,000
 * children interleaved by revision, one transaction per round, synchronous=FULL) into the
 * stream-keyed schema.
 */
export async function streamKeyedChildInsert(seedFile: string, window = 1000): Promise<ChildAppendRun> {
  const temp = new TempDb();
  const { db, insert } = openStreamKeyed(temp.file);
  let appends = 0;
  let transactions = 0;
  try {
    const round = db.transaction((rows: readonly InsertRow[]) => rows.forEach(insert));
    const windows = (function* () {
      for (const children of inGroups(byStream(insertRows(seedFile)), window)) yield byRevision(children);
    })();
    const timing = await timeCalls(windows, (rounds) => {
      for (const rows of rounds) round.immediate(rows);
      appends += rounds.reduce((n, rows) => n + rows.length, 0);
      transactions += rounds.length;
    });
    return { ...timing, appends, transactions };
  } finally {
    db.close();
    temp.remove();
  }
}

/**
 * One partition of a SQLite event log, read on a connection of its own (a worker thread's): the
 * log split by stream, each partition reading the log (in order, or stream by stream) and keeping
 * the streams that hash to it, for projections whose state is per stream (the partitioned
 * rebuild). The hash runs inside SQLite (a function of stream_id), so other partitions' rows never
 * reach JavaScript and their data is never parsed. SQLite only: the EventStore port has no
 * partitioned read.
 */
import Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import { rowToEvent } from './sqlite-row';
import type { EventRow } from './sqlite-statements';

/** FNV-1a over the stream id's UTF-16 code units: stable across processes, versions and runs. */
export function partitionOf(streamId: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) {
    hash ^= streamId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

export interface LogPartition {
  /** The event store's SQLite file. */
  file: string;
  partition: number;
  partitions: number;
  /** Read events in (after, upTo]. */
  after: bigint;
  upTo: bigint;
  /** 'stream': stream by stream, each in revision order; default 'log' (see LogPartitionRange). */
  order?: 'log' | 'stream';
}

const COLUMNS = 'global_position, stream_id, revision, id, type, data, metadata';

/** The partition's events in log order (or stream by stream), `pageSize` at a time, as readAll gives them. */
export function* readLogPartition(range: LogPartition, pageSize: number): Generator<RecordedEvent[]> {
  const db = new Database(range.file, { readonly: true, fileMustExist: true });
  try {
    db.function('care_journey_partition', { deterministic: true, varargs: false }, (streamId: unknown) =>
      partitionOf(String(streamId), range.partitions),
    );
    if (range.order === 'stream') yield* streamByStream(db, range, pageSize);
    else yield* inLogOrder(db, range, pageSize);
  } finally {
    db.close();
  }
}

function* inLogOrder(
  db: Database.Database,
  range: LogPartition,
  pageSize: number,
): Generator<RecordedEvent[]> {
  const page = db
    .prepare<[bigint, bigint, number, number], EventRow>(
      `SELECT ${COLUMNS} FROM events
        WHERE global_position > ? AND global_position <= ? AND care_journey_partition(stream_id) = ?
        ORDER BY global_position LIMIT ?`,
    )
    .raw(true)
    .safeIntegers(true);
  let cursor = range.after;
  for (;;) {
    const rows = page.all(cursor, range.upTo, range.partition, pageSize);
    if (rows.length === 0) return;
    yield rows.map(rowToEvent);
    if (rows.length < pageSize) return;
    cursor = rows[rows.length - 1][0];
  }
}

/**
 * One stream's events in (after, upTo], in revision order, the stream named by the position of an
 * event of it: a rowid look-up, then a search of the (stream_id, revision) index (no scan, no sort).
 */
export const STREAM_EVENTS_SQL = `SELECT ${COLUMNS} FROM events INDEXED BY events_stream_revision
  WHERE stream_id = (SELECT stream_id FROM events WHERE global_position = ?)
    AND global_position > ? AND global_position <= ? ORDER BY revision`;

/**
 * Stream by stream, streams in the order of their first event in the range (a log written stream
 * by stream is read in log order, so rows keyed by position are still written in order), each
 * stream's events in revision order. The streams are listed from the (stream_id, revision) index,
 * which holds global_position (the rowid): no row is read from the table for the list.
 */
function* streamByStream(
  db: Database.Database,
  range: LogPartition,
  pageSize: number,
): Generator<RecordedEvent[]> {
  const firsts = firstPositions(db, range);
  const eventsOf = db
    .prepare<[bigint, bigint, bigint], EventRow>(STREAM_EVENTS_SQL)
    .raw(true)
    .safeIntegers(true);
  let page: RecordedEvent[] = [];
  for (const first of firsts) {
    for (const row of eventsOf.iterate(first, range.after, range.upTo)) {
      page.push(rowToEvent(row));
      if (page.length === pageSize) {
        yield page;
        page = [];
      }
    }
  }
  if (page.length > 0) yield page;
}

/**
 * The position of each of the partition's streams' first event in the range, in order, in a typed
 * array (8 bytes a stream, outside the JavaScript heap). A split rebuild's thread holds the list for
 * minutes; held as rows of stream ids (~230 bytes a stream) it stayed live in the old generation,
 * which V8 sizes as a multiple of what is live: at 1,000,000 events (~36,000 streams a thread) that
 * was ~80 MB of the rebuild's peak RSS. Read whole, not as it goes: a statement left open across
 * the read would pin one snapshot of the log (and its WAL) until the end.
 */
function firstPositions(db: Database.Database, range: LogPartition): BigInt64Array {
  const rows = db
    .prepare<[bigint, bigint, number], bigint>(
      `SELECT MIN(global_position) FROM events INDEXED BY events_stream_revision
        WHERE global_position > ? AND global_position <= ? AND care_journey_partition(stream_id) = ?
        GROUP BY stream_id ORDER BY 1`,
    )
    .pluck(true)
    .safeIntegers(true);
  let firsts = new BigInt64Array(1024);
  let count = 0;
  for (const first of rows.iterate(range.after, range.upTo, range.partition)) {
    if (count === firsts.length) {
      const grown = new BigInt64Array(count * 2);
      grown.set(firsts);
      firsts = grown;
    }
    firsts[count++] = first;
  }
  return firsts.subarray(0, count);
}

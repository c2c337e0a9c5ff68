/**
 * Reading one partition of a SQLite event log for a partitioned rebuild. A child's feed depends
 * only on its own stream (the feed clock is per child), so the log can be split by stream: each
 * partition thread reads the log in order and keeps the streams that hash to it. The hash runs
 * inside SQLite (a function of stream_id), so other partitions' rows never reach JavaScript and
 * their data is never parsed.
 *
 * This reads the SQLite event store's `events` table directly (libs/event-store's schema; the
 * EventStore port has no partition filter): a partitioned rebuild needs a SQLite event store.
 */
import Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '@care-journey/event-store';

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
}

type EventRow = [bigint, string, bigint, string, string, string, string];

/** The partition's events in log order, `pageSize` at a time, as the event store's readAll gives them. */
export function* readLogPartition(range: LogPartition, pageSize: number): Generator<RecordedEvent[]> {
  const db = new Database(range.file, { readonly: true, fileMustExist: true });
  try {
    db.function('care_journey_partition', { deterministic: true, varargs: false }, (streamId: unknown) =>
      partitionOf(String(streamId), range.partitions),
    );
    const page = db
      .prepare<[bigint, bigint, number, number], EventRow>(
        `SELECT global_position, stream_id, revision, id, type, data, metadata FROM events
          WHERE global_position > ? AND global_position <= ? AND care_journey_partition(stream_id) = ?
          ORDER BY global_position LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true);
    let cursor = range.after;
    for (;;) {
      const rows = page.all(cursor, range.upTo, range.partition, pageSize);
      if (rows.length === 0) return;
      yield rows.map(toRecordedEvent);
      if (rows.length < pageSize) return;
      cursor = rows[rows.length - 1][0];
    }
  } finally {
    db.close();
  }
}

/** Same shape and property order as the event store's own rows, so events share one hidden class. */
const toRecordedEvent = (row: EventRow): RecordedEvent => ({
  id: row[3],
  type: row[4],
  data: JSON.parse(row[5]) as Record<string, unknown>,
  metadata: JSON.parse(row[6]) as EventMetadata,
  streamId: row[1],
  revision: row[2],
  globalPosition: row[0],
});

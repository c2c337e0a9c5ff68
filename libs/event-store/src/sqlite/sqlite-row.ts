import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { EventRow, StreamRow } from './sqlite-statements';

/** Row → port event. Property order is fixed so every event shares one hidden class. */
export function rowToEvent(row: EventRow): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as Record<string, unknown>,
    metadata: JSON.parse(row[6]) as EventMetadata,
    streamId: row[1],
    revision: row[2],
    globalPosition: row[0],
  };
}

/** A row of one stream's read → port event: the same object as rowToEvent's, the stream id given. */
export function streamRowToEvent(row: StreamRow, streamId: string): RecordedEvent {
  return {
    id: row[2],
    type: row[3],
    data: JSON.parse(row[4]) as Record<string, unknown>,
    metadata: JSON.parse(row[5]) as EventMetadata,
    streamId,
    revision: row[1],
    globalPosition: row[0],
  };
}

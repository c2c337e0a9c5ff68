/** export903: every child's journey from the store, as the 903 return for one year. */
import type { EventStore, RecordedEvent } from '@care-journey/event-store';
import { fromStoredEnvelope, JOURNEY_STREAM_PREFIX, type StoredJourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord, type ChildRecord } from './child-record';
import type { Return903 } from './tables';

export interface Export903Options {
  yearEnding: string;
  /** The responsible authority (kept for the self-check's placement-location rules). */
  la?: string;
  /** Code lists of another year (see BuildReturnOptions.codesOf): for a comparison copy only. */
  codesOf?: string;
}

const toStored = (recorded: RecordedEvent): StoredJourneyEvent =>
  fromStoredEnvelope(recorded, { positions: false });

/** Reads the whole log once, grouped by child stream. */
/**
 * Every child's record from the log; with `upTo`, from the events at or before that global position
 * only (the log is append-only, so a return read up to one position is the same whenever it is read:
 * the tables of a return fetched one by one agree; review s14 F5).
 */
export async function readChildren(store: EventStore, upTo?: bigint): Promise<ChildRecord[]> {
  const streams = new Map<string, StoredJourneyEvent[]>();
  for await (const event of store.readAll({ filter: { streamPrefixes: [JOURNEY_STREAM_PREFIX] } })) {
    if (upTo !== undefined && event.globalPosition > upTo) break;
    const list = streams.get(event.streamId) ?? [];
    list.push(toStored(event));
    streams.set(event.streamId, list);
  }
  const children: ChildRecord[] = [];
  for (const events of streams.values()) {
    const record = childRecord(events);
    if (record) children.push(record);
  }
  return children.sort((a, b) => (a.registration.childRef < b.registration.childRef ? -1 : 1));
}

export async function export903(store: EventStore, options: Export903Options): Promise<Return903> {
  return buildReturn(await readChildren(store), options);
}

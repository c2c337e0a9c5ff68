/** Test-only (jest hooks): *.spec-helper.ts files are left out of the production build (tsconfig.build.json). */
/**
 * A SQLite event store on a temporary file for each test of a describe block, given to `opened`
 * before each test: the one temp store of the specs (libs/event-store useTempSqliteStore), fsync
 * off (synchronous NORMAL): durability is not what these specs test.
 */
import { type RecordedEvent } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

export function useTempEventStore(prefix: string, opened: (store: SqliteEventStore) => void): void {
  const db = useTempSqliteStore(prefix, { synchronous: 'NORMAL' });
  beforeEach(() => opened(db.store));
}

/** Every event of `stream`, oldest first. */
export async function eventsOf(store: SqliteEventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
}

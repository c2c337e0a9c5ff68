/** Test-only (jest hooks): *.spec-helper.ts files are left out of the production build (tsconfig.build.json). */
/**
 * A SQLite event store on a temporary file for each test of a describe block: opened before each
 * test (given to `opened`), closed and its directory removed after. fsync off (synchronous NORMAL):
 * durability is not what these specs test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';

export function useTempEventStore(prefix: string, opened: (store: SqliteEventStore) => void): void {
  let dir: string | undefined;
  let store: SqliteEventStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    store = new SqliteEventStore({ file: join(dir, 'store.db'), synchronous: 'NORMAL' });
    opened(store);
  });
  afterEach(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    store = undefined;
    dir = undefined;
  });
}

/** Every event of `stream`, oldest first. */
export async function eventsOf(store: SqliteEventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
}

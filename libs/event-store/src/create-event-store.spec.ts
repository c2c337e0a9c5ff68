import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from './create-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { loadStoreConfig } from './store-config';

describe('createEventStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-factory-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a SQLite store on the configured file, creating its directory', async () => {
    const file = join(dir, 'nested', 'store.db');
    const store = await createEventStore(loadStoreConfig({ CARE_JOURNEY_SQLITE_FILE: file }));
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect((store as SqliteEventStore).file).toBe(file);
      expect(await store.headPosition()).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('builds an EventStoreDB store without connecting eagerly', async () => {
    const store = await createEventStore(
      loadStoreConfig({
        CARE_JOURNEY_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:1?tls=false',
      }),
    );
    expect(store.constructor.name).toBe('EventStoreDbEventStore');
    await store.close();
  });
});

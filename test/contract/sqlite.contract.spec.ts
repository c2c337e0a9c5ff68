import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { eventStoreContract, type StoreFixture } from './event-store.contract';
import { failHeadReads } from './support/fail-head-reads';

/** Each test gets a fresh temp file; `open()` adds another connection on the same file. */
function sqliteFixture(): Promise<StoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cj-contract-'));
  const file = join(dir, 'events.db');
  const stores: SqliteEventStore[] = [];
  return Promise.resolve({
    // The next two reads of the log's head by each store fail as a disk I/O error does.
    interruptSubscriptions: () => {
      for (const store of stores) failHeadReads(store, 2);
    },
    open: async () => {
      const store = new SqliteEventStore({ file, pollIntervalMs: 20 });
      stores.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(stores.map((store) => store.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

eventStoreContract('SQLite', { fixture: sqliteFixture, interrupts: true });

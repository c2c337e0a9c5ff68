import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store';
import { eventStoreContract, type StoreFixture } from './event-store.contract';

/** Each test gets a fresh temp file; `open()` adds another connection on the same file. */
function sqliteFixture(): Promise<StoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cj-contract-'));
  const file = join(dir, 'events.db');
  const stores: SqliteEventStore[] = [];
  return Promise.resolve({
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

eventStoreContract('SQLite', { fixture: sqliteFixture });

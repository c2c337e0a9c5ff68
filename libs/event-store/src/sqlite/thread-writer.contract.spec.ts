import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract, type StoreFixture } from '../../../../test/contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

/** The whole event-store contract again with the writer thread committing (CARE_JOURNEY_SQLITE_WRITER=thread). */
function threadWriterFixture(): Promise<StoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cj-contract-thread-'));
  const file = join(dir, 'events.db');
  const stores: SqliteEventStore[] = [];
  return Promise.resolve({
    open: async () => {
      const store = new SqliteEventStore({ file, pollIntervalMs: 20, writer: 'thread' });
      stores.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(stores.map((store) => store.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

eventStoreContract('SQLite, writer thread', { fixture: threadWriterFixture });

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract, type StoreFixture } from '../../../../test/contract/event-store.contract';
import { failHeadReads } from '../../../../test/contract/support/fail-head-reads';
import { SqliteEventStore } from './sqlite-event-store';

/** The whole event-store contract again with the writer thread committing (CARE_JOURNEY_SQLITE_WRITER=thread). */
function threadWriterFixture(): Promise<StoreFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'cj-contract-thread-'));
  const file = join(dir, 'events.db');
  const stores: SqliteEventStore[] = [];
  return Promise.resolve({
    // The next two reads of the log's head by each store fail as a disk I/O error does.
    interruptSubscriptions: () => {
      for (const store of stores) failHeadReads(store, 2);
    },
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

eventStoreContract('SQLite, writer thread', { fixture: threadWriterFixture, interrupts: true });

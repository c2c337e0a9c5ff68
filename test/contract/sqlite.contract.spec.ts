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

/**
 * Reaches into the store's prepared statement for the head (what a subscription polls) rather than
 * breaking the file: WAL readers cannot be made to fail on demand, and this is the error they give.
 */
function failHeadReads(store: SqliteEventStore, times: number): void {
  const head = (store as unknown as { statements: { head: { get(): unknown } } }).statements.head;
  const spy = jest.spyOn(head, 'get');
  for (let n = 0; n < times; n++)
    spy.mockImplementationOnce(() => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    });
}

eventStoreContract('SQLite', { fixture: sqliteFixture, interrupts: true });

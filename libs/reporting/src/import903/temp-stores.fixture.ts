import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';

/**
 * A temporary directory of SQLite stores for the import specs: stores opened by name (fsync off
 * for speed; durability is not what they test), files such as returns written beside them, and
 * everything closed and removed at the end. Create it in beforeAll, call removeAll in afterAll.
 */
export class TempStores {
  readonly dir: string;
  private readonly stores: SqliteEventStore[] = [];

  constructor(prefix: string) {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
  }

  open(name: string): SqliteEventStore {
    const store = new SqliteEventStore({ file: join(this.dir, name), synchronous: 'NORMAL' });
    this.stores.push(store);
    return store;
  }

  async removeAll(): Promise<void> {
    await Promise.all(this.stores.map((s) => s.close()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

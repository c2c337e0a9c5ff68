import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type SqliteEventStoreOptions } from '../sqlite';

/** The store of the test running now, on a file of its own. */
export interface TempSqliteStore {
  readonly store: SqliteEventStore;
  /** The temp folder the store's file is in (deleted after the test). */
  readonly dir: string;
}

/**
 * Call in a describe block: each of its tests gets a SQLite event store on a fresh file in a temp
 * folder (`prefix` names the folder), opened before the test's own beforeEach hooks and closed,
 * then deleted with its folder, after the test. `options` are the store's, but for its file.
 */
export function useTempSqliteStore(
  prefix: string,
  options: Omit<SqliteEventStoreOptions, 'file'> = {},
): TempSqliteStore {
  let opened: { store: SqliteEventStore; dir: string } | undefined;
  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    opened = { dir, store: new SqliteEventStore({ ...options, file: join(dir, 'events.db') }) };
  });
  afterEach(async () => {
    const closing = opened;
    opened = undefined;
    if (!closing) return;
    try {
      await closing.store.close();
    } finally {
      rmSync(closing.dir, { recursive: true, force: true });
    }
  });
  const current = () => {
    if (!opened) throw new Error('useTempSqliteStore: the store opens in beforeEach, for each test');
    return opened;
  };
  return {
    get store() {
      return current().store;
    },
    get dir() {
      return current().dir;
    },
  };
}

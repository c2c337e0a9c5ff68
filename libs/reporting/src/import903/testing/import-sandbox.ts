import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { import903, type ImportResult } from '../import903';
import { writeTables, type TableRows } from './return-files';

export interface ImportSandbox {
  /** This test's store (a fresh SQLite file). */
  store(): SqliteEventStore;
  /**
   * Writes the tables as the 2024-25 return and imports it, on 1 June 2025. The year comes from the
   * folder: care that began before 1 April 2024 began before this return.
   */
  importTables(tables: TableRows): Promise<ImportResult>;
}

/** For a describe block: each test gets a fresh store in a temporary directory, removed after it. */
export function importSandbox(prefix: string): ImportSandbox {
  let dir = '';
  let store: SqliteEventStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    store = new SqliteEventStore({ file: join(dir, 'store.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const current = (): SqliteEventStore => {
    if (!store) throw new Error('importSandbox: the store exists only inside a test');
    return store;
  };
  return {
    store: current,
    importTables: (tables) => {
      writeTables(join(dir, 'in', '2024-25'), tables);
      return import903(current(), join(dir, 'in'), { now: '2025-06-01T09:00:00Z' });
    },
  };
}

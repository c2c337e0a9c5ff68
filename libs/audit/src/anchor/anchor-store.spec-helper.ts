/** Test-only (jest hooks): *.spec-helper.ts files are left out of the production build (tsconfig.build.json). */
/**
 * A real SQLite event store on a temporary file per test, with the means to damage it as an
 * intruder with write access to the file would: delete rows with better-sqlite3, behind the
 * store's back (the store is closed meanwhile and opened again after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { chainEvents } from '../integrity/chain-events';
import { readChainTip, expectedRevisionAt } from '../reading/read-stream';

export interface TempStore {
  readonly store: SqliteEventStore;
  /** Appends `count` chained events to `streamId` at its tip; returns the last global position. */
  append(streamId: string, count: number): Promise<bigint>;
  /** Runs SQL straight on the file (e.g. DELETE FROM events …); returns the rows changed. */
  tamper(sql: string, ...params: unknown[]): Promise<number>;
}

export function useTempStore(prefix: string): () => TempStore {
  let dir: string | undefined;
  let current: TempStore | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    current = tempStore(join(dir, 'events.db'));
  });
  afterEach(async () => {
    await current?.store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    current = dir = undefined;
  });
  return () => {
    if (!current) throw new Error('useTempStore: only inside a test');
    return current;
  };
}

let ids = 0;

function tempStore(file: string): TempStore {
  let store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  return {
    get store() {
      return store;
    },
    async append(streamId, count) {
      const tip = await readChainTip(store, streamId);
      const events = Array.from({ length: count }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, '0')}`,
        type: 'Noted',
        data: { n: Number(tip.nextRevision) + i },
        metadata: { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
      }));
      const result = await store.appendToStream(streamId, chainEvents(tip, events), {
        expectedRevision: expectedRevisionAt(tip),
      });
      return result.globalPosition;
    },
    async tamper(sql, ...params) {
      await store.close();
      const db = new Database(file);
      try {
        return db.prepare(sql).run(...params).changes;
      } finally {
        db.close();
        store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
      }
    },
  };
}

import Database from 'better-sqlite3';
import type { ChangeRecord } from '../feed/change-record';
import { insertChangesSql } from './change-log';
import {
  CHANGE_ROWS_PER_INSERT,
  DirectRows,
  PendingRows,
  type ChangeInserts,
  type SummaryWrites,
} from './pending-rows';
import { createGenerationTables } from './read-model-schema';

const record = (n: number): ChangeRecord => ({
  kind: 'plan.set',
  childId: `c${n % 3}`,
  childRef: `REF-${n % 3}`,
  asAt: '2024-01-01',
  key: `k${n}`,
  data: { n },
});

/** `events` events of 0–4 changes each, and the rows they must leave, in key order. */
function batch(events: number): { position: bigint; eventId: string; changes: ChangeRecord[] }[] {
  let n = 0;
  return Array.from({ length: events }, (_, e) => ({
    position: BigInt(e + 1),
    eventId: `e${e + 1}`,
    changes: Array.from({ length: e % 5 }, () => record(n++)),
  }));
}

function expected(events: ReturnType<typeof batch>): unknown[][] {
  return events.flatMap(({ position, eventId, changes }) =>
    changes.map((change, idx) => [Number(position), idx, change.childId, eventId, JSON.stringify(change)]),
  );
}

describe('change rows written a few dozen at a time', () => {
  const open = (): { db: Database.Database; inserts: ChangeInserts; summaries: SummaryWrites } => {
    const db = new Database(':memory:');
    createGenerationTables(db, 1);
    return {
      db,
      inserts: {
        one: db.prepare(insertChangesSql(1)),
        many: db.prepare(insertChangesSql(1, CHANGE_ROWS_PER_INSERT)),
      },
      summaries: {
        upsert: db.prepare(`SELECT 1 WHERE ? IS NOT NULL`),
        update: db.prepare(`SELECT 1 WHERE ? IS NOT NULL`),
      },
    };
  };
  const rowsOf = (db: Database.Database): unknown[][] =>
    db.prepare(`SELECT * FROM child_changes_g1 ORDER BY position, idx`).raw(true).all() as unknown[][];

  it.each([0, 1, 8, 16, 17, 40, 101])(
    'Given %i events, Then DirectRows (flushed) and PendingRows leave exactly their rows',
    (events) => {
      const input = batch(events);
      const direct = open();
      const rows = new DirectRows(direct.inserts, direct.summaries);
      direct.db.transaction(() => {
        for (const { position, eventId, changes } of input) rows.changes(position, eventId, changes);
        rows.flush();
      })();
      expect(rowsOf(direct.db)).toEqual(expected(input));

      const held = open();
      const pending = new PendingRows();
      for (const { position, eventId, changes } of input) pending.changes(position, eventId, changes);
      held.db.transaction(() => pending.writeTo(held.inserts, held.summaries))();
      expect(rowsOf(held.db)).toEqual(expected(input));
      direct.db.close();
      held.db.close();
    },
  );
});

import type { NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  byRevision,
  byStream,
  expectedBefore,
  inGroups,
  insertRows,
  timeCalls,
  toNewEvent,
  type InsertRow,
} from '../support/cohort-rows';
import { openRaw } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';

/**
 * Child-shaped appends for the scaling figure (review s16 F6): the shape commands write, not the
 * append figure's 1,000-event `bench-batch` streams (the most index-friendly one). Each cohort child's
 * events go to its own stream (~14 events, random ids), one event per append, in windows of
 * CHILD_WINDOW children interleaved by revision as a live log interleaves children.
 */
export const CHILD_WINDOW = 1000;

const INSERT = 'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)';

/** The seed file's children in windows, each window's events in rounds by revision (read lazily). */
function* windowRounds(seedFile: string): Generator<InsertRow[][]> {
  for (const children of inGroups(byStream(insertRows(seedFile)), CHILD_WINDOW)) yield byRevision(children);
}

export interface ChildAppendRun {
  seconds: number;
  peakRssMb: number;
  appends: number;
  transactions: number;
}

/**
 * Ours: every cohort event through `appendToStream` to its child's stream, one event per call at the
 * revision before it (expected revision checked, as a command appends), synchronous=FULL, a fresh
 * file. A round's appends (one per child of the window) are started together, so group commit puts
 * them in one transaction, each in its own savepoint, as it does concurrent commands. Only the calls
 * are timed (reading the seed file and JSON.parse of the input are not).
 */
export async function ourChildAppend(seedFile: string): Promise<ChildAppendRun> {
  const temp = new TempDb();
  const store = new SqliteEventStore({ file: temp.file, synchronous: 'FULL' });
  try {
    function* parsed(): Generator<{ row: InsertRow; event: NewEvent }[][]> {
      for (const rounds of windowRounds(seedFile))
        yield rounds.map((round) => round.map((row) => ({ row, event: toNewEvent(row) })));
    }
    const timing = await timeCalls(parsed(), async (rounds) => {
      for (const round of rounds)
        await Promise.all(
          round.map(({ row, event }) =>
            store.appendToStream(row[0], [event], { expectedRevision: expectedBefore(row[1]) }),
          ),
        );
    });
    return { ...timing, ...store.commitStats() };
  } finally {
    await store.close();
    temp.remove();
  }
}

/**
 * Raw better-sqlite3, the same rows in the same interleaved order, one transaction per round: the
 * limit ours is measured against (how SQLite's stream-keyed indexes scale with this shape).
 */
export async function rawChildInsert(seedFile: string): Promise<ChildAppendRun> {
  const temp = new TempDb();
  const db = openRaw(temp.file, 'FULL');
  let appends = 0;
  let transactions = 0;
  try {
    const insert = db.prepare(INSERT);
    const round = db.transaction((rows: readonly InsertRow[]) => {
      for (const row of rows) insert.run(...row);
    });
    const timing = await timeCalls(windowRounds(seedFile), (rounds) => {
      for (const rows of rounds) round.immediate(rows);
      appends += rounds.reduce((n, rows) => n + rows.length, 0);
      transactions += rounds.length;
    });
    return { ...timing, appends, transactions };
  } finally {
    db.close();
    temp.remove();
  }
}

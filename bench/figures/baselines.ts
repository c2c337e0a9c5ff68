import type { Cohort } from '../workload/cohort';
import { openRaw, storedRows } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';
import { timed } from '../support/timing';
import { inGroups, insertRows, timeCalls, type InsertRow } from '../support/cohort-rows';
import type { Row } from '../support/row';

/** The physical limits every figure is compared with, measured on this machine in this run. */
export interface Baselines {
  batchedInsertPerSecond: number;
  singleInsertTxPerSecond: number;
  readParsePerSecond: number;
  rows: Row[];
}

const BATCH = 1000;

/**
 * Raw better-sqlite3: the cohort's rows (already JSON) in transactions of 1000, synchronous=FULL.
 * Only the transactions are timed: reading each batch from the seed file (another SQLite file) is
 * not, nor opening and closing (review s16 F3: with the reads timed this limit was ~2.8× too low).
 */
export async function rawBatchedInsert(cohort: Cohort): Promise<{ seconds: number; peakRssMb: number }> {
  const temp = new TempDb();
  const db = openRaw(temp.file, 'FULL');
  try {
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const flush = db.transaction((rows: InsertRow[]) => {
      for (const row of rows) insert.run(...row);
    });
    return await timeCalls(inGroups(insertRows(cohort.file), BATCH), (rows) => flush.immediate(rows));
  } finally {
    db.close();
    temp.remove();
  }
}

/** Raw better-sqlite3: one row per transaction, synchronous=FULL: one fsync per commit. */
async function rawSingleInsert(
  cohort: Cohort,
  count: number,
): Promise<{ seconds: number; peakRssMb: number }> {
  const temp = new TempDb();
  const rows: unknown[][] = [];
  for (const row of storedRows(cohort.file)) {
    rows.push(row.slice(1));
    if (rows.length === count) break;
  }
  try {
    return await timed(() => {
      const db = openRaw(temp.file, 'FULL');
      const insert = db.prepare(
        'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const one = db.transaction((row: unknown[]) => insert.run(...row));
      for (const row of rows) one.immediate(row);
      db.close();
    });
  } finally {
    temp.remove();
  }
}

/** Raw better-sqlite3: read every row in log order and JSON.parse data and metadata, nothing else. */
export async function rawReadParse(
  file: string,
): Promise<{ seconds: number; peakRssMb: number; events: number }> {
  const { seconds, peakRssMb, result } = await timed(() => {
    let n = 0;
    for (const row of storedRows(file)) {
      const data = JSON.parse(row[5]) as unknown;
      JSON.parse(row[6]);
      if (data) n++;
    }
    return n;
  });
  return { seconds, peakRssMb, events: result };
}

export async function measureBaselines(cohort: Cohort, singleCount: number): Promise<Baselines> {
  const batched = await rawBatchedInsert(cohort);
  const single = await rawSingleInsert(cohort, singleCount);
  const read = await rawReadParse(cohort.file);
  const base = (figure: string, value: number, unit: string, peakRssMb: number, note: string): Row => ({
    figure,
    ours: value,
    unit,
    peakRssMb,
    note,
  });
  const batchedRate = cohort.events / batched.seconds;
  const singleRate = singleCount / single.seconds;
  const readRate = read.events / read.seconds;
  return {
    batchedInsertPerSecond: batchedRate,
    singleInsertTxPerSecond: singleRate,
    readParsePerSecond: readRate,
    rows: [
      base(
        'baseline: raw batched insert',
        batchedRate,
        'events/s',
        batched.peakRssMb,
        `${cohort.events} rows, ${BATCH} per transaction, synchronous=FULL; only the transactions timed (not reading the seed file, opening or the closing checkpoint)`,
      ),
      base(
        'baseline: raw insert, 1 per transaction',
        singleRate,
        'tx/s',
        single.peakRssMb,
        `${singleCount} rows, one fsync each (synchronous=FULL)`,
      ),
      base(
        'baseline: raw read + JSON.parse',
        readRate,
        'events/s',
        read.peakRssMb,
        `${read.events} rows in log order`,
      ),
    ],
  };
}

import type { Cohort } from '../workload/cohort';
import { median } from '../support/alternating-runs';
import { openRaw, storedRows } from '../support/raw-sqlite';
import { rawSingleTxRound, spreadNote } from '../support/raw-single-tx';
import { TempDb } from '../support/temp-db';
import { timed } from '../support/timing';
import { firstRows, inGroups, insertRows, timeCalls, type InsertRow } from '../support/cohort-rows';
import type { Row } from '../support/row';

/** The physical limits every figure is compared with, measured on this machine in this run. */
export interface Baselines {
  batchedInsertPerSecond: number;
  /** Median of SINGLE_ROUNDS rounds. */
  singleInsertTxPerSecond: number;
  /** The rows one round of it inserts: the HTTP figure runs rounds of them between its phases. */
  singleRows: InsertRow[];
  readParsePerSecond: number;
  rows: Row[];
}

const BATCH = 1000;

/** Rounds of the raw 1/tx baseline; `singleCount` rows in all, split between them. */
export const SINGLE_ROUNDS = 5;

/** Rows in one round of the raw 1/tx baseline (at least 100, so a round spans many fsyncs). */
export const singleRoundRows = (singleCount: number): number =>
  Math.max(100, Math.round(singleCount / SINGLE_ROUNDS));

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

/**
 * Raw better-sqlite3, one row per transaction (one fsync each), in SINGLE_ROUNDS short rounds on fresh files:
 * the median rate, with every round in the note (review s16 F8: one run of it swung 2,674 → 410 tx/s
 * between two runs seven minutes apart).
 */
async function rawSingleInsert(
  cohort: Cohort,
  count: number,
): Promise<{ rates: number[]; peakRssMb: number; rows: InsertRow[] }> {
  const rows = firstRows(cohort.file, singleRoundRows(count));
  const rates: number[] = [];
  let peakRssMb = 0;
  for (let round = 0; round < SINGLE_ROUNDS; round++) {
    const run = await rawSingleTxRound(rows);
    rates.push(run.perSecond);
    peakRssMb = Math.max(peakRssMb, run.peakRssMb);
  }
  return { rates, peakRssMb, rows };
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
  const singleRate = median(single.rates);
  const readRate = read.events / read.seconds;
  return {
    batchedInsertPerSecond: batchedRate,
    singleInsertTxPerSecond: singleRate,
    singleRows: single.rows,
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
        `${SINGLE_ROUNDS} rounds of ${single.rows.length} rows, each on a fresh file, one fsync a row (synchronous=FULL), only the commits timed: ${spreadNote(single.rates)}; the HTTP rows run their own rounds between their phases`,
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

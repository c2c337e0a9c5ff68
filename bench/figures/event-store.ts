import { type NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  batchesAsStreams,
  expectedBefore,
  firstRows,
  timeCalls,
  toNewEvent,
  type InsertRow,
} from '../support/cohort-rows';
import { openRaw } from '../support/raw-sqlite';
import { rawSingleTxRound } from '../support/raw-single-tx';
import { rateRow, type Row } from '../support/row';
import { TempDb } from '../support/temp-db';
import { progress, timed } from '../support/timing';
import type { Cohort } from '../workload/cohort';
import { rawReadParse } from './baselines';

/**
 * Our event store (SqliteEventStore, synchronous=FULL, WAL) against raw better-sqlite3 doing the same
 * operation on the same rows at synchronous=FULL, both measured inside the figure, one right after
 * the other (on this noisy machine a baseline from minutes earlier is not the same machine).
 */

const BATCH = 1000;
const WRITERS = 8;
const INSERT = 'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)';

/** Runs `work` on a fresh database file, removed afterwards. */
async function withTemp<T>(work: (file: string) => Promise<T>): Promise<T> {
  const temp = new TempDb();
  try {
    return await work(temp.file);
  } finally {
    temp.remove();
  }
}

function openStore(file: string): SqliteEventStore {
  return new SqliteEventStore({ file, synchronous: 'FULL' });
}

/**
 * Ours: every row of the seed file through `appendToStream`, 1,000 per call (a stream per call),
 * into a fresh file at synchronous=FULL; only the calls are timed. Also a scaling measurement.
 */
export async function ourBatchedAppend(
  seedFile: string,
): Promise<{ seconds: number; peakRssMb: number; calls: number }> {
  let calls = 0;
  const timing = await withTemp(async (file) => {
    const store = openStore(file);
    function* parsed(): Generator<{ stream: string; events: NewEvent[] }> {
      for (const rows of batchesAsStreams(seedFile, BATCH))
        yield { stream: rows[0][0], events: rows.map(toNewEvent) };
    }
    try {
      return await timeCalls(parsed(), async ({ stream, events }) => {
        calls++;
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      });
    } finally {
      await store.close();
    }
  });
  return { ...timing, calls };
}

/** "event store: append, 1000 per call" vs raw batched insert of the same rows, 1000 per transaction. */
export async function appendBatchedRow(cohort: Cohort): Promise<Row> {
  progress(`event store: append, ${BATCH} per call (raw, then ours)…`);
  const raw = await withTemp(async (file) => {
    const db = openRaw(file, 'FULL');
    const insert = db.prepare(INSERT);
    const batch = db.transaction((rows: InsertRow[]) => {
      for (const row of rows) insert.run(...row);
    });
    try {
      return await timeCalls(batchesAsStreams(cohort.file, BATCH), (rows) => batch.immediate(rows));
    } finally {
      db.close();
    }
  });
  const { calls, ...ours } = await ourBatchedAppend(cohort.file);
  const rate = cohort.events / ours.seconds;
  const rawRate = cohort.events / raw.seconds;
  return rateRow(
    `event store: append, ${BATCH} per call`,
    rate,
    { name: `raw batched insert, same rows, ${BATCH} per transaction`, value: rawRate },
    [ours.peakRssMb, raw.peakRssMb],
    'ratio reported',
    `${cohort.events} cohort events in ${calls} appendToStream calls (a stream per ${BATCH} events, expectedRevision no_stream), ` +
      `synchronous=FULL both sides; ${ours.seconds.toFixed(2)} s vs ${raw.seconds.toFixed(2)} s raw; ` +
      `only the calls are timed (reading the seed file and JSON.parse of the input are not, on either side); ` +
      `ours includes JSON.stringify of data and metadata, raw inserts the stored JSON as is`,
  );
}

/** "event store: append, 1 per call": one awaited append after another, so every group is one append. */
export async function appendSingleRow(cohort: Cohort, count: number): Promise<Row> {
  progress(`event store: append, 1 per call, ${count} events (raw, then ours)…`);
  const rows = firstRows(cohort.file, count);
  const events = rows.map(toNewEvent);
  // Raw: one row per commit, only the commits timed (as ours times only its appends).
  const raw = await rawSingleTxRound(rows);
  const ours = await withTemp(async (file) => {
    const store = openStore(file);
    try {
      return await timed(async () => {
        for (let i = 0; i < rows.length; i++)
          await store.appendToStream(rows[i][0], [events[i]], {
            expectedRevision: expectedBefore(rows[i][1]),
          });
        return store.commitStats();
      });
    } finally {
      await store.close();
    }
  });
  const rate = rows.length / ours.seconds;
  const rawRate = rows.length / raw.seconds;
  return rateRow(
    'event store: append, 1 per call',
    rate,
    { name: 'raw insert, 1 per transaction, same rows', value: rawRate },
    [ours.peakRssMb, raw.peakRssMb],
    'ratio reported',
    `fsync-bound (synchronous=FULL, one commit per event on both sides): the first ${rows.length} cohort events, ` +
      `not the full workload (as the raw 1/tx baseline); one writer awaiting each append, so group commit never ` +
      `groups (${ours.result.appends} appends in ${ours.result.transactions} transactions); expectedRevision checked on each`,
  );
}

/** "event store: append, 1 per call, 8 concurrent writers": group commit shares a commit among them. */
export async function appendConcurrentRow(cohort: Cohort, count: number): Promise<Row> {
  progress(
    `event store: append, 1 per call, ${WRITERS} concurrent writers, ${count} events (raw, then ours)…`,
  );
  const rows = firstRows(cohort.file, count);
  // Each child's events stay in order within one writer; children are dealt to writers round-robin.
  const writers: { row: InsertRow; event: NewEvent }[][] = Array.from({ length: WRITERS }, () => []);
  let child = -1;
  let previous = '';
  for (const row of rows) {
    if (row[0] !== previous) {
      child++;
      previous = row[0];
    }
    writers[child % WRITERS].push({ row, event: toNewEvent(row) });
  }
  // Raw: one row per commit, only the commits timed (as ours times only its appends).
  const raw = await rawSingleTxRound(rows);
  const ours = await withTemp(async (file) => {
    const store = openStore(file);
    try {
      return await timed(async () => {
        await Promise.all(
          writers.map(async (mine) => {
            for (const { row, event } of mine)
              await store.appendToStream(row[0], [event], { expectedRevision: expectedBefore(row[1]) });
          }),
        );
        return store.commitStats();
      });
    } finally {
      await store.close();
    }
  });
  const rate = rows.length / ours.seconds;
  const rawRate = rows.length / raw.seconds;
  const perCommit = ours.result.appends / ours.result.transactions;
  return rateRow(
    `event store: append, 1 per call, ${WRITERS} concurrent writers`,
    rate,
    { name: 'raw insert, 1 per transaction, same rows', value: rawRate },
    [ours.peakRssMb, raw.peakRssMb],
    'ratio reported',
    `the first ${rows.length} cohort events (as the raw 1/tx baseline), children dealt to ${WRITERS} writers, each ` +
      `awaiting its own appends; group commit on: ${ours.result.appends} appends in ${ours.result.transactions} ` +
      `transactions (${perCommit.toFixed(1)} per commit), synchronous=FULL; the raw side is one writer, one row per commit`,
  );
}

/** "event store: readAll": every event in log order, data and metadata parsed by the adapter. */
export async function readAllRow(cohort: Cohort): Promise<Row> {
  progress('event store: readAll (raw, then ours)…');
  const raw = await rawReadParse(cohort.file);
  const store = openStore(cohort.file);
  let ours;
  try {
    ours = await timed(async () => {
      let n = 0;
      for await (const event of store.readAll()) if (event.data && event.metadata) n++;
      return n;
    });
  } finally {
    await store.close();
  }
  if (ours.result !== raw.events)
    throw new Error(`readAll returned ${ours.result} events, the raw read ${raw.events}`);
  const rate = ours.result / ours.seconds;
  const rawRate = raw.events / raw.seconds;
  return rateRow(
    'event store: readAll',
    rate,
    { name: 'raw read + JSON.parse, same file', value: rawRate },
    [ours.peakRssMb, raw.peakRssMb],
    'ratio reported',
    `${ours.result} events of the cohort's seed file, readAll() in pages of 1,000 (RecordedEvent with data and metadata parsed, bigint positions) vs the same rows read raw with JSON.parse of data and metadata; ${ours.seconds.toFixed(2)} s vs ${raw.seconds.toFixed(2)} s`,
  );
}
